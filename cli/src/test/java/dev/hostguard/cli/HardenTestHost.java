package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private network and mount namespace that looks like a server with ufw (disabled, stock files),
 * psad and fail2ban: private copies of {@code /etc/ufw}, {@code /etc/default} (ufw's stock
 * defaults), {@code /etc/psad} and {@code /etc/fail2ban} under {@code dir} bind-mounted over the
 * real paths, a private {@code /run}, and the legacy iptables backend through a private {@code
 * /etc/alternatives}. {@link #hostguard} runs the command line inside, as a local run would.
 */
final class HardenTestHost implements AutoCloseable {
  final NetworkNamespace ns;
  final Path data;
  private final Path alternatives;

  HardenTestHost(Path dir) throws IOException {
    data = UfwDataDir.createStock(dir.resolve("data"));
    Path etcUfw = data.resolve("etc/ufw");
    Path defaults = data.resolve("etc/default/ufw");
    Files.writeString(etcUfw.resolve("sysctl.conf"), "", UTF_8);
    Files.writeString(
        defaults,
        Files.readString(defaults, UTF_8).replaceAll("(?m)^IPT_MODULES=.*$", "IPT_MODULES=\"\""),
        UTF_8);
    alternatives = Files.createDirectories(dir.resolve("alternatives"));
    ns = NetworkNamespace.create();
    try {
      ns.run("cp", "-a", "/etc/psad", data.resolve("etc/psad").toString());
      ns.run("cp", "-a", "/etc/fail2ban", data.resolve("etc/fail2ban").toString());
      ns.mountTmpfs(Path.of("/run"));
      ns.bindMount(etcUfw, Path.of("/etc/ufw"));
      // the whole directory, not the file: a file bind mount cannot be renamed over, and
      // hostguard writes atomically (a temporary file renamed over the old one)
      ns.run("cp", "-an", "/etc/default/.", data.resolve("etc/default") + "/");
      ns.bindMount(data.resolve("etc/default"), Path.of("/etc/default"));
      ns.bindMount(data.resolve("etc/psad"), Path.of("/etc/psad"));
      ns.bindMount(data.resolve("etc/fail2ban"), Path.of("/etc/fail2ban"));
      ns.run("cp", "-a", "/etc/alternatives/.", alternatives + "/");
      for (String t : List.of("iptables", "ip6tables")) {
        for (String suffix : List.of("", "-restore", "-save")) {
          Path link = alternatives.resolve(t + suffix);
          Files.deleteIfExists(link);
          Files.createSymbolicLink(link, Path.of("/usr/sbin/" + t + "-legacy" + suffix));
        }
      }
      ns.bindMount(alternatives, Path.of("/etc/alternatives"));
    } catch (RuntimeException | IOException e) {
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
  public void close() throws IOException {
    ns.close();
    try (Stream<Path> links = Files.list(alternatives)) {
      for (Path link : (Iterable<Path>) links::iterator) {
        Files.deleteIfExists(link);
      }
    }
  }
}
