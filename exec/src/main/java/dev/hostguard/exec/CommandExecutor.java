package dev.hostguard.exec;

/**
 * Runs {@link Command}s: the SPI that every hostguard client goes through, so a tool can run
 * commands locally, over ssh, or against a recording. Implementations are stateless as far as
 * callers can tell and safe to share between threads.
 *
 * <pre>{@code
 * CommandExecutor executor = LocalExecutor.create();
 * String status = executor.execute(Command.of("ufw", "status")).stdout();
 * }</pre>
 */
public interface CommandExecutor {

  /**
   * Runs a command to completion.
   *
   * @throws CommandFailedException if the exit code is not one the command accepts
   * @throws CommandTimeoutException if the command ran past its timeout and was killed
   * @throws CommandStartException if the program could not be started at all
   */
  CommandResult execute(Command command);
}
