package dev.hostguard.host;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one tool command through an executor, once, accepting every exit code so that the tool's
 * refusal (an exit code other than 0) becomes a {@link ToolRefusedException} with the message the
 * tool's client picks out of its output. Failures of the executor itself (cannot start, timeout, a
 * decorator's own failure) pass through as they are.
 */
final class ToolRun {
  private ToolRun() {}

  static CommandResult run(
      CommandExecutor executor, List<String> argv, Function<CommandResult, String> message) {
    return requireSuccess(runAnyExit(executor, argv), message);
  }

  /** Runs the argv once and returns whatever exit code it ended with. */
  static CommandResult runAnyExit(CommandExecutor executor, List<String> argv) {
    return executor.execute(Command.of(argv).acceptingAnyExitCode());
  }

  /** {@code r} if it exited 0, else the tool's refusal with the message picked from it. */
  static CommandResult requireSuccess(CommandResult r, Function<CommandResult, String> message) {
    if (r.exitCode() != 0) {
      throw new ToolRefusedException(r, message.apply(r));
    }
    return r;
  }

  /** The last line of {@code text} that is not blank, or empty. */
  static String lastLine(String text) {
    String[] lines = text.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return lines[i].strip();
      }
    }
    return "";
  }

  /** The last non-blank line of stderr, else of stdout, else a note with the exit code. */
  static String lastOutputLine(CommandResult r) {
    String err = lastLine(r.stderr());
    if (!err.isEmpty()) {
      return err;
    }
    String out = lastLine(r.stdout());
    return out.isEmpty() ? "exited " + r.exitCode() + " without a message" : out;
  }
}
