package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.PrivateUfw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private network and mount namespace that looks like a server with ufw (disabled, stock files),
 * psad and fail2ban: a {@link PrivateUfw} ({@code IPV6=yes}, a private {@code /run}, the legacy
 * iptables backend) whose private {@code /etc/default} also holds copies of the host's other
 * defaults files, and private copies of {@code /etc/psad} and {@code /etc/fail2ban} under {@code
 * dir} bind-mounted over the real paths. {@link #hostguard} runs the command line inside, as a
 * local run would.
 */
final class HardenTestHost implements AutoCloseable {
  final NetworkNamespace ns;
  final Path data;
  private final PrivateUfw ufw;

  HardenTestHost(Path dir) throws IOException {
    ufw = PrivateUfw.inNewNamespace(dir, true);
    ns = ufw.namespace();
    data = ufw.dataDir();
    try {
      // the host's other defaults files, copied outside the namespace (inside, /etc/default is
      // already the private one); -n keeps the private ufw
      LocalExecutor.create()
          .execute(Command.of("cp", "-an", "/etc/default/.", data.resolve("etc/default") + "/"));
      ns.run("cp", "-a", "/etc/psad", data.resolve("etc/psad").toString());
      ns.run("cp", "-a", "/etc/fail2ban", data.resolve("etc/fail2ban").toString());
      ns.bindMount(data.resolve("etc/psad"), Path.of("/etc/psad"));
      ns.bindMount(data.resolve("etc/fail2ban"), Path.of("/etc/fail2ban"));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Runs commands inside (network and mount). */
  CommandExecutor executor() {
    return ns.executor();
  }

  /** A command inside that must exit 0; its stdout. */
  String run(String... argv) {
    return ns.executor().execute(Command.of(List.of(argv))).stdout();
  }

  /** A file of the private tree, e.g. {@code etc/ufw/user.rules}. */
  String file(String rel) throws IOException {
    return Files.readString(data.resolve(rel), UTF_8);
  }

  /**
   * {@code hostguard ARGS} in a new JVM on this test's classpath, through {@code executor} (inside
   * the namespace, or only in its network); any exit code.
   */
  static CommandResult hostguard(CommandExecutor executor, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-Xmx256m");
    argv.add("-XX:TieredStopAtLevel=1");
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add(HostguardCli.class.getName());
    argv.addAll(List.of(args));
    return executor.execute(
        Command.of(argv).withTimeout(Duration.ofMinutes(3)).acceptingAnyExitCode());
  }

  @Override
  public void close() {
    ufw.close();
  }
}
