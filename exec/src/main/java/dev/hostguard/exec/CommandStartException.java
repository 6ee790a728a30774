package dev.hostguard.exec;

import org.jspecify.annotations.Nullable;

/**
 * A command's program could not be started (not found, not executable, bad working directory, or
 * for a remote executor no connection). Executors in other packages throw it through {@link #of}.
 *
 * <pre>{@code
 * catch (CommandStartException e) { e.command().argv().get(0); }
 * // [no-such-program] could not be started: ...
 * }</pre>
 */
public class CommandStartException extends CommandException {
  private static final long serialVersionUID = 1L;

  CommandStartException(Command command, String reason, @Nullable Throwable cause) {
    super(command, command + " could not be started: " + reason, cause);
  }

  /** The failure to start {@code command}, caused by {@code cause} (its message is the reason). */
  public static CommandStartException of(Command command, Throwable cause) {
    return new CommandStartException(command, String.valueOf(cause.getMessage()), cause);
  }

  /** The failure to start {@code command} for {@code reason}. */
  public static CommandStartException of(Command command, String reason) {
    return new CommandStartException(command, reason, null);
  }
}
