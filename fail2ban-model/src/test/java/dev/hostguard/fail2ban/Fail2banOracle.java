package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.Fail2banConfDir;
import dev.hostguard.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Test support: a private copy of the installed {@code /etc/fail2ban} with a log directory, and the
 * comparison of our dump with {@code fail2ban-client -c DIR -d}.
 */
final class Fail2banOracle {
  static final Path STOCK = Path.of("/etc/fail2ban");

  private Fail2banOracle() {}

  /** Copies the installed configuration to {@code root/conf}; creates {@code root/logs}. */
  static Path stockCopy(Path root) throws IOException {
    Path conf = root.resolve("conf");
    Fail2banConfDir.copyStock(conf);
    Path logs = root.resolve("logs");
    Files.createDirectories(logs.resolve("sub"));
    for (String f : new String[] {"a.log", "b.log", "c.txt", ".hidden.log", "sub/x.log"}) {
      Files.writeString(logs.resolve(f), "");
    }
    Files.createSymbolicLink(logs.resolve("dangling.log"), root.resolve("missing-target"));
    return conf;
  }

  /**
   * {@link #stockCopy} with {@code files} written over it: pairs of a path (relative to the
   * configuration directory) and its text.
   */
  static Path stockCopyWith(Path root, String... files) throws IOException {
    Path conf = stockCopy(root);
    for (int i = 0; i < files.length; i += 2) {
      write(conf.resolve(files[i]), files[i + 1]);
    }
    return conf;
  }

  /** Points every {@code *_log} path variable of the stock paths files at {@code logs/*.log}. */
  static void pointLogsAt(Path conf, Path logs) throws IOException {
    StringBuilder b = new StringBuilder("[DEFAULT]\n");
    java.util.Set<String> keys = new java.util.TreeSet<>();
    try (Stream<Path> s = Files.list(conf)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("paths-") && name.endsWith(".conf")) {
          Fail2banIniDocument doc = Fail2banIniDocument.parse(name, Files.readAllBytes(p));
          for (IniOption o : doc.options("DEFAULT")) {
            if (o.key().endsWith("_log") || o.key().startsWith("syslog_")) {
              keys.add(o.key());
            }
          }
        }
      }
    }
    for (String k : keys) {
      b.append(k).append(" = ").append(logs).append("/*.log\n");
    }
    Files.writeString(conf.resolve("paths-overrides.local"), b.toString());
  }

  /** Asserts our stdout and exit code equal the real client's for {@code conf}. */
  static void assertSameDump(Path conf, String context) {
    CommandResult real = RealTools.fail2banDump(conf);
    Fail2banDump ours = Fail2banDump.load(conf);
    assertThat(ours.stdout())
        .as(
            "stdout of -d for %s%nstderr of fail2ban: %s%nour messages: %s",
            context, real.stderr(), ours.messages())
        .isEqualTo(new String(real.stdoutBytes(), StandardCharsets.UTF_8));
    assertThat(ours.exitCode()).as("exit code for %s", context).isEqualTo(real.exitCode());
    if (real.exitCode() != 0) {
      // a refused configuration: fail2ban's ERROR lines on stderr are ours, in order
      assertThat(ourErrors(ours))
          .as("ERROR lines for %s%nstderr of fail2ban: %s", context, real.stderr())
          .isEqualTo(errors(real.stderr()));
    }
  }

  private static final java.util.regex.Pattern LOG_LINE =
      java.util.regex.Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\S+\\s*\\[\\d+\\]: (\\S+)\\s+(.*)$");

  /** The messages of fail2ban's {@code ERROR} log records (continuation lines joined). */
  static java.util.List<String> errors(String stderr) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder current = null;
    for (String line : stderr.split("\n", -1)) {
      java.util.regex.Matcher m = LOG_LINE.matcher(line);
      if (m.matches()) {
        if (current != null) {
          out.add(current.toString());
        }
        current = m.group(1).equals("ERROR") ? new StringBuilder(m.group(2)) : null;
      } else if (current != null && !line.isEmpty()) {
        current.append('\n').append(line);
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  /** Our {@code ERROR} messages, without the level. */
  static java.util.List<String> ourErrors(Fail2banDump dump) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String m : dump.messages()) {
      if (m.startsWith("ERROR ")) {
        out.add(m.substring("ERROR".length()).strip());
      }
    }
    return out;
  }

  static void write(Path p, String content) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
