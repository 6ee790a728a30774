package dev.hostguard.exec;

/**
 * A command's program could not be started (not found, not executable, bad working directory).
 *
 * <pre>{@code
 * catch (CommandStartException e) { e.command().argv().get(0); }
 * // [no-such-program] could not be started: ...
 * }</pre>
 */
public final class CommandStartException extends CommandException {
  private static final long serialVersionUID = 1L;

  CommandStartException(Command command, Throwable cause) {
    super(command, command + " could not be started: " + cause.getMessage(), cause);
  }
}
