package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.LineDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs ufw 0.36.2 rule and {@code app} commands in dry-run mode against a data directory, printing
 * what ufw prints: the would-be {@code user.rules}/{@code user6.rules}, the result messages and the
 * {@code ERROR:} line, with ufw's exit code.
 *
 * <pre>{@code
 * UfwDryRun.Result r = UfwDryRun.of(Path.of("/"), ServicesDatabase.system())
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
      inv = UfwRuleParser.using(services).parseInvocation(args);
    } catch (UfwRuleException e) {
      err.append("ERROR: ").append(e.reason()).append('\n');
      if (e.isSyntaxError()) {
        err.append(USAGE);
      }
      return new Result(1, out.toString(), err.toString());
    }
    UfwCommand c = inv.command();
    if (c instanceof UfwCommand.Other other) {
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
      } else if (c instanceof UfwCommand.DeleteNumber del) {
        res = engine.deleteRule(del.number(), inv.force());
      } else {
        UfwCommand.RuleChange rc = (UfwCommand.RuleChange) c;
        RuleDraft d = RuleDraft.of(rc.rule());
        d.position = rc.position();
        d.remove = rc.operation() == UfwCommand.Operation.DELETE;
        res = engine.doRuleAction(d, rc.ipVersion());
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
    final List<RuleDraft> rules = new ArrayList<>();
    final List<RuleDraft> rules6 = new ArrayList<>();
    AppProfiles profiles = AppProfiles.of(List.of(), services);
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
      readRules(etc.resolve("ufw/user.rules"), false);
      if (useIpv6()) {
        readRules(etc.resolve("ufw/user6.rules"), true);
      }
      try {
        profiles = AppProfiles.load(etc.resolve("ufw/applications.d"), services);
      } catch (IllegalStateException e) {
        throw error(requireNonNull(e.getMessage()));
      }
      for (String w : profiles.warnings()) {
        err.append("WARN: ").append(w).append('\n');
      }
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
      for (String line : text.split("\n", -1)) {
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

    boolean useIpv6() {
      return "yes".equals(defaults.get("ipv6")) && Files.exists(Path.of("/proc/sys/net/ipv6"));
    }

    void readRules(Path f, boolean v6) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        throw error("Couldn't open '" + f + "' for reading");
      }
      LineDocument doc = LineDocument.parse(f.toString(), bytes);
      UserRulesFile file =
          UserRulesFile.parse(doc, v6, w -> err.append("WARN: ").append(w).append('\n'));
      for (UfwRule r : file.rules()) {
        (v6 ? rules6 : rules).add(RuleDraft.of(r));
      }
    }

    UserRulesOptions options() {
      String level = defaults.get("loglevel");
      if (level == null) {
        throw error("Invalid log level 'None'");
      }
      if (!Set.of("off", "low", "medium", "high", "full").contains(level)) {
        throw error("Invalid log level '" + level + "'");
      }
      return new UserRulesOptions(
          level,
          defaults.get("default_input_policy"),
          defaults.get("default_output_policy"),
          defaults.get("default_forward_policy"),
          true,
          false);
    }

    String appAction(UfwCommand.App app) {
      switch (app.action()) {
        case "list":
          return profiles.listText();
        case "info":
          try {
            return profiles.infoText(app.name());
          } catch (IllegalArgumentException e) {
            throw error(requireNonNull(e.getMessage()));
          }
        default:
          err.append("hostguard ufw: 'app ")
              .append(app.action())
              .append("' is not supported by this mirror\n");
          throw new Exit();
      }
    }

    // ---- frontend.do_action for rule actions
    String doRuleAction(RuleDraft rule, UfwCommand.IpVersion ipv) {
      if (!rule.dapp.isEmpty()) {
        try {
          String tmp = profiles.findName(rule.dapp);
          if (!tmp.equals(rule.dapp)) {
            rule.dapp = tmp;
            rule.setPort(tmp, true, services);
          }
        } catch (UfwError e) {
          if (!rule.remove) {
            throw error(requireNonNull(e.getMessage()));
          }
          if (!UfwRuleParser.isValidProfileName(rule.dapp)) {
            throw error("Invalid profile name");
          }
        }
      }
      if (!rule.sapp.isEmpty()) {
        try {
          String tmp = profiles.findName(rule.sapp);
          if (!tmp.equals(rule.sapp)) {
            rule.sapp = tmp;
            rule.setPort(tmp, true, services);
          }
        } catch (UfwError e) {
          if (!rule.remove) {
            throw error(requireNonNull(e.getMessage()));
          }
          if (!UfwRuleParser.isValidProfileName(rule.sapp)) {
            throw error("Invalid profile name");
          }
        }
      }
      return setRule(rule, ipv);
    }

    int rulesCount(boolean v6) {
      int count = 0;
      Set<String> seen = new HashSet<>();
      for (RuleDraft r : v6 ? rules6 : rules) {
        if (!r.dapp.isEmpty() || !r.sapp.isEmpty()) {
          if (!seen.add(r.appTuple())) {
            continue;
          }
        }
        count++;
      }
      return count;
    }

    List<RuleDraft> appRulesFromSystem(RuleDraft template, boolean v6) {
      RuleDraft norm = template.copy();
      norm.setV6(v6);
      norm.normalize();
      String tupl = norm.appTuple();
      List<RuleDraft> res = new ArrayList<>();
      for (RuleDraft r : v6 ? rules6 : rules) {
        RuleDraft tmp = r.copy();
        tmp.normalize();
        if (tmp.appTuple().equals(tupl)) {
          res.add(tmp);
        }
      }
      return res;
    }

    List<RuleDraft> appRulesFromTemplate(RuleDraft template) {
      List<RuleDraft> res = new ArrayList<>();
      Map<String, AppProfile> byName = profiles.byName();
      if (byName.containsKey(template.dport) && byName.containsKey(template.sport)) {
        List<String> dports = byName.get(template.dport).ports();
        List<String> sports = byName.get(template.sport).ports();
        for (String i : dports) {
          RuleDraft tmp = template.copy();
          tmp.dapp = "";
          tmp.setPort("any", false, services);
          String[] pp = portProto(i);
          tmp.setProtocol(pp[1]);
          tmp.setPort(pp[0], true, services);
          tmp.dapp = template.dapp;
          if (template.dport.equals(template.sport)) {
            tmp.sapp = "";
            tmp.setProtocol(pp[1]);
            tmp.setPort(pp[0], false, services);
            tmp.sapp = template.sapp;
            res.add(tmp);
          } else {
            for (String j : sports) {
              RuleDraft rule = tmp.copy();
              rule.sapp = "";
              String[] sp = portProto(j);
              rule.setProtocol(sp[1]);
              rule.setPort(sp[0], false, services);
              if (rule.protocol == UfwProtocol.ANY) {
                rule.protocol = tmp.protocol;
              }
              rule.sapp = template.sapp;
              res.add(rule);
            }
          }
        }
      } else if (byName.containsKey(template.sport)) {
        for (String p : byName.get(template.sport).ports()) {
          RuleDraft rule = template.copy();
          rule.sapp = "";
          String[] pp = portProto(p);
          rule.setProtocol(pp[1]);
          rule.setPort(pp[0], false, services);
          rule.sapp = template.sapp;
          res.add(rule);
        }
      } else if (byName.containsKey(template.dport)) {
        for (String p : byName.get(template.dport).ports()) {
          RuleDraft rule = template.copy();
          rule.dapp = "";
          String[] pp = portProto(p);
          rule.setProtocol(pp[1]);
          rule.setPort(pp[0], true, services);
          rule.dapp = template.dapp;
          res.add(rule);
        }
      }
      if (res.isEmpty()) {
        throw new UfwError("No rules found for application profile");
      }
      return res;
    }

    private String[] portProto(String p) {
      String[] tmp = p.split("/", -1);
      if (tmp.length == 1) {
        return new String[] {tmp[0], "any"};
      } else if (tmp.length == 2) {
        if (UfwProtocol.fromWord(tmp[1]).map(x -> !x.hasPorts()).orElse(false)) {
          throw new UfwError("Invalid port with protocol '" + tmp[1] + "'");
        }
        return new String[] {tmp[0], tmp[1]};
      }
      throw new UfwError("Bad port");
    }

    int findOtherPosition(int position, boolean v6) {
      if (v6 && position > rules6.size()) {
        throw new IllegalStateException("ValueError");
      }
      if (!v6 && position > rules.size()) {
        throw new IllegalStateException("ValueError");
      }
      if (position < 1) {
        throw new IllegalStateException("ValueError");
      }
      List<RuleDraft> list = v6 ? rules6 : rules;
      Set<String> appRules = new HashSet<>();
      int tupleOffset = 0;
      for (int i = 0; i < list.size(); i++) {
        if (i >= position) {
          break;
        }
        RuleDraft r = list.get(i);
        if (!r.dapp.isEmpty() || !r.sapp.isEmpty()) {
          if (!appRules.add(r.appTuple())) {
            tupleOffset++;
          }
        }
      }
      RuleDraft match;
      List<RuleDraft> other;
      if (v6) {
        other = rules;
        match = rules6.get(position - 1 + tupleOffset).copy();
        match.v6 = false;
      } else {
        other = rules6;
        match = rules.get(position - 1 + tupleOffset).copy();
        match.v6 = true;
      }
      int count = 1;
      for (RuleDraft r : other) {
        if (r.match(match) == 0) {
          return count;
        }
        count++;
      }
      return 0;
    }

    // ---- frontend.set_rule
    String setRule(RuleDraft rule, UfwCommand.IpVersion ipv) {
      String res = "";
      String errMsg = "";
      String tmp = "";
      List<RuleDraft> list = new ArrayList<>();
      try {
        if (rule.dapp.isEmpty() && rule.sapp.isEmpty()) {
          list.add(rule);
        } else if (rule.remove) {
          List<RuleDraft> tmprules;
          if (ipv == UfwCommand.IpVersion.V4) {
            tmprules = appRulesFromSystem(rule, false);
          } else if (ipv == UfwCommand.IpVersion.V6) {
            tmprules = appRulesFromSystem(rule, true);
          } else {
            tmprules = appRulesFromSystem(rule, false);
            List<RuleDraft> tmprules6 = appRulesFromSystem(rule, true);
            for (int xi = 0; xi < tmprules.size(); xi++) {
              RuleDraft x = tmprules.get(xi);
              for (RuleDraft y : tmprules6) {
                boolean prev6 = y.v6;
                y.v6 = false;
                if (x.match(y) == 0) {
                  y.v6 = prev6;
                  tmprules.add(y);
                }
              }
            }
          }
          for (RuleDraft t : tmprules) {
            RuleDraft r = t.copy();
            r.remove = rule.remove;
            r.action = rule.action;
            r.logType = rule.logType;
            list.add(r);
          }
        } else {
          list = appRulesFromTemplate(rule);
          if (rule.position != 0) {
            java.util.Collections.reverse(list);
          }
        }
      } catch (UfwError e) {
        throw error(requireNonNull(e.getMessage()));
      }
      int count = 0;
      boolean setError = false;
      int numV4 = rulesCount(false);
      int numV6 = rulesCount(true);
      for (int i = 0; i < list.size(); i++) {
        RuleDraft r = list.get(i);
        count = i;
        if (r.position > numV4 + numV6) {
          throw error("Invalid position '" + r.position + "'");
        }
        try {
          if (useIpv6()) {
            if (ipv == UfwCommand.IpVersion.V4) {
              if (r.position == -1) {
                r.position = count == 0 && numV4 == 0 ? 0 : 1;
              } else if (r.position > numV4) {
                throw new UfwError("Invalid position '" + r.position + "'");
              }
              r.setV6(false);
              tmp = backendSetRule(r);
            } else if (ipv == UfwCommand.IpVersion.V6) {
              if (r.position == -1) {
                r.position = count == 0 && numV6 == 0 ? 0 : 1;
              } else if (r.position > numV4) {
                r.position = r.position - numV4;
              } else if (r.position != 0 && r.position <= numV4) {
                throw new UfwError("Invalid position '" + r.position + "'");
              }
              r.setV6(true);
              tmp = backendSetRule(r);
            } else {
              int userPos = r.position;
              r.setV6(false);
              if (userPos == -1) {
                r.position = count == 0 && numV4 == 0 ? 0 : 1;
              } else if (!r.remove && userPos > numV4) {
                int p = findOtherPositionOrCrash(userPos - numV4 + count, true);
                r.position = p > 0 ? p : 0;
              }
              tmp = backendSetRule(r);
              if (!r.remove && userPos > 0) {
                numV4 = rulesCount(false);
                r.position = userPos + 1;
              }
              r.setV6(true);
              if (userPos == -1) {
                r.position = count == 0 && numV6 == 0 ? 0 : 1;
              } else if (!r.remove && r.position > 0 && r.position <= numV4) {
                int p = findOtherPositionOrCrash(r.position, false);
                r.position = p > 0 ? p - count : 0;
              }
              if (!tmp.isEmpty()) {
                tmp += "\n";
              }
              if (!r.remove && r.position > numV4 && userPos != -1) {
                r.position = r.position - numV4;
              }
              tmp += backendSetRule(r);
            }
          } else {
            if (r.position == -1) {
              r.position = count == 0 && numV4 == 0 ? 0 : 1;
            }
            if (ipv == UfwCommand.IpVersion.V4 || ipv == UfwCommand.IpVersion.BOTH) {
              r.setV6(false);
              tmp = backendSetRule(r);
            } else {
              throw new UfwError("IPv6 support not enabled");
            }
          }
        } catch (UfwError e) {
          errMsg = requireNonNull(e.getMessage());
          setError = true;
          break;
        }
      }
      if (!setError) {
        res += tmp;
      } else if (list.size() == 1) {
        throw error(errMsg);
      } else {
        for (int j = count; j >= 0; j--) {
          if (count > 0) {
            RuleDraft backout = list.get(j).copy();
            backout.remove = true;
            try {
              setRule(backout, ipv);
            } catch (Exit e) {
              // ufw keeps backing out
            }
          }
        }
        throw error(
            errMsg + "\nError applying application rules. Attempted rules successfully unapplied.");
      }
      return res;
    }

    private int findOtherPositionOrCrash(int position, boolean v6) {
      try {
        return findOtherPosition(position, v6);
      } catch (IllegalStateException | IndexOutOfBoundsException e) {
        // ufw dies with a traceback here
        err.append("Traceback (most recent call last):\n");
        throw new Exit();
      }
    }

    // ---- backend_iptables.set_rule
    String backendSetRule(RuleDraft rule) {
      if (rule.v6) {
        if (!useIpv6()) {
          throw new UfwError("Adding IPv6 rule failed: IPv6 not enabled");
        }
        if (rule.action == UfwAction.LIMIT) {
          return "Skipping unsupported IPv6 'limit' rule";
        }
      }
      if (rule.multi() && rule.protocol != UfwProtocol.UDP && rule.protocol != UfwProtocol.TCP) {
        throw new UfwError("Must specify 'tcp' or 'udp' with multiple ports");
      }
      List<RuleDraft> newrules = new ArrayList<>();
      boolean found = false;
      boolean modified = false;
      List<RuleDraft> current = rule.v6 ? rules6 : rules;
      int position = rule.position;
      if (position < 0 || position > current.size()) {
        throw new UfwError("Invalid position '" + position + "'");
      }
      if (position > 0 && rule.remove) {
        throw new UfwError("Cannot specify insert and delete");
      }
      rule.normalize();
      int count = 1;
      boolean inserted = false;
      int matches = 0;
      String[] last = {"", "", "", ""};
      for (RuleDraft r : current) {
        r.normalize();
        String[] cur = {r.dst, r.src, r.dapp, r.sapp};
        if (count == position) {
          if ((last[2].isEmpty() && last[3].isEmpty() && count > 1)
              || (cur[2].isEmpty() && cur[3].isEmpty())
              || !java.util.Arrays.equals(last, cur)) {
            inserted = true;
            newrules.add(rule.copy());
            last = new String[] {"", "", "", ""};
          } else {
            position++;
          }
        }
        last = cur;
        count++;
        int ret = r.match(rule);
        if (ret < 1) {
          matches++;
        }
        if (ret == 0 && !found && !inserted) {
          found = true;
          if (!rule.remove) {
            newrules.add(rule.copy());
          }
        } else if (ret == -2 && rule.remove && rule.comment.isEmpty()) {
          found = true;
        } else if (ret < 0 && !rule.remove && !inserted) {
          found = true;
          modified = true;
          newrules.add(rule.copy());
        } else {
          newrules.add(r);
        }
      }
      String v6s = rule.v6 ? " (v6)" : "";
      if (inserted) {
        if (matches > 0) {
          return "Skipping inserting existing rule" + v6s;
        }
      } else {
        if (!found && !rule.remove) {
          newrules.add(rule.copy());
        }
        if (found && !rule.remove && !modified) {
          return "Skipping adding existing rule" + v6s;
        }
      }
      current.clear();
      current.addAll(newrules);
      writeRules(rule.v6);
      return rule.v6 ? "Rules updated (v6)" : "Rules updated";
    }

    void writeRules(boolean v6) {
      Path f = etc.resolve(v6 ? "ufw/user6.rules" : "ufw/user.rules");
      if (!Files.isWritable(f)) {
        throw new UfwError("'" + f + "' is not writable");
      }
      UserRulesOptions o = options();
      List<UfwRule> frozen = new ArrayList<>();
      for (RuleDraft d : v6 ? rules6 : rules) {
        frozen.add(d.toRule());
      }
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
      List<RuleDraft> all = new ArrayList<>(rules);
      all.addAll(rules6);
      if (n <= 0 || n > all.size()) {
        throw error("Could not find rule '" + shown + "'");
      }
      RuleDraft rule = null;
      int count = 1;
      Set<String> seen = new HashSet<>();
      for (RuleDraft r : all) {
        if (!r.dapp.isEmpty() || !r.sapp.isEmpty()) {
          if (!seen.add(r.appTuple())) {
            continue;
          }
        }
        if (count == n) {
          rule = r;
          break;
        }
        count++;
      }
      if (rule == null) {
        throw error("Could not find rule '" + n + "'");
      }
      rule.remove = true;
      UfwCommand.IpVersion ipv = rule.v6 ? UfwCommand.IpVersion.V6 : UfwCommand.IpVersion.V4;
      if (!force) {
        String rstr = UfwRuleFormat.command(rule.toRule());
        out.append("Deleting:\n ").append(rstr).append("\nProceed with operation (y|n)? ");
        String ans = PythonText.lower(stdinLine.get().strip());
        if (!ans.equals("y") && !ans.equals("yes")) {
          return "Aborted";
        }
      }
      return setRule(rule, ipv);
    }
  }
}
