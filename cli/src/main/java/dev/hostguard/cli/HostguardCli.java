package dev.hostguard.cli;

import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.LocalExecutor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
      StatusCommand.class,
      UnbanCommand.class,
      HardenCommand.class,
      AuditCommand.class,
    })
public final class HostguardCli implements Runnable {

  /** sysexits.h EX_SOFTWARE: an internal error of hostguard, never a tool's own exit code. */
  static final int INTERNAL_ERROR = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      description = "Print the stack trace of an error (any subcommand; also after it).")
  boolean debug;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(Utf8Args.of(args), Streams.stdout(), Streams.stderr()));
  }

  /** Runs the command line with these streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, LocalExecutor.create());
  }

  /**
   * Runs the command line with these streams, {@code local} standing for the local machine (tests
   * give a recording executor), and returns the exit code.
   */
  static int run(String[] args, PrintStream out, PrintStream err, CommandExecutor local) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            return cls == TargetOptions.class
                ? cls.cast(new TargetOptions(local))
                : defaults.create(cls);
          }
        };
    CommandLine cl = new CommandLine(new HostguardCli(), factory);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setParameterExceptionHandler(HostguardCli::usageError);
    cl.setExecutionExceptionHandler(HostguardCli::internalError);
    Streams.bind(out, err);
    try {
      return cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      return internalError(e, debugRequested(args), err);
    }
  }

  /** A usage mistake: one line naming the subcommand and where to look, exit 2 (picocli's). */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    PrintWriter err = cmd.getErr();
    err.println(name + ": " + TargetFailure.oneLine(e.getMessage()) + " (see " + name + " --help)");
    if (debugRequested(args)) {
      e.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** A bug of ours escaped a subcommand: {@code internal error: ...}, exit 70. */
  private static int internalError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    return internalError(e, debugRequested(parsed.originalArgs().toArray(new String[0])), null);
  }

  /**
   * Reports {@code e} as a bug of ours: one line {@code internal error: ...} (the trace follows
   * with {@code --debug}); returns 70.
   */
  static int internalError(Throwable e, boolean debug, @Nullable PrintStream errOrNull) {
    PrintStream err = errOrNull == null ? Streams.err() : errOrNull;
    err.println(
        "internal error: "
            + TargetFailure.oneLine(String.valueOf(e))
            + (debug ? "" : " (a hostguard bug: run with --debug for the trace and report it)"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  /** Whether {@code --debug} was given (before the subcommand or after it). */
  private static boolean debugRequested(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals("--debug")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
