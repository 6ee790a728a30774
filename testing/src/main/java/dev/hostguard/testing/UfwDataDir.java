package dev.hostguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Builds a {@code ufw --datadir} tree holding Debian's stock ufw files, copied at test time from
 * the installed package: {@code etc/ufw/*.rules}, {@code *.init}, {@code ufw.conf}, {@code
 * sysctl.conf}, {@code applications.d/*} and {@code etc/default/ufw}.
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
      try (Stream<Path> files = Files.list(ETC_UFW.resolve("applications.d"))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          copy(f, apps.resolve(f.getFileName().toString()));
        }
      }
      copy(DEFAULTS, dir.resolve("etc/default/ufw"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy ufw's stock files into " + dir, e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
