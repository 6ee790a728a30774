package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;

/**
 * A tool on the host refused a command (it exited with a code other than success): carries the
 * command, the exit code, the whole result and the tool's own message line, which is {@link
 * #getMessage()} ({@code Sorry but the jail 'nope' does not exist}, {@code Server already running},
 * {@code ERROR: Could not find a profile matching 'foo'} without its {@code ERROR: }).
 *
 * <pre>{@code
 * try { Fail2banClient.on(executor).status("nope"); }
 * catch (ToolRefusedException e) { e.exitCode(); e.getMessage(); } // 255, Sorry but the jail ...
 * }</pre>
 */
public final class ToolRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // results are not meant to be serialised
  private final CommandResult result;

  ToolRefusedException(CommandResult result, String toolMessage) {
    super(requireNonNull(toolMessage, "toolMessage"));
    this.result = requireNonNull(result, "result");
  }

  /** The command the tool refused. */
  public Command command() {
    return result.command();
  }

  /** The tool's exit code. */
  public int exitCode() {
    return result.exitCode();
  }

  /** The whole result: stdout, stderr, which executor ran it on which host. */
  public CommandResult result() {
    return result;
  }

  /** The command, exit code and the tool's message, for logs. */
  @Override
  public String toString() {
    return "ToolRefusedException: "
        + result.command()
        + " exited "
        + result.exitCode()
        + " via "
        + result.executor()
        + ": "
        + getMessage();
  }
}
