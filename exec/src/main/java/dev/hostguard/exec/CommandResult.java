package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a finished {@link Command} left: exit code, stdout and stderr (as bytes, with UTF-8 text
 * views), whether either was cut at the command's cap, and how long it ran.
 *
 * <pre>{@code
 * CommandResult r = executor.execute(Command.of("psad", "-c", "psad.conf", "-D"));
 * r.exitCode(); r.stdout();
 * }</pre>
 */
public final class CommandResult {
  private final Command command;
  private final int exitCode;
  private final byte[] stdout;
  private final byte[] stderr;
  private final boolean truncated;
  private final Duration duration;

  private CommandResult(
      Command command,
      int exitCode,
      byte[] stdout,
      byte[] stderr,
      boolean truncated,
      Duration duration) {
    this.command = requireNonNull(command, "command");
    this.exitCode = exitCode;
    this.stdout = stdout.clone();
    this.stderr = stderr.clone();
    this.truncated = truncated;
    this.duration = requireNonNull(duration, "duration");
  }

  /** A result, for executors and tests. */
  public static CommandResult of(
      Command command, int exitCode, byte[] stdout, byte[] stderr, Duration duration) {
    return new CommandResult(command, exitCode, stdout, stderr, false, duration);
  }

  /** A result whose output was cut at the command's cap. */
  public static CommandResult truncated(
      Command command, int exitCode, byte[] stdout, byte[] stderr, Duration duration) {
    return new CommandResult(command, exitCode, stdout, stderr, true, duration);
  }

  /** The command that ran. */
  public Command command() {
    return command;
  }

  /** The exit code (a process killed by a signal reports 128 + signal, as a shell would). */
  public int exitCode() {
    return exitCode;
  }

  /** Whether the command accepts this result's exit code. */
  public boolean isAccepted() {
    return command.accepts(exitCode);
  }

  /** stdout decoded as UTF-8. */
  public String stdout() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** stdout as bytes. */
  public byte[] stdoutBytes() {
    return stdout.clone();
  }

  /** stderr decoded as UTF-8. */
  public String stderr() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  /** stderr as bytes. */
  public byte[] stderrBytes() {
    return stderr.clone();
  }

  /** Whether stdout or stderr went past the cap and was cut. */
  public boolean isTruncated() {
    return truncated;
  }

  /** Wall-clock time from start to exit. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return command + " exited " + exitCode + " after " + duration.toMillis() + " ms";
  }
}
