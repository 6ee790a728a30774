package dev.hostguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a {@code ufw --datadir} tree holding Debian's stock ufw files, copied at test time from
 * the installed package: {@code etc/ufw/*.rules}, {@code *.init}, {@code ufw.conf}, {@code
 * sysctl.conf}, the application profiles the ufw package ships (not those other packages add to
 * {@code /etc/ufw/applications.d}, such as openssh-server's {@code OpenSSH}) and {@code
 * etc/default/ufw}.
 *
 * <pre>{@code
 * Path dir = UfwDataDir.createStock(tempDir);
 * Files.writeString(dir.resolve("etc/ufw/applications.d/plex"), profile);
 * }</pre>
 */
public final class UfwDataDir {
  static final Path SHARE = Path.of("/usr/share/ufw");
  static final Path ETC_UFW = Path.of("/etc/ufw");
  static final Path DEFAULTS = Path.of("/etc/default/ufw");
  static final Path DPKG_LIST = Path.of("/var/lib/dpkg/info/ufw.list");

  private UfwDataDir() {}

  /** Fills {@code dir} with the stock files and returns it. */
  public static Path createStock(Path dir) {
    try {
      Path etcUfw = Files.createDirectories(dir.resolve("etc/ufw"));
      Path apps = Files.createDirectories(etcUfw.resolve("applications.d"));
      Files.createDirectories(dir.resolve("etc/default"));
      try (Stream<Path> files = Files.list(SHARE.resolve("iptables"))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          copy(f, etcUfw.resolve(f.getFileName().toString()));
        }
      }
      copy(SHARE.resolve("ufw.conf"), etcUfw.resolve("ufw.conf"));
      for (String init : new String[] {"before.init", "after.init"}) {
        if (Files.exists(SHARE.resolve(init))) {
          copy(SHARE.resolve(init), etcUfw.resolve(init));
        }
      }
      if (Files.exists(ETC_UFW.resolve("sysctl.conf"))) {
        copy(ETC_UFW.resolve("sysctl.conf"), etcUfw.resolve("sysctl.conf"));
      }
      for (Path f : shippedProfiles()) {
        copy(f, apps.resolve(f.getFileName().toString()));
      }
      copy(DEFAULTS, dir.resolve("etc/default/ufw"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy ufw's stock files into " + dir, e);
    }
  }

  /**
   * The application profiles the ufw package itself ships (its dpkg file list), not those other
   * packages added (openssh-server's {@code OpenSSH}, ...): tests see the same set on every host.
   */
  static List<Path> shippedProfiles() throws IOException {
    Path apps = ETC_UFW.resolve("applications.d");
    List<Path> out = new ArrayList<>();
    if (Files.exists(DPKG_LIST)) {
      for (String line : Files.readAllLines(DPKG_LIST, StandardCharsets.UTF_8)) {
        Path p = Path.of(line);
        if (apps.equals(p.getParent()) && Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    } else {
      try (Stream<Path> files = Files.list(apps)) {
        files.filter(f -> f.getFileName().toString().startsWith("ufw-")).forEach(out::add);
      }
    }
    out.sort(null);
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
