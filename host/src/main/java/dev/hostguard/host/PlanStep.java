package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * One step of a {@link Plan}: a command to run on the target ({@link RunCommand}, an argv list,
 * never a shell line) or a file to write ({@link WriteFile}, with its diff).
 *
 * <pre>{@code
 * for (PlanStep s : plan.steps()) System.out.println(s.description());
 * if (s instanceof PlanStep.WriteFile w) System.out.print(w.change().unifiedDiff());
 * }</pre>
 */
public sealed interface PlanStep permits PlanStep.RunCommand, PlanStep.WriteFile {
  /** One line saying what the step does ({@code ufw allow 22/tcp}, {@code write /etc/...}). */
  String description();

  /**
   * Runs {@code argv} on the target.
   *
   * <pre>{@code
   * new PlanStep.RunCommand(List.of("ufw", "reload"));
   * }</pre>
   *
   * @param argv the program and its arguments
   */
  record RunCommand(ImmutableList<String> argv) implements PlanStep {
    /** Copies the argv; it must name a program. */
    public RunCommand {
      argv = ImmutableList.copyOf(argv);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("empty argv");
      }
    }

    /** The argv joined by spaces (for display: not quoted for a shell). */
    @Override
    public String description() {
      return String.join(" ", argv);
    }
  }

  /**
   * Writes a file on the target (atomically, backed up first).
   *
   * <pre>{@code
   * new PlanStep.WriteFile(FileChange.planned(files, path, bytes));
   * }</pre>
   *
   * @param change the file, its content before (checked at apply time) and after
   */
  record WriteFile(FileChange change) implements PlanStep {
    /** Checks non-null. */
    public WriteFile {
      requireNonNull(change, "change");
    }

    @Override
    public String description() {
      return (change.before().isPresent() ? "write " : "create ") + change.path();
    }
  }
}
