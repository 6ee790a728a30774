package dev.hostguard.testing;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the real tools as oracles, always through {@link LocalExecutor}, always with a timeout, and
 * never against the host's firewall: only read-only modes ({@code ufw --dry-run}, {@code
 * fail2ban-client -d}, {@code psad -D}) run here; anything that touches netfilter goes through
 * {@link UfwSandbox}.
 *
 * <pre>{@code
 * CommandResult r = RealTools.ufwDryRun(UfwDataDir.createStock(tmp), List.of("allow", "22/tcp"));
 * r.exitCode(); r.stdout();
 * }</pre>
 */
public final class RealTools {
  /** Timeout of one oracle call. */
  public static final Duration ORACLE_TIMEOUT = Duration.ofSeconds(60);

  private RealTools() {}

  /**
   * Whether the environment says this is CI: {@code CI} is {@code true}, {@code 1} or {@code yes}.
   */
  public static boolean isCi() {
    return isCiValue(System.getenv("CI"));
  }

  /** Whether a value of the {@code CI} variable means CI ({@code true}, {@code 1}, {@code yes}). */
  static boolean isCiValue(@Nullable String value) {
    if (value == null) {
      return false;
    }
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    return v.equals("true") || v.equals("1") || v.equals("yes");
  }

  /** Whether this process runs as root (needed for namespaces). */
  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs any command with the oracle timeout unless it sets its own, accepting any exit code. */
  public static CommandResult run(Command command) {
    Command c = command.acceptingAnyExitCode();
    if (c.timeout().equals(Command.DEFAULT_TIMEOUT)) {
      c = c.withTimeout(ORACLE_TIMEOUT);
    }
    return LocalExecutor.create().execute(c);
  }

  /** {@code ufw --datadir=DIR --dry-run ARGS...}; any exit code. */
  public static CommandResult ufwDryRun(Path datadir, List<String> args) {
    ImmutableList<String> argv =
        ImmutableList.<String>builder()
            .add(RealTool.UFW.require().toString(), "--datadir=" + datadir, "--dry-run")
            .addAll(args)
            .build();
    return run(Command.of(argv));
  }

  /** {@code fail2ban-client -c DIR -d}; any exit code. */
  public static CommandResult fail2banDump(Path confDir) {
    return run(
        Command.of(RealTool.FAIL2BAN_CLIENT.require().toString(), "-c", confDir.toString(), "-d"));
  }

  /** {@code psad -c FILE -D}; any exit code. */
  public static CommandResult psadDump(Path psadConf) {
    return run(Command.of(RealTool.PSAD.require().toString(), "-c", psadConf.toString(), "-D"));
  }
}
