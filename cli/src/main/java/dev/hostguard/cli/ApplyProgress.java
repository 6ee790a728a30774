package dev.hostguard.cli;

import static java.util.Objects.requireNonNull;

import dev.hostguard.host.StepOutcome;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How {@code harden --apply} shows its steps as they run. On a terminal: each step's line on stdout
 * as soon as it has run, the status word coloured (green done, red failed, yellow not run; none
 * when {@code NO_COLOR} is set), and a {@code [n/N]} counter on stderr that the next line
 * overwrites. Otherwise (a pipe, a file, CI): the same lines, plain, and no counter. With {@code
 * --json} nothing at all ({@link #silent}).
 */
final class ApplyProgress implements Consumer<StepOutcome> {
  private static final String RESET = "\u001b[0m";
  private static final Map<StepOutcome.Status, String> COLOURS =
      Map.of(
          StepOutcome.Status.DONE, "\u001b[32m",
          StepOutcome.Status.FAILED, "\u001b[31m",
          StepOutcome.Status.NOT_RUN, "\u001b[33m");

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final boolean colour;
  private final int total;
  private final boolean silent;
  private int seen;

  private ApplyProgress(
      PrintStream out,
      PrintStream err,
      boolean terminal,
      boolean colour,
      int total,
      boolean silent) {
    this.out = requireNonNull(out, "out");
    this.err = requireNonNull(err, "err");
    this.terminal = terminal;
    this.colour = colour;
    this.total = total;
    this.silent = silent;
  }

  /** For {@code total} steps on these streams; a terminal when this JVM has a console. */
  static ApplyProgress of(PrintStream out, PrintStream err, int total) {
    boolean terminal = System.console() != null;
    return new ApplyProgress(
        out, err, terminal, terminal && System.getenv("NO_COLOR") == null, total, false);
  }

  /** A display of these properties (tests). */
  static ApplyProgress of(
      PrintStream out, PrintStream err, int total, boolean terminal, boolean colour) {
    return new ApplyProgress(out, err, terminal, colour, total, false);
  }

  /** No output: {@code --json}. */
  static ApplyProgress silent() {
    return new ApplyProgress(System.out, System.err, false, false, 0, true);
  }

  @Override
  public void accept(StepOutcome o) {
    if (silent) {
      return;
    }
    seen++;
    if (terminal) {
      err.print("\r\u001b[K");
    }
    String word = o.status().word();
    out.print(colour ? COLOURS.get(o.status()) + word + RESET : word);
    out.print(": " + o.step().description() + "\n");
    if (o.status() == StepOutcome.Status.FAILED) {
      String text = o.output().isEmpty() ? o.error().orElse("") : o.output();
      if (!text.isEmpty()) {
        out.print(text.endsWith("\n") ? text : text + "\n");
      }
    }
    out.flush();
    if (terminal && seen < total) {
      err.printf("[%d/%d] ", seen, total);
      err.flush();
    } else if (terminal) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
