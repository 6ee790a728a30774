package dev.hostguard.exec;

import com.google.common.collect.ImmutableSet;

/**
 * A command exited with a code it does not accept. The message carries the command, the exit code,
 * the accepted codes and its output, cut in the middle when long.
 *
 * <pre>{@code
 * catch (CommandFailedException e) { e.result().exitCode(); e.result().stderr(); }
 * // [ufw, allow, foo] exited 1 (accepted: [0]) ... ERROR: Could not find a profile matching 'foo'
 * }</pre>
 */
public final class CommandFailedException extends CommandException {
  private static final long serialVersionUID = 1L;

  /** How many chars of each stream the message keeps. */
  static final int MESSAGE_OUTPUT_CHARS = 2000;

  @SuppressWarnings("serial")
  private final CommandResult result;

  private CommandFailedException(CommandResult result) {
    super(result.command(), message(result), null);
    this.result = result;
  }

  /** Returns {@code result} if its command accepts its exit code, and throws this otherwise. */
  static CommandResult requireAccepted(CommandResult result) {
    if (!result.isAccepted()) {
      throw new CommandFailedException(result);
    }
    return result;
  }

  private static String message(CommandResult r) {
    ImmutableSet<Integer> accepted = r.command().acceptedExitCodes();
    StringBuilder sb =
        new StringBuilder()
            .append(r.command())
            .append(" exited ")
            .append(r.exitCode())
            .append(" (accepted: ")
            .append(accepted)
            .append(')');
    String out = r.stdout();
    String err = r.stderr();
    if (!out.isEmpty()) {
      sb.append("\nstdout:\n").append(cutInMiddle(out, MESSAGE_OUTPUT_CHARS));
    }
    if (!err.isEmpty()) {
      sb.append("\nstderr:\n").append(cutInMiddle(err, MESSAGE_OUTPUT_CHARS));
    }
    return sb.toString();
  }

  /** The whole result, output included. */
  public CommandResult result() {
    return result;
  }

  /** The exit code. */
  public int exitCode() {
    return result.exitCode();
  }
}
