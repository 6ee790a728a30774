package dev.hostguard.exec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs commands as local processes through commons-exec: argv passed word for word (no shell, no
 * quoting), the environment extended by the command's additions, stdin fed from bytes, stdout and
 * stderr captured up to the command's cap, and a watchdog that kills the process and every
 * descendant it has at its timeout. Stateless and thread-safe: share one instance.
 *
 * <pre>{@code
 * CommandExecutor executor = LocalExecutor.create();
 * executor.execute(Command.of("fail2ban-client", "-c", "/etc/fail2ban", "-d")).stdout();
 * }</pre>
 */
public final class LocalExecutor implements CommandExecutor {
  /**
   * How long to wait for the output pumps once the process is gone (a grandchild may hold them).
   */
  private static final Duration PUMP_STOP_TIMEOUT = Duration.ofSeconds(5);

  /** How results name this executor and its host. */
  static final String DESCRIPTION = "local";

  static final String HOST = "localhost";

  private static final LocalExecutor INSTANCE = new LocalExecutor();

  private LocalExecutor() {}

  /** The executor (one instance serves everyone). */
  public static LocalExecutor create() {
    return INSTANCE;
  }

  @Override
  public CommandResult execute(Command command) {
    List<String> argv = command.argv();
    CommandLine line = new ExactCommandLine(argv);
    CappedOutputStream out = new CappedOutputStream(command.maxOutputBytes());
    CappedOutputStream err = new CappedOutputStream(command.maxOutputBytes());
    byte[] input = command.stdin();
    PumpStreamHandler streams =
        new PumpStreamHandler(out, err, input.length == 0 ? null : new ByteArrayInputStream(input));
    streams.setStopTimeout(PUMP_STOP_TIMEOUT);
    ExecuteWatchdog watchdog = new TreeKillingWatchdog(command.timeout());
    DefaultExecutor.Builder<?> builder = DefaultExecutor.builder().setExecuteStreamHandler(streams);
    command.workingDirectory().ifPresent(builder::setWorkingDirectory);
    DefaultExecutor executor = builder.get();
    executor.setWatchdog(watchdog);
    executor.setExitValues(null);

    Map<String, String> env = null;
    if (!command.environment().isEmpty()) {
      env = new HashMap<>(System.getenv());
      env.putAll(command.environment());
    }
    long start = System.nanoTime();
    int exitCode;
    try {
      exitCode = executor.execute(line, env);
    } catch (IOException e) {
      if (watchdog.killedProcess()) {
        exitCode = 137;
      } else {
        throw CommandStartException.of(command, e);
      }
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    boolean cut = out.overflowed() || err.overflowed();
    CommandResult result =
        cut
            ? CommandResult.truncated(command, exitCode, out.bytes(), err.bytes(), duration)
            : CommandResult.of(command, exitCode, out.bytes(), err.bytes(), duration);
    result = result.ranBy(DESCRIPTION, HOST);
    if (watchdog.killedProcess()) {
      throw CommandTimeoutException.of(result);
    }
    return result.requireAccepted();
  }

  /** {@code local}. */
  @Override
  public String toString() {
    return DESCRIPTION;
  }
}
