package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Plan#apply} did with one step: done (with the command's exit code and output, or the
 * file's backup), failed (with the error) or not run because an earlier step failed.
 *
 * <pre>{@code
 * for (StepOutcome o : result.outcomes())
 *   System.out.println(o.status().word() + " " + o.step().description());
 * }</pre>
 *
 * @param step the step
 * @param status what happened
 * @param exitCode the command's exit code (commands that ran)
 * @param output the command's stdout then stderr; empty for files and steps not run
 * @param backup the backup a file write made (its first change in the session)
 * @param error why the step failed
 */
public record StepOutcome(
    PlanStep step,
    Status status,
    Optional<Integer> exitCode,
    String output,
    Optional<Path> backup,
    Optional<String> error) {

  /** What happened to a step. */
  public enum Status {
    /** It ran and succeeded. */
    DONE,
    /** It ran and failed: the apply stopped here. */
    FAILED,
    /** It did not run, as an earlier step failed. */
    NOT_RUN;

    /** {@code done}, {@code failed} or {@code not-run}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The status this word names. */
    public static Optional<Status> fromWord(String word) {
      for (Status s : values()) {
        if (s.word().equals(word)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** Checks non-null parts. */
  public StepOutcome {
    requireNonNull(step, "step");
    requireNonNull(status, "status");
    requireNonNull(exitCode, "exitCode");
    requireNonNull(output, "output");
    requireNonNull(backup, "backup");
    requireNonNull(error, "error");
  }

  static StepOutcome notRun(PlanStep step) {
    return new StepOutcome(
        step, Status.NOT_RUN, Optional.empty(), "", Optional.empty(), Optional.empty());
  }
}
