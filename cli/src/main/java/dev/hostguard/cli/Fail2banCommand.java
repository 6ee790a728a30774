package dev.hostguard.cli;

import dev.hostguard.fail2ban.Fail2banDump;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
