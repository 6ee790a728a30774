package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real ufw with private files inside a {@link NetworkNamespace}, for tests: a copy of the stock
 * files ({@link UfwDataDir}) bind-mounted over {@code /etc/ufw} and {@code /etc/default} (which
 * then holds only {@code ufw}), an empty {@code sysctl.conf} and no module loading (nothing
 * kernel-wide changes), and a private {@code /etc/alternatives} pointing iptables at the legacy
 * backend (about three times faster). {@link #close()} removes the copied alternatives links (they
 * point outside the temp dir).
 */
final class PrivateUfw implements AutoCloseable {
  final Path etcUfw;
  final Path defaults;
  private final Path alternatives;

  private PrivateUfw(Path etcUfw, Path defaults, Path alternatives) {
    this.etcUfw = etcUfw;
    this.defaults = defaults;
    this.alternatives = alternatives;
  }

  /**
   * Installs the private ufw in {@code ns}, its files under {@code work}; a private {@code /run}
   * too when {@code mountRun} (leave it out when a server already runs there with its own).
   */
  static PrivateUfw install(NetworkNamespace ns, Path work, boolean ipv6, boolean mountRun) {
    try {
      Path data = UfwDataDir.createStock(work.resolve("data"));
      Path etcUfw = data.resolve("etc/ufw");
      Path defaults = data.resolve("etc/default/ufw");
      Files.writeString(etcUfw.resolve("sysctl.conf"), "", UTF_8);
      String text =
          Files.readString(defaults, UTF_8)
              .replaceAll("(?m)^IPT_MODULES=.*$", "IPT_MODULES=\"\"")
              .replaceAll("(?m)^IPV6=.*$", ipv6 ? "IPV6=yes" : "IPV6=no");
      Files.writeString(defaults, text, UTF_8);
      Path alternatives = Files.createDirectories(work.resolve("alternatives"));
      if (mountRun) {
        ns.mountTmpfs(Path.of("/run"));
      }
      ns.bindMount(etcUfw, Path.of("/etc/ufw"));
      // the directory, not the file: an atomic write renames over /etc/default/ufw
      ns.bindMount(defaults.getParent(), Path.of("/etc/default"));
      ns.run("cp", "-a", "/etc/alternatives/.", alternatives + "/");
      for (String t : List.of("iptables", "ip6tables")) {
        for (String suffix : List.of("", "-restore", "-save")) {
          Path link = alternatives.resolve(t + suffix);
          Files.deleteIfExists(link);
          Files.createSymbolicLink(link, Path.of("/usr/sbin/" + t + "-legacy" + suffix));
        }
      }
      ns.bindMount(alternatives, Path.of("/etc/alternatives"));
      return new PrivateUfw(etcUfw, defaults, alternatives);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a file of the private {@code /etc/ufw}. */
  String read(String name) {
    try {
      return Files.readString(etcUfw.resolve(name), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> links = Files.list(alternatives)) {
      for (Path link : (Iterable<Path>) links::iterator) {
        Files.deleteIfExists(link);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
