package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.internal.PythonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs ufw 0.36.2 rule, {@code logging} and {@code app} commands in dry-run mode against a data
 * directory, printing what ufw prints: the would-be {@code user.rules}/{@code user6.rules}, the
 * result messages and the {@code ERROR:} line, with ufw's exit code.
 *
 * <pre>{@code
 * UfwDryRun.Result r = UfwDryRun.of(Path.of("/"), ServicesDatabase.fromHost())
 *     .run(List.of("--dry-run", "allow", "22/tcp"));
 * }</pre>
 */
public final class UfwDryRun {
  /**
   * What a run printed and its exit code; {@code stderr} holds ufw's {@code ERROR:} line (and our
   * short usage after {@code Invalid syntax}).
   *
   * <pre>{@code
   * result.exitCode(); // 0 or 1
   * }</pre>
   */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Checks non-null parts. */
    public Result {
      requireNonNull(stdout, "stdout");
      requireNonNull(stderr, "stderr");
    }

    /** The first {@code ERROR: } line of stderr without its prefix, or {@code ""}. */
    public String firstError() {
      for (String l : stderr.split("\n", -1)) {
        if (l.startsWith("ERROR: ")) {
          return l.substring("ERROR: ".length());
        }
      }
      return "";
    }
  }

  /** Our short usage after {@code ERROR: Invalid syntax}. */
  public static final String USAGE =
      "Usage: hostguard ufw [--datadir=DIR] [--dry-run] [--force] COMMAND (see ufw(8))\n";

  private final Path datadir;
  private final ServicesDatabase services;
  private final Supplier<String> stdinLine;

  private UfwDryRun(Path datadir, ServicesDatabase services, Supplier<String> stdinLine) {
    this.datadir = datadir;
    this.services = services;
    this.stdinLine = stdinLine;
  }

  /** A runner reading {@code DIR/etc/ufw/...} and {@code DIR/etc/default/ufw}. */
  public static UfwDryRun of(Path datadir, ServicesDatabase services) {
    return new UfwDryRun(datadir, services, () -> "");
  }

  /** The same runner answering {@code delete N} prompts with lines from {@code stdin}. */
  public UfwDryRun withPromptAnswers(Supplier<String> stdin) {
    return new UfwDryRun(datadir, services, stdin);
  }

  private Path lockFile() {
    if (datadir.toAbsolutePath().normalize().equals(Path.of("/"))) {
      boolean root = "root".equals(System.getProperty("user.name"));
      return root && System.getenv("TESTSTATE") == null
          ? Path.of("/run/ufw.lock")
          : Path.of("/lib/ufw/ufw.lock");
    }
    return datadir.resolve("lib/ufw/ufw.lock");
  }

  /** Thrown to stop a run the way ufw's error() exits. */
  private static final class Exit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exit() {
      super(null, null, false, false);
    }
  }

  /** Runs what follows {@code ufw} (including {@code --dry-run}/{@code --force}). */
  public Result run(List<String> args) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    UfwRuleParser.Invocation inv;
    try {
      inv = UfwRuleParser.of(services).parseInvocation(args);
    } catch (UfwRuleException e) {
      err.append("ERROR: ").append(e.ufwMessage()).append('\n');
      if (e.isSyntaxError()) {
        err.append(USAGE);
      }
      return new Result(1, out.toString(), err.toString());
    }
    UfwCommand c = inv.command();
    boolean logging =
        c instanceof UfwCommand.Other o && inv.dryRun() && o.action().startsWith("logging-");
    if (c instanceof UfwCommand.Other other && !logging) {
      err.append("hostguard ufw: '")
          .append(other.action())
          .append("' is not supported by this mirror\n");
      return new Result(1, "", err.toString());
    }
    boolean isApp = inv.appAction() && c instanceof UfwCommand.App;
    if (!inv.dryRun() && !isApp) {
      err.append("hostguard ufw: only --dry-run rule commands and 'app list|info' are mirrored\n");
      return new Result(1, "", err.toString());
    }
    try {
      Engine engine = new Engine(out, err);
      if (!inv.dryRun()) {
        // ufw opens its lock file for writing outside a dry run and dies when it cannot
        Path lock = lockFile();
        Path parent = lock.getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
          err.append("Traceback (most recent call last):\n")
              .append("hostguard ufw: ufw cannot open its lock file ")
              .append(lock)
              .append('\n');
          return new Result(1, out.toString(), err.toString());
        }
      }
      String res;
      if (isApp) {
        res = engine.appAction((UfwCommand.App) c);
      } else if (c instanceof UfwCommand.App app) {
        throw engine.error("Unsupported action '" + app.action() + "'");
      } else if (c instanceof UfwCommand.Other other) {
        res = engine.setLogLevel(other.action().substring("logging-".length()));
      } else if (c instanceof UfwCommand.DeleteNumber del) {
        res = engine.deleteRule(del.number(), inv.force());
      } else {
        res = engine.ruleChange((UfwCommand.RuleChange) c);
      }
      if (!res.isEmpty()) {
        out.append(res).append('\n');
      }
      return new Result(0, out.toString(), err.toString());
    } catch (Exit e) {
      return new Result(1, out.toString(), err.toString());
    }
  }

  private final class Engine {
    final StringBuilder out;
    final StringBuilder err;
    final Map<String, String> defaults = new HashMap<>();
    final RuleSetEngine rules;
    final Path etc;

    Engine(StringBuilder out, StringBuilder err) {
      this.out = out;
      this.err = err;
      this.etc = datadir.resolve("etc");
      readDefaults(etc.resolve("default/ufw"));
      readDefaults(etc.resolve("ufw/ufw.conf"));
      for (String ch : new String[] {"input", "output", "forward"}) {
        String key = "default_" + ch + "_policy";
        if (!defaults.containsKey(key)) {
          throw error("Missing policy for '" + ch + "'");
        }
        String p = defaults.get(key);
        if (!Set.of("accept", "drop", "reject").contains(p)) {
          throw error("Invalid policy '" + p + "' for '" + ch + "'");
        }
      }
      boolean ipv6 =
          "yes".equals(defaults.get("ipv6")) && Files.exists(Path.of("/proc/sys/net/ipv6"));
      List<UfwRule> v4 = readRules(etc.resolve("ufw/user.rules"), false);
      List<UfwRule> v6 = ipv6 ? readRules(etc.resolve("ufw/user6.rules"), true) : List.of();
      AppProfiles profiles;
      try {
        profiles = AppProfiles.load(etc.resolve("ufw/applications.d"), services);
      } catch (UfwRefusedException e) {
        throw error(requireNonNull(e.getMessage()));
      }
      for (String w : profiles.warnings()) {
        warn(w);
      }
      this.rules =
          UfwRuleSet.builder()
              .ipv4Rules(v4)
              .ipv6Rules(v6)
              .ipv6Enabled(ipv6)
              .applicationProfiles(profiles)
              .build()
              .engine(RuleSetEngine.Mode.DRY_RUN, this::writeRules, this::warn);
      this.profiles = profiles;
    }

    final AppProfiles profiles;

    void warn(String w) {
      err.append("WARN: ").append(w).append('\n');
    }

    Exit error(String msg) {
      err.append("ERROR: ").append(msg).append('\n');
      return new Exit();
    }

    private final Pattern defaultsLine = Pattern.compile("^\\w+=\"?\\w+\"?");

    void readDefaults(Path f) {
      String text;
      try {
        text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw error("Couldn't open '" + f + "' for reading");
      }
      // open(fn, 'r'): Python's universal newlines end a line at LF, CRLF or a lone CR
      for (String line : text.split("\r\n|\r|\n", -1)) {
        if (defaultsLine.matcher(line).find()) {
          String[] tmp = line.strip().split("=", -1);
          defaults.put(PythonText.lower(tmp[0]), stripQuotes(PythonText.lower(tmp[1])));
        }
      }
    }

    private String stripQuotes(String s) {
      int a = 0;
      int b = s.length();
      while (a < b && (s.charAt(a) == '"' || s.charAt(a) == '\'')) {
        a++;
      }
      while (b > a && (s.charAt(b - 1) == '"' || s.charAt(b - 1) == '\'')) {
        b--;
      }
      return s.substring(a, b);
    }

    List<UfwRule> readRules(Path f, boolean v6) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        throw error("Couldn't open '" + f + "' for reading");
      }
      LineDocument doc = LineDocument.parse(f.toString(), bytes);
      return UserRulesFile.parse(doc, v6, this::warn).rules();
    }

    UserRulesOptions options() {
      String level = defaults.get("loglevel");
      if (level == null) {
        throw RuleSetEngine.error("Invalid log level 'None'");
      }
      UfwLogLevel logLevel =
          UfwLogLevel.fromWord(level)
              .orElseThrow(() -> RuleSetEngine.error("Invalid log level '" + level + "'"));
      return UserRulesOptions.builder()
          .logLevel(logLevel)
          .inputPolicy(chainPolicy(defaults.get("default_input_policy")))
          .outputPolicy(chainPolicy(defaults.get("default_output_policy")))
          .forwardPolicy(chainPolicy(defaults.get("default_forward_policy")))
          .rateLimitV4(true)
          .rateLimitV6(false)
          .build();
    }

    /** ufw's _get_default_policy: accept is allow, reject is reject, anything else is deny. */
    static UfwPolicy chainPolicy(@Nullable String value) {
      if ("accept".equals(value)) {
        return UfwPolicy.ALLOW;
      }
      return "reject".equals(value) ? UfwPolicy.REJECT : UfwPolicy.DENY;
    }

    /**
     * ufw's set_loglevel: its message, after the check that {@code ufw.conf} is writable. ufw
     * 0.36.2 rewrites {@code LOGLEVEL} in {@code ufw.conf} even under {@code --dry-run} (its
     * set_default has no dry-run test); this mirror writes nothing.
     */
    String setLogLevel(String level) {
      Path conf = etc.resolve("ufw/ufw.conf");
      if (!Files.isWritable(conf)) {
        throw error("'" + conf + "' is not writable");
      }
      String current = defaults.get("loglevel");
      String next = level;
      if (level.equals("on")) {
        next = current == null || current.equals("off") ? "low" : current;
      }
      return next.equals("off") ? "Logging disabled" : "Logging enabled";
    }

    String appAction(UfwCommand.App app) {
      switch (app.action()) {
        case "list" -> {
          return profiles.listText();
        }
        case "info" -> {
          try {
            return profiles.infoText(app.name());
          } catch (IllegalArgumentException e) {
            throw error(requireNonNull(e.getMessage()));
          }
        }
        default -> {
          err.append("hostguard ufw: 'app ")
              .append(app.action())
              .append("' is not supported by this mirror\n");
          throw new Exit();
        }
      }
    }

    /** Runs one rule-set step, turning ufw's ways of ending into its output. */
    String guarded(Supplier<String> step) {
      try {
        return step.get();
      } catch (UfwError | RuleSetEngine.Fatal e) {
        throw error(requireNonNull(e.getMessage()));
      } catch (RuleSetEngine.Crash e) {
        err.append("Traceback (most recent call last):\n");
        throw new Exit();
      }
    }

    String ruleChange(UfwCommand.RuleChange c) {
      return guarded(() -> UfwRuleSet.run(rules, c));
    }

    void writeRules(boolean v6, List<RuleDraft> rules) {
      List<UfwRule> frozen = RuleSetEngine.freeze(rules);
      Path f = etc.resolve(v6 ? "ufw/user6.rules" : "ufw/user.rules");
      if (!Files.isWritable(f)) {
        throw new UfwError("'" + f + "' is not writable");
      }
      UserRulesOptions o = options();
      for (String chunk : UserRulesFile.writeChunks(frozen, v6, o)) {
        if (!chunk.chars().allMatch(ch -> ch < 128)) {
          // ufw writes ASCII only: the failed write ends the file, ufw still reports success
          return;
        }
        out.append(chunk);
      }
    }

    // ---- frontend.delete_rule
    String deleteRule(long n, boolean force) {
      String shown = n < 0 ? "" : Long.toString(n);
      RuleDraft rule = rules.numbered(n);
      if (rule == null) {
        throw error("Could not find rule '" + shown + "'");
      }
      if (!force) {
        String rstr = UfwRuleFormat.command(rule.toRule());
        out.append("Deleting:\n ").append(rstr).append("\nProceed with operation (y|n)? ");
        String ans = PythonText.lower(stdinLine.get().strip());
        if (!ans.equals("y") && !ans.equals("yes")) {
          return "Aborted";
        }
      }
      return guarded(() -> rules.deleteNumbered(rule));
    }
  }
}
