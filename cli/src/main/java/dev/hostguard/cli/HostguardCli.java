package dev.hostguard.cli;

import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.LocalExecutor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
    description = "Read, check, write and apply ufw, psad and fail2ban configuration.")
public final class HostguardCli implements Runnable {

  /**
   * The subcommands, by name, in the order {@code --help} lists them. They are registered lazily: a
   * run names one, and only that one's picocli model is built (building all of them, by reflection
   * over their annotations, was most of the start-up time).
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("ufw", UfwCommand.class);
    m.put("ufw-status", UfwStatusCommand.class);
    m.put("fail2ban", Fail2banCommand.class);
    m.put("psad", PsadCommand.class);
    m.put("roundtrip", RoundtripCommand.class);
    m.put("status", StatusCommand.class);
    m.put("unban", UnbanCommand.class);
    m.put("harden", HardenCommand.class);
    m.put("audit", AuditCommand.class);
    return Collections.unmodifiableMap(m);
  }

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
    return run(args, out, err, local, true);
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream, CommandExecutor)}; {@code allowDirect} false
   * makes every run go through picocli (the test that compares both paths).
   */
  static int run(
      String[] args, PrintStream out, PrintStream err, CommandExecutor local, boolean allowDirect) {
    Streams.bind(out, err);
    Callable<Integer> direct = allowDirect ? direct(args) : null;
    if (direct != null) {
      try {
        return direct.call();
      } catch (Exception | StackOverflowError | OutOfMemoryError e) {
        return internalError(e, false, err);
      }
    }
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
    String named = subcommandNamed(args);
    for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
      if (named == null || named.equals(e.getKey())) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setParameterExceptionHandler(HostguardCli::usageError);
    cl.setExecutionExceptionHandler(HostguardCli::internalError);
    try {
      return cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      return internalError(e, debugRequested(args), err);
    }
  }

  /**
   * The mirror this run is, when its words need no parsing of ours: {@code ufw ARGS} (every word is
   * ufw's) and {@code fail2ban [-c|--conf DIR] -d}. They skip building picocli's model, which costs
   * more than the command itself; any other shape (help, {@code --debug}, {@code --}, an
   * {@code @file}, a usage mistake) goes through picocli as before, with the same outcome.
   */
  private static @Nullable Callable<Integer> direct(String[] args) {
    if (args.length == 0) {
      return null;
    }
    for (String a : args) {
      if (a.equals("--debug") || a.equals("--") || a.startsWith("@")) {
        return null;
      }
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (args[0].equals("ufw")) {
      return UfwCommand.direct(rest);
    }
    if (args[0].equals("fail2ban")) {
      return Fail2banCommand.direct(rest, new HostguardCli());
    }
    return null;
  }

  /**
   * The subcommand this run names, when its first word (after root {@code --debug} flags) is one;
   * else null, and every subcommand is registered (help, version, a usage error listing them).
   */
  private static @Nullable String subcommandNamed(String[] args) {
    for (String a : args) {
      if (!a.equals("--debug")) {
        return SUBCOMMANDS.containsKey(a) ? a : null;
      }
    }
    return null;
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
