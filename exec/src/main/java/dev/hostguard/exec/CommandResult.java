package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a finished {@link Command} left: exit code, stdout and stderr (as bytes, with UTF-8 text
 * views), whether either was cut at the command's cap, how long it ran, and which executor ran it
 * on which host ({@code local} on {@code localhost}, {@code ssh root@web1:22} on {@code web1}).
 *
 * <pre>{@code
 * CommandResult r = executor.execute(Command.of("psad", "-c", "psad.conf", "-D"));
 * r.exitCode(); r.stdout(); r.executor(); r.host();
 * }</pre>
 */
public final class CommandResult {
  /** The executor and host of a result built without saying who ran it. */
  public static final String UNSPECIFIED = "unspecified";

  private final Command command;
  private final int exitCode;
  private final byte[] stdout;
  private final byte[] stderr;
  private final boolean truncated;
  private final Duration duration;
  private final String executor;
  private final String host;

  private CommandResult(
      Command command,
      int exitCode,
      byte[] stdout,
      byte[] stderr,
      boolean truncated,
      Duration duration,
      String executor,
      String host) {
    this.command = requireNonNull(command, "command");
    this.exitCode = exitCode;
    this.stdout = stdout.clone();
    this.stderr = stderr.clone();
    this.truncated = truncated;
    this.duration = requireNonNull(duration, "duration");
    this.executor = requireNonNull(executor, "executor");
    this.host = requireNonNull(host, "host");
  }

  /**
   * A result, for executors and tests; its executor and host are {@link #UNSPECIFIED} until {@link
   * #ranBy} says otherwise.
   */
  public static CommandResult of(
      Command command, int exitCode, byte[] stdout, byte[] stderr, Duration duration) {
    return new CommandResult(
        command, exitCode, stdout, stderr, false, duration, UNSPECIFIED, UNSPECIFIED);
  }

  /** A result whose output was cut at the command's cap. */
  public static CommandResult truncated(
      Command command, int exitCode, byte[] stdout, byte[] stderr, Duration duration) {
    return new CommandResult(
        command, exitCode, stdout, stderr, true, duration, UNSPECIFIED, UNSPECIFIED);
  }

  /**
   * This result as run by {@code executor} (a short description such as {@code local} or {@code
   * sudo -u backup via ssh root@web1:22}) on {@code host}.
   */
  public CommandResult ranBy(String executor, String host) {
    return new CommandResult(
        command, exitCode, stdout, stderr, truncated, duration, executor, host);
  }

  /**
   * This result reported for another command: a decorator hands its caller's command back, not the
   * one it built around it (so the caller's accepted exit codes judge it).
   */
  public CommandResult forCommand(Command other) {
    return new CommandResult(other, exitCode, stdout, stderr, truncated, duration, executor, host);
  }

  /**
   * Returns this result if its command accepts its exit code, and throws {@link
   * CommandFailedException} otherwise: the last step of every executor.
   */
  public CommandResult requireAccepted() {
    if (!isAccepted()) {
      throw CommandFailedException.of(this);
    }
    return this;
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

  /**
   * Which executor ran the command: {@code local}, {@code recording}, {@code ssh root@web1:22},
   * {@code sudo via local}; {@link #UNSPECIFIED} if nobody said.
   */
  public String executor() {
    return executor;
  }

  /**
   * The host the command ran on ({@code localhost}, {@code web1}); {@link #UNSPECIFIED} if unsaid.
   */
  public String host() {
    return host;
  }

  @Override
  public String toString() {
    return command
        + " exited "
        + exitCode
        + " after "
        + duration.toMillis()
        + " ms (via "
        + executor
        + ")";
  }
}
