package dev.hostguard.exec;

import com.google.common.collect.ImmutableSet;

/**
 * A command exited with a code it does not accept. The message carries the command, the exit code,
 * the accepted codes, the executor and its output, cut in the middle when long. Executors throw it
 * through {@link #of} or {@link CommandResult#requireAccepted()}.
 *
 * <pre>{@code
 * catch (CommandFailedException e) { e.result().exitCode(); e.result().stderr(); }
 * // [ufw, allow, foo] exited 1 (accepted: [0]) via local ... ERROR: Could not find a profile matching 'foo'
 * }</pre>
 */
public class CommandFailedException extends CommandException {
  private static final long serialVersionUID = 1L;

  /** How many chars of each stream the message keeps. */
  static final int MESSAGE_OUTPUT_CHARS = 2000;

  @SuppressWarnings("serial")
  private final CommandResult result;

  CommandFailedException(CommandResult result, String message) {
    super(result.command(), message, null);
    this.result = result;
  }

  /**
   * The failure for a result whose command does not accept its exit code.
   *
   * @throws IllegalArgumentException if the command accepts the exit code
   */
  public static CommandFailedException of(CommandResult result) {
    if (result.isAccepted()) {
      throw new IllegalArgumentException(
          "not a failure: " + result.command() + " accepts exit code " + result.exitCode());
    }
    return new CommandFailedException(result, message(result, ""));
  }

  /** The standard message, with {@code note} (if not empty) after the exit code. */
  static String message(CommandResult r, String note) {
    ImmutableSet<Integer> accepted = r.command().acceptedExitCodes();
    StringBuilder sb =
        new StringBuilder()
            .append(r.command())
            .append(" exited ")
            .append(r.exitCode())
            .append(" (accepted: ")
            .append(accepted)
            .append(')')
            .append(via(r));
    if (!note.isEmpty()) {
      sb.append(": ").append(note);
    }
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
