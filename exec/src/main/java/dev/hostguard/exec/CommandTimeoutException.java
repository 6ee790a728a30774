package dev.hostguard.exec;

import java.time.Duration;

/**
 * A command ran past its timeout and was killed; carries what it had printed by then.
 *
 * <pre>{@code
 * catch (CommandTimeoutException e) { e.timeout(); e.partialResult().stdout(); }
 * // [sleep, 10] timed out after PT1S and was killed
 * }</pre>
 */
public final class CommandTimeoutException extends CommandException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final CommandResult partialResult;

  CommandTimeoutException(CommandResult partialResult) {
    super(
        partialResult.command(),
        partialResult.command()
            + " timed out after "
            + partialResult.command().timeout()
            + " and was killed"
            + (partialResult.stderr().isEmpty()
                ? ""
                : "\nstderr:\n"
                    + cutInMiddle(
                        partialResult.stderr(), CommandFailedException.MESSAGE_OUTPUT_CHARS)),
        null);
    this.partialResult = partialResult;
  }

  /** The timeout that was exceeded. */
  public Duration timeout() {
    return command().timeout();
  }

  /** Output up to the kill; the exit code is the killed process's. */
  public CommandResult partialResult() {
    return partialResult;
  }
}
