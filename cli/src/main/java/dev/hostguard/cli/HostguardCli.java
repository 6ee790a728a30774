package dev.hostguard.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hostguard} command line: mirrors of ufw, psad and fail2ban commands, status readers
 * and round trips of every format.
 *
 * <pre>{@code
 * java -jar hostguard.jar --help
 * java -jar hostguard.jar ufw --dry-run allow 22/tcp
 * }</pre>
 */
@Command(
    name = "hostguard",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Read, check, write and apply ufw, psad and fail2ban configuration.",
    subcommands = {
      UfwCommand.class,
      UfwStatusCommand.class,
      Fail2banCommand.class,
      PsadCommand.class,
      RoundtripCommand.class,
    })
public final class HostguardCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(Utf8Args.of(args), Streams.stdout(), Streams.stderr()));
  }

  /** Runs the command line with these streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new HostguardCli());
    cl.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setUnmatchedOptionsArePositionalParams(false);
    Streams.bind(out, err);
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
