package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real ufw, enabled, in a private network and mount namespace: stock files copied under {@code
 * dir} and bind-mounted over {@code /etc/ufw} and {@code /etc/default/ufw}, a private {@code /run},
 * and the legacy iptables backend (about 3× faster) through a private {@code /etc/alternatives}.
 */
final class UfwTestHost implements AutoCloseable {
  final NetworkNamespace ns;
  final Path data;
  private final Path alternatives;

  UfwTestHost(Path dir) throws IOException {
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
      ns.mountTmpfs(Path.of("/run"));
      ns.bindMount(etcUfw, Path.of("/etc/ufw"));
      ns.bindMount(defaults, Path.of("/etc/default/ufw"));
      ns.run("cp", "-a", "/etc/alternatives/.", alternatives + "/");
      for (String t : List.of("iptables", "ip6tables")) {
        for (String suffix : List.of("", "-restore", "-save")) {
          Path link = alternatives.resolve(t + suffix);
          Files.deleteIfExists(link);
          Files.createSymbolicLink(link, Path.of("/usr/sbin/" + t + "-legacy" + suffix));
        }
      }
      ns.bindMount(alternatives, Path.of("/etc/alternatives"));
      ns.run("ufw", "--force", "enable");
    } catch (RuntimeException | IOException e) {
      close();
      throw e;
    }
  }

  CommandExecutor executor() {
    return ns.executor();
  }

  String run(String... argv) {
    return ns.executor().execute(Command.of(List.of(argv))).stdout();
  }

  String file(String rel) throws IOException {
    return Files.readString(data.resolve(rel), UTF_8);
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
