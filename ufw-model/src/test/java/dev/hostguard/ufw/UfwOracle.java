package dev.hostguard.ufw;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test helper: real ufw dry runs in parallel, and data dirs populated by ufw itself. */
final class UfwOracle {
  private UfwOracle() {}

  /** The plex profile of the seed chapter. */
  static final String PLEX =
      "[PlexMediaServer]\n"
          + "title=Plex Media Server\n"
          + "description=This opens up PlexMediaServer for http (32400), upnp, and autodiscovery.\n"
          + "ports=32469/tcp|32413/udp|1900/udp|32400/tcp|32412/udp|32410/udp|32414/udp|32400/udp\n";

  /**
   * A profile shaped like Debian openssh-server's (mixed-case name, found case-insensitively by
   * {@code app openssh}); nearly every real server has one.
   */
  static final String OPENSSH =
      "[OpenSSH]\n"
          + "title=Secure shell server\n"
          + "description=An OpenSSH-style profile for tests.\n"
          + "ports=22/tcp\n";

  static Path stockWithOpenSsh(Path dir) throws IOException {
    stockWithPlex(dir);
    Files.writeString(dir.resolve("etc/ufw/applications.d/openssh-server"), OPENSSH);
    return dir;
  }

  static Path stockWithPlex(Path dir) throws IOException {
    UfwDataDir.createStock(dir);
    Files.writeString(dir.resolve("etc/ufw/applications.d/plexmediaserver"), PLEX);
    return dir;
  }

  /**
   * Applies {@code commands} one after the other with the REAL ufw dry run, writing the user.rules
   * and user6.rules it prints back into {@code dir}.
   */
  static void populate(Path dir, List<List<String>> commands) throws IOException {
    for (List<String> c : commands) {
      CommandResult r = RealTools.ufwDryRun(dir, c);
      if (r.exitCode() != 0) {
        throw new IllegalStateException("ufw refused " + c + ": " + r.stderr());
      }
      String out = r.stdout();
      String v4 = null;
      String v6 = null;
      int from = 0;
      while (true) {
        int start = out.indexOf("*filter\n", from);
        if (start < 0) {
          break;
        }
        int end = out.indexOf("COMMIT\n", start) + "COMMIT\n".length();
        String block = out.substring(start, end);
        if (block.contains(":ufw6-")) {
          v6 = block;
        } else {
          v4 = block;
        }
        from = end;
      }
      if (v4 != null) {
        Files.writeString(dir.resolve("etc/ufw/user.rules"), v4);
      }
      if (v6 != null) {
        Files.writeString(dir.resolve("etc/ufw/user6.rules"), v6);
      }
    }
  }

  /** Runs the real ufw dry run for every argv, 4 at a time. */
  static List<CommandResult> runAll(Path dir, List<List<String>> argvs) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CommandResult>> fs = new ArrayList<>();
      for (List<String> a : argvs) {
        fs.add(rewritesConf(a) ? null : pool.submit(() -> RealTools.ufwDryRun(dir, a)));
      }
      List<CommandResult> out = new ArrayList<>();
      for (int i = 0; i < argvs.size(); i++) {
        Future<CommandResult> f = fs.get(i);
        out.add(f != null ? f.get() : null);
      }
      // ufw rewrites ufw.conf for 'logging LEVEL' even under --dry-run: those run alone, after
      for (int i = 0; i < argvs.size(); i++) {
        if (out.get(i) == null) {
          out.set(i, RealTools.ufwDryRun(dir, argvs.get(i)));
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new UncheckedIOException(new IOException(e.getCause()));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Whether ufw may read this command line as {@code logging LEVEL} (its first word is {@code
   * logging} or a level, which ufw takes for the logging command), which rewrites {@code ufw.conf}
   * even in a dry run.
   */
  static boolean rewritesConf(List<String> argv) {
    return !argv.isEmpty()
        && Set.of("logging", "on", "off", "low", "medium", "high", "full")
            .contains(argv.get(0).toLowerCase(Locale.ROOT));
  }

  /**
   * The {@code WARN:} lines of a run, without ufw's checks of the data dir's ownership and
   * permissions (about the test's temp directories, not the command).
   */
  static List<String> warnings(String stderr) {
    List<String> out = new ArrayList<>();
    for (String l : stderr.split("\n", -1)) {
      if (l.startsWith("WARN: ")
          && !l.contains("is world writable")
          && !l.contains("is owned by")) {
        out.add(l);
      }
    }
    return out;
  }

  static String firstError(String stderr) {
    for (String l : stderr.split("\n", -1)) {
      if (l.startsWith("ERROR: ")) {
        return l.substring("ERROR: ".length());
      }
    }
    return "";
  }
}
