package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses ufw 0.36.2 command lines (the words after {@code ufw}) with ufw's own grammar, order of
 * checks and messages; refusals are {@link UfwRuleException}s.
 *
 * <pre>{@code
 * UfwRuleParser p = UfwRuleParser.of(ServicesDatabase.builder().add("ssh", 22, "tcp").build());
 * UfwCommand c = p.parse(List.of("limit", "in", "ssh"));
 * p.parse(List.of("allow", "99999")); // throws UfwRuleException: Bad port
 * }</pre>
 */
public final class UfwRuleParser {
  private static final Set<String> RULE_COMMANDS =
      Set.of("allow", "limit", "deny", "reject", "insert", "delete", "prepend");
  private static final List<String> KEYS =
      List.of("proto", "from", "to", "port", "app", "in", "out");
  private static final Pattern PROFILE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9 _\\-.+]*\n?");

  private final ServicesDatabase services;

  private UfwRuleParser(ServicesDatabase services) {
    this.services = requireNonNull(services, "services");
  }

  /**
   * A parser resolving service names through {@code services} (built in memory with {@link
   * ServicesDatabase#builder()}, or the host's with {@link ServicesDatabase#fromHost()}).
   */
  public static UfwRuleParser of(ServicesDatabase services) {
    return new UfwRuleParser(services);
  }

  /**
   * A parser resolving service names through the host's {@code /etc/services}, as ufw does: what it
   * accepts depends on the machine.
   */
  public static UfwRuleParser fromHost() {
    return new UfwRuleParser(ServicesDatabase.fromHost());
  }

  /** The services database in use. */
  public ServicesDatabase services() {
    return services;
  }

  /** ufw's valid_profile_name. */
  public static boolean isValidProfileName(String name) {
    if (name.equals("all")) {
      return false;
    }
    if (PythonText.parseInt(name).isPresent()) {
      return false;
    }
    return PROFILE_NAME.matcher(name).matches();
  }

  /**
   * Parses what follows {@code ufw} (leading {@code --dry-run} / {@code --force} are accepted).
   *
   * @throws UfwRuleException with ufw's message when ufw refuses the command line
   */
  public UfwCommand parse(List<String> args) {
    return parseInvocation(args).command();
  }

  /** A parsed command line with its flags. */
  record Invocation(boolean dryRun, boolean force, boolean appAction, UfwCommand command) {}

  /** The argv words with their original indexes, mutated the way ufw mutates its list. */
  private static final class Words {
    final List<String> w = new ArrayList<>();
    final List<Integer> at = new ArrayList<>();

    int size() {
      return w.size();
    }

    String get(int i) {
      return w.get(i);
    }

    int at(int i) {
      return i < at.size() && i >= 0 ? at.get(i) : (at.isEmpty() ? -1 : at.get(at.size() - 1));
    }

    void del(int i) {
      w.remove(i);
      at.remove(i);
    }

    int count(String s) {
      int n = 0;
      for (String x : w) {
        if (x.equals(s)) {
          n++;
        }
      }
      return n;
    }

    int index(String s) {
      return w.indexOf(s);
    }

    Words slice(int from, int to) {
      Words o = new Words();
      for (int i = from; i < to && i < w.size(); i++) {
        o.w.add(w.get(i));
        o.at.add(at.get(i));
      }
      return o;
    }

    void addAll(Words other) {
      w.addAll(other.w);
      at.addAll(other.at);
    }
  }

  Invocation parseInvocation(List<String> originalArgs) {
    List<String> orig = List.copyOf(originalArgs);
    // /usr/sbin/ufw: app action detection
    int idx = 0;
    if (orig.size() > 0 && PythonText.lower(orig.get(0)).equals("--dry-run")) {
      idx++;
    }
    boolean appAction = orig.size() > idx && PythonText.lower(orig.get(idx)).equals("app");

    Words argv = new Words();
    for (int i = 0; i < orig.size(); i++) {
      argv.w.add(orig.get(i));
      argv.at.add(i);
    }
    // frontend.parse_command: insert 'rule' (argv here lacks the program name)
    if (argv.size() > 1) {
      int k = PythonText.lower(argv.get(0)).equals("--dry-run") ? 1 : 0;
      String word = PythonText.lower(argv.get(k));
      if (!word.equals("default") && !word.equals("route") && RULE_COMMANDS.contains(word)) {
        argv.w.add(k, "rule");
        argv.at.add(k, argv.at(k));
      }
    }
    if (argv.size() < 1 || (argv.w.contains("--dry-run") && argv.size() < 2)) {
      throw UfwRuleException.usage(orig, 0, "not enough args");
    }
    boolean dryRun = false;
    if (argv.size() > 0 && PythonText.lower(argv.get(0)).equals("--dry-run")) {
      dryRun = true;
      argv.del(0);
    }
    boolean force = false;
    if (argv.size() > 0
        && (PythonText.lower(argv.get(0)).equals("--force")
            || PythonText.lower(argv.get(0)).equals("-f"))) {
      force = true;
      argv.del(0);
    }
    if (argv.size() == 0) {
      throw UfwRuleException.syntax(orig, orig.size(), "no command");
    }
    String tmp = PythonText.lower(argv.get(0));
    String type;
    String cmd;
    if (argv.size() > 1
        && TYPES.contains(tmp)
        && commandsOf(tmp).contains(PythonText.lower(argv.get(1)))) {
      type = tmp;
      cmd = PythonText.lower(argv.get(1));
    } else {
      cmd = tmp;
      type = "";
      for (String t : TYPES) {
        if (t.equals("route")) {
          continue;
        }
        if (commandsOf(t).contains(cmd)) {
          type = t;
          break;
        }
      }
      if (type.isEmpty()) {
        type = "rule";
      }
    }
    if (!commandsOf(type).contains(cmd)) {
      throw UfwRuleException.syntax(orig, argv.at(0), "unknown command '" + cmd + "'");
    }
    UfwCommand command;
    try {
      command =
          switch (type) {
            case "rule" -> parseRule(orig, argv, false);
            case "route" -> parseRoute(orig, argv);
            case "app" -> parseApp(orig, argv);
            default -> parseOther(orig, argv, type);
          };
    } catch (UfwError e) {
      throw UfwRuleException.error(orig, -1, requireNonNull(e.getMessage()));
    }
    return new Invocation(dryRun, force, appAction, command);
  }

  private static final List<String> TYPES =
      List.of("basic", "app", "logging", "default", "status", "show", "rule", "route");

  private static final Set<String> BASIC =
      Set.of(
          "enable", "disable", "help", "--help", "-h", "version", "--version", "reload", "reset");
  private static final Set<String> APP = Set.of("list", "info", "default", "update");
  private static final Set<String> LOGGING = Set.of("on", "off", "low", "medium", "high", "full");
  private static final Set<String> DEFAULT = Set.of("allow", "deny", "reject");
  private static final Set<String> STATUS = Set.of("status", "verbose", "numbered");
  private static final Set<String> SHOW =
      Set.of(
          "raw",
          "before-rules",
          "user-rules",
          "after-rules",
          "logging-rules",
          "builtins",
          "listening",
          "added");
  private static final Set<String> PORTLESS = Set.of("ipv6", "esp", "ah", "igmp", "gre", "vrrp");

  private static Set<String> commandsOf(String type) {
    return switch (type) {
      case "basic" -> BASIC;
      case "app" -> APP;
      case "logging" -> LOGGING;
      case "default" -> DEFAULT;
      case "status" -> STATUS;
      case "show" -> SHOW;
      case "rule", "route" -> RULE_COMMANDS;
      default -> Set.of();
    };
  }

  private UfwCommand parseOther(List<String> orig, Words argv, String type) {
    // Syntax of the non-rule commands, as far as needed to tell ufw's 'Invalid syntax' apart.
    int n = argv.size();
    String a1 = n > 1 ? PythonText.lower(argv.get(1)) : "";
    switch (type) {
      case "basic" -> {
        if (n != 1) {
          throw UfwRuleException.syntax(orig, argv.at(1), "extra arguments");
        }
        return new UfwCommand.Other(type, PythonText.lower(argv.get(0)));
      }
      case "logging" -> {
        if (n < 2 || !Set.of("off", "on", "low", "medium", "high", "full").contains(a1)) {
          throw UfwRuleException.syntax(orig, argv.at(1), "bad logging level");
        }
        return new UfwCommand.Other(type, "logging-" + a1);
      }
      case "default" -> {
        if (n < 2) {
          throw UfwRuleException.syntax(orig, argv.at(0), "missing policy");
        }
        if (n > 2
            && !Set.of("incoming", "input", "routed", "forward", "output", "outgoing")
                .contains(PythonText.lower(argv.get(2)))) {
          throw UfwRuleException.syntax(orig, argv.at(2), "bad direction");
        }
        if (!Set.of("allow", "deny", "reject").contains(a1)) {
          throw UfwRuleException.syntax(orig, argv.at(1), "bad policy");
        }
        return new UfwCommand.Other(type, "default-" + a1);
      }
      case "status" -> {
        if (n > 1 && !a1.equals("verbose") && !a1.equals("numbered")) {
          throw UfwRuleException.syntax(orig, argv.at(1), "bad status");
        }
        return new UfwCommand.Other(type, n > 1 ? "status-" + a1 : "status");
      }
      case "show" -> {
        if (n == 1
            || !Set.of(
                    "raw",
                    "before-rules",
                    "user-rules",
                    "after-rules",
                    "logging-rules",
                    "builtins",
                    "listening",
                    "added")
                .contains(a1)) {
          throw UfwRuleException.syntax(orig, argv.at(1), "bad show");
        }
        return new UfwCommand.Other(type, "show-" + a1);
      }
      default -> {
        throw UfwRuleException.syntax(orig, argv.at(0), "unknown command");
      }
    }
  }

  private UfwCommand parseApp(List<String> orig, Words argv) {
    if (!argv.get(0).equals("app")) {
      throw UfwRuleException.syntax(orig, argv.at(0), "expected app");
    }
    argv.del(0);
    int nargs = argv.size();
    String action = PythonText.lower(argv.get(0));
    String name = "";
    boolean addnew = false;
    if (action.equals("info") || action.equals("update")) {
      if (nargs >= 3 && argv.get(1).equals("--add-new")) {
        addnew = true;
        argv.del(1);
        nargs = argv.size();
      }
      if (nargs < 2) {
        throw UfwRuleException.syntax(orig, argv.at(0), "missing profile");
      }
      name = stripChars(argv.get(1), "[']");
      if (addnew) {
        action += "-with-new";
      }
    }
    if (action.equals("list") && nargs != 1) {
      throw UfwRuleException.syntax(orig, argv.at(1), "extra arguments");
    }
    if (action.equals("default")) {
      if (nargs < 2) {
        throw UfwRuleException.syntax(orig, argv.at(0), "missing policy");
      }
      String p = PythonText.lower(argv.get(1));
      if (!Set.of("allow", "deny", "reject", "skip").contains(p)) {
        throw UfwRuleException.syntax(orig, argv.at(1), "bad policy");
      }
      action = "default-" + p;
    }
    return new UfwCommand.App(action, name);
  }

  private static String stripChars(String s, String chars) {
    int a = 0;
    int b = s.length();
    while (a < b && chars.indexOf(s.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) {
      b--;
    }
    return s.substring(a, b);
  }

  private UfwCommand parseRoute(List<String> orig, Words argv) {
    if (!argv.get(0).equals("route")) {
      throw UfwRuleException.syntax(orig, argv.at(0), "route");
    }
    int di = argv.index("delete");
    if (di >= 0) {
      if (di + 1 >= argv.size()) {
        throw UfwRuleException.syntax(orig, argv.at(di), "missing rule after delete");
      }
      if (PythonText.parseInt(argv.get(di + 1)).isPresent()) {
        throw UfwRuleException.error(
            orig, argv.at(di + 1), "'route delete NUM' unsupported. Use 'delete NUM' instead.");
      }
    }
    String s = String.join(" ", argv.w);
    Words ruleArgv;
    String strip = null;
    String iface = null;
    if (s.contains(" in on ") && s.contains(" out on ")) {
      int inIdx = argv.index("in");
      int outIdx = argv.index("out");
      if (inIdx < 0 || outIdx < 0) {
        throw UfwRuleException.syntax(orig, argv.at(0), "interface clause inside a word");
      }
      strip = inIdx > outIdx ? "in" : "out";
      int si = argv.index(strip);
      if (si + 2 >= argv.size()) {
        throw UfwRuleException.syntax(orig, argv.at(si), "missing interface");
      }
      iface = argv.get(si + 2);
      ruleArgv = argv.slice(0, si);
      ruleArgv.addAll(argv.slice(si + 3, argv.size()));
    } else if (!s.contains(" in on ")
        && !s.contains(" out on ")
        && !s.contains(" app in ")
        && !s.contains(" app out ")
        && (s.contains(" in ") || s.contains(" out "))) {
      int at = Math.max(argv.index("in"), argv.index("out"));
      throw UfwRuleException.error(orig, argv.at(at), "Invalid interface clause for route rule");
    } else {
      ruleArgv = argv;
    }
    ruleArgv.w.set(0, "rule");
    UfwCommand c = parseRule(orig, ruleArgv, true);
    if (c instanceof UfwCommand.RuleChange rc && strip != null) {
      RuleDraft d = RuleDraft.of(rc.rule());
      try {
        d.setInterface(strip.equals("in"), iface);
      } catch (UfwError e) {
        throw UfwRuleException.error(
            orig, argv.at(argv.index(strip) + 2), requireNonNull(e.getMessage()));
      }
      return new UfwCommand.RuleChange(rc.operation(), d.toRule(), rc.ipVersion(), rc.position());
    }
    return c;
  }

  /** Python's {@code s.lower() == v} for an ASCII lower-case {@code v}. */
  private static boolean eqLower(String s, String v) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return PythonText.lower(s).equals(v);
      }
    }
    return s.equalsIgnoreCase(v);
  }

  @SuppressWarnings("StringSplitter")
  private UfwCommand parseRule(List<String> orig, Words argv, boolean route) {
    String action = "";
    String fromType = "any";
    String toType = "any";
    String fromService = "";
    String toService = "";
    String insertPos = "";
    int insertPosAt = -1;
    String logtype = "";
    boolean remove = false;
    String type = "";

    if (argv.size() > 0 && eqLower(argv.get(0), "rule")) {
      argv.del(0);
    }
    if (argv.size() > 0) {
      if (eqLower(argv.get(0), "delete") && argv.size() > 1) {
        remove = true;
        argv.del(0);
        Optional<BigInteger> num = PythonText.parseInt(argv.get(0));
        if (num.isPresent()) {
          return new UfwCommand.DeleteNumber(PythonText.clampToLong(num.get()));
        }
        action = argv.get(0);
      } else if (eqLower(argv.get(0), "insert")) {
        if (argv.size() < 4) {
          throw UfwRuleException.syntax(orig, argv.at(0), "insert needs a position and a rule");
        }
        insertPos = argv.get(1);
        insertPosAt = argv.at(1);
        if (insertPos.equals("0") || insertPos.equals("-1")) {
          throw UfwRuleException.error(
              orig, argv.at(1), "Cannot insert rule at position '" + insertPos + "'");
        }
        argv.del(1);
        argv.del(0);
      } else if (eqLower(argv.get(0), "prepend")) {
        insertPos = "-1";
        argv.del(0);
      }
      if (argv.size() == 0) {
        throw UfwRuleException.syntax(orig, orig.size(), "missing action");
      }
      action = argv.get(0);
    }
    int actionAt = argv.size() > 0 ? argv.at(0) : 0;
    if (!action.equals("allow")
        && !action.equals("deny")
        && !action.equals("reject")
        && !action.equals("limit")) {
      throw UfwRuleException.syntax(orig, actionAt, "unknown action '" + action + "'");
    }
    int nargs = argv.size();
    if (nargs < 2) {
      throw UfwRuleException.syntax(orig, actionAt, "missing rule");
    }
    String ruleDirection = "in";
    if (nargs > 1 && (eqLower(argv.get(1), "in") || eqLower(argv.get(1), "out"))) {
      ruleDirection = PythonText.lower(argv.get(1));
    }
    if (nargs > 2
        && !argv.get(2).equals("on")
        && (eqLower(argv.get(1), "in") || eqLower(argv.get(1), "out"))) {
      ruleDirection = PythonText.lower(argv.get(1));
      argv.del(1);
      nargs = argv.size();
    }
    boolean hasInterface = false;
    if (nargs > 1 && (argv.count("in") > 0 || argv.count("out") > 0)) {
      String err = "Invalid interface clause";
      if (!eqLower(argv.get(1), "in") && !eqLower(argv.get(1), "out")) {
        int at = argv.index("in") >= 0 ? argv.index("in") : argv.index("out");
        throw UfwRuleException.error(orig, argv.at(at), err);
      }
      if (nargs < 3 || !eqLower(argv.get(2), "on")) {
        throw UfwRuleException.error(orig, argv.at(Math.min(2, nargs - 1)), err);
      }
      argv.del(2);
      nargs = argv.size();
      hasInterface = true;
    }
    int logIdx = 0;
    if (hasInterface
        && nargs > 3
        && (eqLower(argv.get(3), "log") || eqLower(argv.get(3), "log-all"))) {
      logIdx = 3;
    } else if (nargs > 2 && (eqLower(argv.get(1), "log") || eqLower(argv.get(1), "log-all"))) {
      logIdx = 1;
    }
    if (logIdx > 0) {
      logtype = PythonText.lower(argv.get(logIdx));
      argv.del(logIdx);
      nargs = argv.size();
    }
    if (argv.w.contains("log")) {
      throw UfwRuleException.error(
          orig, argv.at(argv.index("log")), "Option 'log' not allowed here");
    }
    if (argv.w.contains("log-all")) {
      throw UfwRuleException.error(
          orig, argv.at(argv.index("log-all")), "Option 'log-all' not allowed here");
    }
    String comment = "";
    if (argv.w.contains("comment")) {
      int ci = argv.index("comment");
      if (ci == argv.size() - 1) {
        throw UfwRuleException.error(
            orig, argv.at(ci), "Option 'comment' missing required argument");
      }
      comment = argv.get(ci + 1);
      if (comment.contains("'")) {
        throw UfwRuleException.syntax(orig, argv.at(ci + 1), "Comment may not contain \"'\"");
      }
      argv.del(ci + 1);
      argv.del(ci);
      nargs = argv.size();
    }
    if (nargs < 2 || nargs > 13) {
      throw UfwRuleException.syntax(orig, argv.at(nargs > 13 ? 13 : 0), "wrong number of words");
    }
    RuleDraft rule = new RuleDraft();
    rule.setAction(logtype.isEmpty() ? action : action + "_" + logtype);
    rule.direction = ruleDirection.equals("out") ? UfwDirection.OUT : UfwDirection.IN;
    rule.comment = comment;
    rule.forward = route;
    if (remove) {
      rule.remove = true;
    } else if (!insertPos.isEmpty()) {
      try {
        if (!rule.setPosition(insertPos)) {
          throw UfwRuleException.syntax(orig, insertPosAt, "position is not an integer");
        }
      } catch (UfwError e) {
        throw UfwRuleException.error(orig, insertPosAt, requireNonNull(e.getMessage()));
      }
    }
    if (nargs == 2) {
      String word = argv.get(1);
      int wordAt = argv.at(1);
      if (isValidProfileName(word) && services.protocol(word).isEmpty()) {
        type = "both";
        rule.dapp = word;
        rule.setPort(word, true, services);
      }
      if (rule.dapp.isEmpty()) {
        String port;
        String proto;
        String[] tmp = word.split("/", -1);
        if (tmp.length == 1) {
          port = tmp[0];
          proto = "any";
        } else if (tmp.length == 2) {
          port = tmp[0];
          proto = tmp[1];
          if (PORTLESS.contains(proto)) {
            throw UfwRuleException.error(
                orig, wordAt, "Invalid port with protocol '" + proto + "'");
          }
        } else {
          throw UfwRuleException.error(orig, wordAt, "Bad port");
        }
        if (!RuleDraft.isNumericPortList(port)) {
          if (port.contains(",") || port.contains(":")) {
            throw UfwRuleException.error(orig, wordAt, "Port ranges must be numeric");
          }
          toService = port;
        }
        try {
          rule.setProtocol(proto);
          rule.setPort(port, true, services);
          type = "both";
        } catch (UfwError e) {
          throw UfwRuleException.error(orig, wordAt, "Bad port");
        }
      }
    } else if ((nargs + 1) % 2 != 0) {
      throw UfwRuleException.error(orig, argv.at(nargs - 1), "Wrong number of arguments");
    } else if (!argv.w.contains("from")
        && !argv.w.contains("to")
        && !argv.w.contains("in")
        && !argv.w.contains("out")) {
      throw UfwRuleException.error(orig, argv.at(1), "Need 'to' or 'from' clause");
    } else {
      if (argv.count("to") > 1
          || argv.count("from") > 1
          || argv.count("proto") > 1
          || argv.count("port") > 2
          || argv.count("in") > 1
          || argv.count("out") > 1
          || argv.count("app") > 2
          || (argv.count("app") > 0 && argv.count("proto") > 0)) {
        throw UfwRuleException.error(orig, argv.at(1), "Improper rule syntax");
      }
      String loc = "";
      for (int i = 0; i < nargs; i++) {
        String arg = argv.get(i);
        if (i % 2 != 0 && !KEYS.contains(arg)) {
          throw UfwRuleException.error(orig, argv.at(i), "Invalid token '" + arg + "'");
        }
        boolean hasNext = i + 1 < nargs;
        String next = hasNext ? argv.get(i + 1) : "";
        int nextAt = hasNext ? argv.at(i + 1) : argv.at(i);
        try {
          switch (arg) {
            case "proto" -> {
              if (!hasNext) {
                throw UfwRuleException.error(orig, argv.at(i), "Invalid 'proto' clause");
              }
              rule.setProtocol(next);
            }
            case "in", "out" -> {
              if (!hasNext) {
                throw UfwRuleException.error(orig, argv.at(i), "Invalid '" + arg + "' clause");
              }
              rule.setInterface(arg.equals("in"), next);
            }
            case "from", "to" -> {
              if (!hasNext) {
                throw UfwRuleException.error(orig, argv.at(i), "Invalid '" + arg + "' clause");
              }
              String addr = PythonText.lower(next);
              String t;
              if (addr.equals("any")) {
                addr = "0.0.0.0/0";
                t = "any";
              } else {
                t = IpAddresses.validAddress6(addr) ? "v6" : "v4";
              }
              if (arg.equals("from")) {
                fromType = t;
                rule.setSrc(addr);
                loc = "src";
              } else {
                toType = t;
                rule.setDst(addr);
                loc = "dst";
              }
            }
            case "port", "app" -> {
              if (!hasNext) {
                throw UfwRuleException.error(orig, argv.at(i), "Invalid 'port' clause");
              }
              if (loc.isEmpty()) {
                throw UfwRuleException.error(
                    orig, argv.at(i), "Need 'from' or 'to' with '" + arg + "'");
              }
              if (arg.equals("app")) {
                if (loc.equals("src")) {
                  rule.sapp = next;
                } else {
                  rule.dapp = next;
                }
              } else if (!RuleDraft.isNumericPortList(next)) {
                if (next.contains(",") || next.contains(":")) {
                  throw UfwRuleException.error(orig, nextAt, "Port ranges must be numeric");
                }
                if (loc.equals("src")) {
                  fromService = next;
                } else {
                  toService = next;
                }
              }
              rule.setPort(next, loc.equals("dst"), services);
            }
            default -> {
              // a value word: read with the clause before it
            }
          }
        } catch (UfwError e) {
          throw UfwRuleException.error(orig, nextAt, requireNonNull(e.getMessage()));
        }
      }
      if (fromType.equals("any") && toType.equals("any")) {
        type = "both";
      } else if (!fromType.equals("any") && !toType.equals("any") && !fromType.equals(toType)) {
        throw UfwRuleException.error(
            orig, argv.at(argv.index("to") + 1), "Mixed IP versions for 'from' and 'to'");
      } else if (!fromType.equals("any")) {
        type = fromType;
      } else {
        type = toType;
      }
    }
    // Adjust protocol for service names
    if (!toService.isEmpty() || !fromService.isEmpty()) {
      String proto = "";
      if (!toService.isEmpty()) {
        proto = serviceProto(orig, toService);
      }
      if (!fromService.isEmpty()) {
        if (proto.equals("any") || proto.isEmpty()) {
          proto = serviceProto(orig, fromService);
        } else {
          String t = serviceProto(orig, fromService);
          if (proto.equals("any") || proto.equals(t)) {
            proto = t;
          } else if (!t.equals("any")) {
            throw UfwRuleException.error(
                orig, argv.at(argv.index("from")), "Protocol mismatch (from/to)");
          }
        }
      }
      if (rule.protocol == UfwProtocol.ANY) {
        try {
          rule.setProtocol(proto);
        } catch (UfwError e) {
          throw UfwRuleException.error(orig, actionAt, requireNonNull(e.getMessage()));
        }
      } else if (!proto.equals("any") && !rule.protocol.word().equals(proto)) {
        throw UfwRuleException.error(
            orig, actionAt, "Protocol mismatch with specified protocol " + rule.protocol.word());
      }
    }
    if (rule.protocol.isIpv4Only() && type.equals("both")) {
      type = "v4";
    }
    // verify()
    if (rule.protocol != UfwProtocol.ANY && (!rule.sapp.isEmpty() || !rule.dapp.isEmpty())) {
      throw UfwRuleException.error(
          orig,
          actionAt,
          "Improper rule syntax ('" + rule.protocol.word() + "' specified with app rule)");
    }
    if (rule.protocol.isIpv4Only() && type.equals("v6")) {
      throw UfwRuleException.error(
          orig, actionAt, "Invalid IPv6 address with protocol '" + rule.protocol.word() + "'");
    }
    if (!rule.protocol.hasPorts() && (!rule.dport.equals("any") || !rule.sport.equals("any"))) {
      throw UfwRuleException.error(
          orig, actionAt, "Invalid port with protocol '" + rule.protocol.word() + "'");
    }
    UfwCommand.Operation op =
        remove
            ? UfwCommand.Operation.DELETE
            : rule.position == -1
                ? UfwCommand.Operation.PREPEND
                : rule.position > 0 ? UfwCommand.Operation.INSERT : UfwCommand.Operation.ADD;
    UfwCommand.IpVersion ipv =
        type.equals("v4")
            ? UfwCommand.IpVersion.V4
            : type.equals("v6") ? UfwCommand.IpVersion.V6 : UfwCommand.IpVersion.BOTH;
    UfwRule frozen;
    try {
      frozen = rule.toRule();
    } catch (UfwError e) {
      throw UfwRuleException.error(orig, actionAt, requireNonNull(e.getMessage()));
    }
    return new UfwCommand.RuleChange(op, frozen, ipv, rule.position);
  }

  private String serviceProto(List<String> orig, String name) {
    Optional<String> p = services.protocol(name);
    if (p.isEmpty()) {
      throw UfwRuleException.error(orig, -1, "Could not find protocol");
    }
    return p.get();
  }
}
