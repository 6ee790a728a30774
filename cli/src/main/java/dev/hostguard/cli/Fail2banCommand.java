package dev.hostguard.cli;

import dev.hostguard.fail2ban.Fail2banDump;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hostguard fail2ban -c DIR -d}: prints the resolved configuration exactly as {@code
 * fail2ban-client -c DIR -d} (fail2ban 1.0.2) prints it, with its exit code (0 or 255); an internal
 * error of hostguard exits 70 with {@code internal error: ...} on stderr.
 */
@Command(name = "fail2ban", description = "Mirror of fail2ban-client -c DIR -d.")
final class Fail2banCommand implements Callable<Integer> {
  @ParentCommand HostguardCli parent;

  @Option(
      names = {"-c", "--conf"},
      paramLabel = "DIR",
      defaultValue = "/etc/fail2ban",
      description = "Configuration directory (default /etc/fail2ban).")
  String conf;

  @Option(
      names = "-d",
      required = true,
      description = "Dump the configuration as the server command stream.")
  boolean dump;

  /**
   * This command for {@code [-c|--conf DIR] -d} in either order, each option once, as picocli would
   * build it from the options above; null for any other shape (picocli decides, with its messages).
   */
  static @Nullable Fail2banCommand direct(List<String> words, HostguardCli parent) {
    String dir = "/etc/fail2ban";
    boolean dumpSeen = false;
    boolean confSeen = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-d") && !dumpSeen) {
        dumpSeen = true;
      } else if ((w.equals("-c") || w.equals("--conf")) && !confSeen && i + 1 < words.size()) {
        dir = words.get(++i);
        confSeen = true;
        if (dir.isEmpty() || dir.startsWith("-")) {
          return null;
        }
      } else {
        return null;
      }
    }
    if (!dumpSeen) {
      return null;
    }
    Fail2banCommand f = new Fail2banCommand();
    f.parent = parent;
    f.conf = dir;
    f.dump = true;
    return f;
  }

  @Override
  public Integer call() {
    PrintStream err = Streams.err();
    Fail2banDump result;
    try {
      result = Fail2banDump.load(Path.of(conf));
    } catch (RuntimeException | StackOverflowError e) {
      // fail2ban's own refusals are a dump with exit 255; this is a bug of ours: say so
      return HostguardCli.internalError(e, parent.debug, err);
    }
    for (String m : result.messages()) {
      err.println(m);
    }
    byte[] out = result.stdout().getBytes(StandardCharsets.UTF_8);
    Streams.out().write(out, 0, out.length);
    Streams.out().flush();
    return result.exitCode();
  }
}
