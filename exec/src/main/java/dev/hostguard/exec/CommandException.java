package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The root of the executor's failures; each names the {@link Command} it is about. Executors in
 * other packages throw the subclasses through their factories ({@link CommandFailedException#of},
 * {@link CommandTimeoutException#of}, {@link CommandStartException#of}).
 *
 * <pre>{@code
 * try { executor.execute(cmd); }
 * catch (CommandException e) { log(e.command() + ": " + e.getMessage()); }
 * }</pre>
 */
public abstract class CommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // commands are not meant to be serialised
  private final Command command;

  CommandException(Command command, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.command = requireNonNull(command, "command");
  }

  /** The command that failed. */
  public Command command() {
    return command;
  }

  /** Text cut in the middle to at most {@code max} chars, saying how much was left out. */
  static String cutInMiddle(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int half = max / 2;
    int omitted = text.length() - 2 * half;
    return text.substring(0, half)
        + "\n... ["
        + omitted
        + " chars omitted] ...\n"
        + text.substring(text.length() - half);
  }

  /** " via EXECUTOR" when the result says who ran it, else nothing. */
  static String via(CommandResult r) {
    return r.executor().equals(CommandResult.UNSPECIFIED) ? "" : " via " + r.executor();
  }
}
