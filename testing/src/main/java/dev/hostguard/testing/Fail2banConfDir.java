package dev.hostguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the installed fail2ban configuration ({@code /etc/fail2ban}), made at test time
 * from the package's files, for {@code fail2ban-client -c DIR} and {@code fail2ban-server -c DIR}.
 *
 * <pre>{@code
 * Path conf = Fail2banConfDir.copyStock(tempDir.resolve("conf"));
 * Files.writeString(conf.resolve("jail.local"), "[sshd]\nenabled = true\n");
 * }</pre>
 */
public final class Fail2banConfDir {
  static final Path STOCK = Path.of("/etc/fail2ban");

  private Fail2banConfDir() {}

  /** Copies the whole stock tree (file attributes kept) into {@code to} and returns it. */
  public static Path copyStock(Path to) {
    try (Stream<Path> s = Files.walk(STOCK)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(STOCK.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy fail2ban's stock files into " + to, e);
    }
  }
}
