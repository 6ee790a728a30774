package dev.hostguard.exec;

import java.time.Duration;

/**
 * A command ran past its timeout and was killed; carries what it had printed by then and says what
 * was killed. Executors in other packages throw it through {@link #of}.
 *
 * <pre>{@code
 * catch (CommandTimeoutException e) { e.timeout(); e.partialResult().stdout(); }
 * // [sleep, 10] timed out after PT1S and was killed via local
 * }</pre>
 */
public final class CommandTimeoutException extends CommandException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final CommandResult partialResult;

  private final String killed;

  private CommandTimeoutException(CommandResult partialResult, String killed) {
    super(
        partialResult.command(),
        partialResult.command()
            + " timed out after "
            + partialResult.command().timeout()
            + " and was killed"
            + (killed.isEmpty() ? "" : " (" + killed + ")")
            + via(partialResult)
            + (partialResult.stderr().isEmpty()
                ? ""
                : "\nstderr:\n"
                    + cutInMiddle(
                        partialResult.stderr(), CommandFailedException.MESSAGE_OUTPUT_CHARS)),
        null);
    this.partialResult = partialResult;
    this.killed = killed;
  }

  /** The timeout of {@code partialResult}'s command was exceeded and its process killed. */
  public static CommandTimeoutException of(CommandResult partialResult) {
    return new CommandTimeoutException(partialResult, "");
  }

  /**
   * Like {@link #of(CommandResult)}, saying what was killed: {@code "the local ssh client was
   * killed; the remote command may still be running"}.
   */
  public static CommandTimeoutException of(CommandResult partialResult, String killed) {
    return new CommandTimeoutException(partialResult, killed);
  }

  /** The timeout that was exceeded. */
  public Duration timeout() {
    return command().timeout();
  }

  /** Output up to the kill; the exit code is the killed process's. */
  public CommandResult partialResult() {
    return partialResult;
  }

  /** What was killed, when the executor said ({@code ""} otherwise). */
  public String killed() {
    return killed;
  }
}
