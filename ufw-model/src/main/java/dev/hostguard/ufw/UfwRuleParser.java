package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  /** Whether a word of this {@link Words#kind} is a clause keyword of the extended syntax. */
  private static boolean isKey(byte kind) {
    return switch (kind) {
      case Words.PROTO, Words.FROM, Words.TO, Words.PORT, Words.APP, Words.IN, Words.OUT -> true;
      default -> false;
    };
  }

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
    if (name.equals("all") || isAsciiNumber(name)) {
      // an ASCII digit string is one Python's int() reads: not a profile name
      return false;
    }
    return matchesProfileName(name) && PythonText.parseInt(name).isEmpty();
  }

  /** re.match(r'^[a-zA-Z0-9][a-zA-Z0-9 _\-\.+]*$', name), '$' allowing one final newline. */
  private static boolean matchesProfileName(String name) {
    int end = name.endsWith("\n") ? name.length() - 1 : name.length();
    if (end == 0 || !isAsciiAlnum(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = name.charAt(i);
      if (!isAsciiAlnum(c) && c != ' ' && c != '_' && c != '-' && c != '.' && c != '+') {
        return false;
      }
    }
    return true;
  }

  /** A non-empty string of ASCII digits (which Python's int() always reads). */
  private static boolean isAsciiNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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

  /**
   * The argv words with their original indexes, mutated the way ufw mutates its list (two parallel
   * arrays: no boxing, no list copies). The words sit at {@code [off, off + n)} of the arrays: ufw
   * inserts and deletes near the front ('rule', '--dry-run', the action, 'in', 'on', 'log'), so the
   * shorter side of the arrays moves, most often no element at all.
   */
  private static final class Words {
    private String[] w;
    private int[] at;

    /** {@link #kind} of each word: the keyword scans compare small numbers, not strings. */
    private byte[] kinds;

    /** Where word 0 is in the arrays. */
    private int off;

    private int n;

    private Words(int capacity, int off) {
      w = new String[capacity];
      at = new int[capacity];
      kinds = new byte[capacity];
      this.off = off;
    }

    static final byte OTHER = 0;
    static final byte DRY_RUN = 1;
    static final byte DELETE = 2;
    static final byte IN = 3;
    static final byte OUT = 4;
    static final byte LOG = 5;
    static final byte LOG_ALL = 6;
    static final byte COMMENT = 7;
    static final byte FROM = 8;
    static final byte TO = 9;
    static final byte PROTO = 10;
    static final byte PORT = 11;
    static final byte APP = 12;

    /** A number for each word the parser looks for, {@link #OTHER} for any other word. */
    static byte kind(String word) {
      // by length, then a comparison or two: no keyword is shorter than 2 or longer than 9, and
      // most values are told apart without hashing them
      return switch (word.length()) {
        case 2 -> word.equals("in") ? IN : word.equals("to") ? TO : OTHER;
        case 3 ->
            word.equals("out") ? OUT : word.equals("log") ? LOG : word.equals("app") ? APP : OTHER;
        case 4 -> word.equals("from") ? FROM : word.equals("port") ? PORT : OTHER;
        case 5 -> word.equals("proto") ? PROTO : OTHER;
        case 6 -> word.equals("delete") ? DELETE : OTHER;
        case 7 -> word.equals("comment") ? COMMENT : word.equals("log-all") ? LOG_ALL : OTHER;
        case 9 -> word.equals("--dry-run") ? DRY_RUN : OTHER;
        default -> OTHER;
      };
    }

    /**
     * The command line words, each at its own index, with room before them for the 'rule' ufw
     * inserts.
     */
    static Words of(List<String> orig) {
      int size = orig.size();
      Words o = new Words(size + 1, 1);
      String[] w = o.w;
      int[] at = o.at;
      byte[] kinds = o.kinds;
      for (int i = 0; i < size; i++) {
        String word = orig.get(i);
        w[i + 1] = word;
        at[i + 1] = i;
        kinds[i + 1] = kind(word);
      }
      o.n = size;
      return o;
    }

    int size() {
      return n;
    }

    String get(int i) {
      if (i < 0 || i >= n) {
        throw new IndexOutOfBoundsException(i);
      }
      return w[off + i];
    }

    void set(int i, String word) {
      if (i < 0 || i >= n) {
        throw new IndexOutOfBoundsException(i);
      }
      w[off + i] = word;
      kinds[off + i] = kind(word);
    }

    int at(int i) {
      return i < n && i >= 0 ? at[off + i] : (n == 0 ? -1 : at[off + n - 1]);
    }

    void insert(int i, String word, int index) {
      if (i < 0 || i > n) {
        throw new IndexOutOfBoundsException(i);
      }
      if (off > 0 && (i < n - i || off + n == w.length)) {
        // the words before i move one to the left (none when inserting at the front)
        move(off, off - 1, i);
        off--;
      } else {
        if (off + n == w.length) {
          int capacity = w.length * 2;
          w = java.util.Arrays.copyOf(w, capacity);
          at = java.util.Arrays.copyOf(at, capacity);
          kinds = java.util.Arrays.copyOf(kinds, capacity);
        }
        move(off + i, off + i + 1, n - i);
      }
      w[off + i] = word;
      at[off + i] = index;
      kinds[off + i] = kind(word);
      n++;
    }

    void del(int i) {
      if (i < 0 || i >= n) {
        throw new IndexOutOfBoundsException(i);
      }
      if (i < n - 1 - i) {
        // the words before i move one to the right (none when deleting the first)
        move(off, off + 1, i);
        w[off] = null;
        off++;
      } else {
        move(off + i + 1, off + i, n - i - 1);
        w[off + n - 1] = null;
      }
      n--;
    }

    /**
     * Moves {@code count} words, with their indexes and kinds, from array slot {@code from} to
     * {@code to}.
     */
    private void move(int from, int to, int count) {
      System.arraycopy(w, from, w, to, count);
      System.arraycopy(at, from, at, to, count);
      System.arraycopy(kinds, from, kinds, to, count);
    }

    /** How many words are the keyword of kind {@code k} (not {@link #OTHER}). */
    int count(byte k) {
      int c = 0;
      for (int i = off; i < off + n; i++) {
        if (kinds[i] == k) {
          c++;
        }
      }
      return c;
    }

    /** The index of the first word that is the keyword of kind {@code k}, or -1. */
    int index(byte k) {
      for (int i = off; i < off + n; i++) {
        if (kinds[i] == k) {
          return i - off;
        }
      }
      return -1;
    }

    /** The kind of word {@code i}. */
    byte kindAt(int i) {
      if (i < 0 || i >= n) {
        throw new IndexOutOfBoundsException(i);
      }
      return kinds[off + i];
    }

    boolean contains(byte k) {
      return index(k) >= 0;
    }

    /** The words joined by single spaces, as Python's {@code ' '.join(argv)}. */
    String joined() {
      StringBuilder b = new StringBuilder(n * 8);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(w[off + i]);
      }
      return b.toString();
    }

    /** Whether some word holds a space (then the joined text is not just the words). */
    boolean anyWordHasSpace() {
      for (int i = 0; i < n; i++) {
        if (w[off + i].indexOf(' ') >= 0) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether {@code ' '.join(argv)} contains {@code " " + a + " "}, or {@code " " + a + " " + b +
     * " "} for a non-null {@code b}; {@code joined} is that text, or null when no word holds a
     * space (then the pieces between spaces are exactly the words and no text is built).
     */
    boolean joinedHas(@Nullable String joined, String a, @Nullable String b) {
      if (joined != null) {
        return joined.contains(b == null ? " " + a + " " : " " + a + " " + b + " ");
      }
      int last = b == null ? n - 2 : n - 3;
      for (int i = 1; i <= last; i++) {
        if (w[off + i].equals(a) && (b == null || w[off + i + 1].equals(b))) {
          return true;
        }
      }
      return false;
    }
  }

  Invocation parseInvocation(List<String> originalArgs) {
    for (String word : originalArgs) {
      requireNonNull(word, "argv word");
    }
    // the exceptions copy what they quote; no copy on the way through
    List<String> orig =
        originalArgs instanceof RandomAccess ? originalArgs : List.copyOf(originalArgs);
    // /usr/sbin/ufw: app action detection
    int idx = 0;
    if (orig.size() > 0 && eqLower(orig.get(0), "--dry-run")) {
      idx++;
    }
    boolean appAction = orig.size() > idx && eqLower(orig.get(idx), "app");

    Words argv = Words.of(orig);
    // the lower-case command word: read once, compared below without lowering it again
    String ruleCommand = null;
    // frontend.parse_command: insert 'rule' (argv here lacks the program name)
    if (argv.size() > 1) {
      int k = eqLower(argv.get(0), "--dry-run") ? 1 : 0;
      String word = PythonText.lower(argv.get(k));
      if (isRuleCommand(word)) {
        argv.insert(k, "rule", argv.at(k));
        ruleCommand = word;
      }
    }
    if (argv.size() < 1 || (argv.contains(Words.DRY_RUN) && argv.size() < 2)) {
      throw UfwRuleException.usage(orig, 0, "not enough args");
    }
    boolean dryRun = false;
    if (argv.size() > 0 && eqLower(argv.get(0), "--dry-run")) {
      dryRun = true;
      argv.del(0);
    }
    boolean force = false;
    if (argv.size() > 0 && (eqLower(argv.get(0), "--force") || eqLower(argv.get(0), "-f"))) {
      force = true;
      argv.del(0);
    }
    if (argv.size() == 0) {
      throw UfwRuleException.syntax(orig, orig.size(), "no command");
    }
    String type;
    String cmd;
    String tmp = ruleCommand != null ? "rule" : PythonText.lower(argv.get(0));
    if (ruleCommand != null) {
      // argv is 'rule' and the command word now ('--dry-run' was before them, '--force' cannot be):
      // ufw's test below answers rule and that word
      type = "rule";
      cmd = ruleCommand;
    } else if (argv.size() > 1
        && isType(tmp)
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
    if (ruleCommand == null && !commandsOf(type).contains(cmd)) {
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

  /** RULE_COMMANDS without 'default' and 'route' (parse_command's test for inserting 'rule'). */
  private static boolean isRuleCommand(String word) {
    return switch (word) {
      case "allow", "limit", "deny", "reject", "insert", "delete", "prepend" -> true;
      default -> false;
    };
  }

  /** {@code TYPES.contains(word)}. */
  private static boolean isType(String word) {
    return switch (word) {
      case "basic", "app", "logging", "default", "status", "show", "rule", "route" -> true;
      default -> false;
    };
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
    int di = argv.index(Words.DELETE);
    if (di >= 0) {
      if (di + 1 >= argv.size()) {
        throw UfwRuleException.syntax(orig, argv.at(di), "missing rule after delete");
      }
      if (PythonText.parseInt(argv.get(di + 1)).isPresent()) {
        throw UfwRuleException.error(
            orig, argv.at(di + 1), "'route delete NUM' unsupported. Use 'delete NUM' instead.");
      }
    }
    // ufw tests ' '.join(argv) for these phrases; the words answer unless one holds a space
    String s = argv.anyWordHasSpace() ? argv.joined() : null;
    boolean inOn = argv.joinedHas(s, "in", "on");
    boolean outOn = argv.joinedHas(s, "out", "on");
    RuleClauses c = new RuleClauses(orig, argv, true);
    if (inOn && outOn) {
      int inIdx = argv.index(Words.IN);
      int outIdx = argv.index(Words.OUT);
      if (inIdx < 0 || outIdx < 0) {
        throw UfwRuleException.syntax(orig, argv.at(0), "interface clause inside a word");
      }
      boolean stripIn = inIdx > outIdx;
      int si = stripIn ? inIdx : outIdx;
      if (si + 2 >= argv.size()) {
        throw UfwRuleException.syntax(orig, argv.at(si), "missing interface");
      }
      c.routeInterface = argv.get(si + 2);
      c.routeInterfaceIn = stripIn;
      c.routeInterfaceAt = argv.at(si + 2);
      // the rule is read without 'in|out on IFACE'; the interface is set after it
      argv.del(si);
      argv.del(si);
      argv.del(si);
    } else if (!inOn
        && !outOn
        && !argv.joinedHas(s, "app", "in")
        && !argv.joinedHas(s, "app", "out")
        && (argv.joinedHas(s, "in", null) || argv.joinedHas(s, "out", null))) {
      int at = Math.max(argv.index(Words.IN), argv.index(Words.OUT));
      throw UfwRuleException.error(orig, argv.at(at), "Invalid interface clause for route rule");
    }
    argv.set(0, "rule");
    return parseRule(c);
  }

  /** Python's {@code s.lower() == v} for an ASCII lower-case {@code v}. */
  private static boolean eqLower(String s, String v) {
    if (s.equals(v)) {
      return true;
    }
    if (!s.isEmpty()) {
      char c0 = s.charAt(0);
      // an ASCII first letter stays the first letter of the lower-case text
      if (c0 < 128
          && (v.isEmpty() || (c0 >= 'A' && c0 <= 'Z' ? (char) (c0 + 32) : c0) != v.charAt(0))) {
        return false;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return PythonText.lower(s).equals(v);
      }
    }
    return s.equalsIgnoreCase(v);
  }

  /**
   * The state parser.UFWCommandRule.parse carries from one clause to the next: the argv words as
   * ufw mutates them, what each clause read, and the draft rule once it exists.
   */
  private static final class RuleClauses {
    final List<String> orig;
    final Words argv;
    final boolean route;
    String action = "";
    int actionAt;
    boolean remove;
    long deleteNumber;
    String insertPos = "";
    int insertPosAt = -1;
    String direction = "in";
    boolean hasInterface;
    String logtype = "";
    String comment = "";
    RuleDraft rule = new RuleDraft();

    /** ufw's {@code type}: "v4", "v6" or "both". */
    String type = "";

    String fromType = "any";
    String toType = "any";
    String fromService = "";
    String toService = "";

    /** The side ("src" or "dst") the last from/to clause named. */
    String loc = "";

    /** The {@code in|out on IFACE} a route rule with both sets after reading the rest, or null. */
    @Nullable String routeInterface;

    boolean routeInterfaceIn;
    int routeInterfaceAt;

    RuleClauses(List<String> orig, Words argv, boolean route) {
      this.orig = orig;
      this.argv = argv;
      this.route = route;
    }
  }

  /** parser.UFWCommandRule.parse, one clause per method in ufw's order of checks. */
  private UfwCommand parseRule(List<String> orig, Words argv, boolean route) {
    return parseRule(new RuleClauses(orig, argv, route));
  }

  /** {@link #parseRule(List, Words, boolean)} with the clause state made. */
  private UfwCommand parseRule(RuleClauses c) {
    Words argv = c.argv;
    if (readCommandWord(c)) {
      return new UfwCommand.DeleteNumber(c.deleteNumber);
    }
    readAction(c);
    readDirection(c);
    readInterfaceClause(c);
    readLogType(c);
    readComment(c);
    startDraft(c);
    if (argv.size() == 2) {
      readSimpleSyntax(c);
    } else {
      readExtendedSyntax(c);
    }
    adjustServiceProtocol(c);
    verify(c);
    String iface = c.routeInterface;
    if (iface != null) {
      String problem = RuleDraft.interfaceProblem(iface);
      if (problem != null) {
        // ufw reads the rule before it sets the interface: the rule's own refusal comes first
        freeze(c);
        throw UfwRuleException.error(c.orig, c.routeInterfaceAt, problem);
      }
      c.rule.setInterface(c.routeInterfaceIn, iface);
    }
    return freeze(c);
  }

  /**
   * The optional {@code rule} word, then {@code delete}, {@code insert NUM} or {@code prepend};
   * true for {@code delete NUM} (its number in {@link RuleClauses#deleteNumber}).
   */
  private static boolean readCommandWord(RuleClauses c) {
    Words argv = c.argv;
    if (argv.size() > 0 && eqLower(argv.get(0), "rule")) {
      argv.del(0);
    }
    if (argv.size() == 0) {
      return false;
    }
    if (eqLower(argv.get(0), "delete") && argv.size() > 1) {
      c.remove = true;
      argv.del(0);
      Optional<BigInteger> num = PythonText.parseInt(argv.get(0));
      if (num.isPresent()) {
        c.deleteNumber = PythonText.clampToLong(num.get());
        return true;
      }
    } else if (eqLower(argv.get(0), "insert")) {
      if (argv.size() < 4) {
        throw UfwRuleException.syntax(c.orig, argv.at(0), "insert needs a position and a rule");
      }
      c.insertPos = argv.get(1);
      c.insertPosAt = argv.at(1);
      if (c.insertPos.equals("0") || c.insertPos.equals("-1")) {
        throw UfwRuleException.error(
            c.orig, argv.at(1), "Cannot insert rule at position '" + c.insertPos + "'");
      }
      argv.del(1);
      argv.del(0);
    } else if (eqLower(argv.get(0), "prepend")) {
      c.insertPos = "-1";
      argv.del(0);
    }
    if (argv.size() == 0) {
      throw UfwRuleException.syntax(c.orig, c.orig.size(), "missing action");
    }
    c.action = argv.get(0);
    return false;
  }

  /** The action word: allow, deny, reject or limit, followed by at least one word. */
  private static void readAction(RuleClauses c) {
    c.actionAt = c.argv.size() > 0 ? c.argv.at(0) : 0;
    String action = c.action;
    if (!action.equals("allow")
        && !action.equals("deny")
        && !action.equals("reject")
        && !action.equals("limit")) {
      throw UfwRuleException.syntax(c.orig, c.actionAt, "unknown action '" + action + "'");
    }
    if (c.argv.size() < 2) {
      throw UfwRuleException.syntax(c.orig, c.actionAt, "missing rule");
    }
  }

  /** The rule direction: {@code in} / {@code out} after the action (dropped unless before 'on'). */
  private static void readDirection(RuleClauses c) {
    Words argv = c.argv;
    int nargs = argv.size();
    if (nargs > 1 && (eqLower(argv.get(1), "in") || eqLower(argv.get(1), "out"))) {
      c.direction = PythonText.lower(argv.get(1));
    }
    if (nargs > 2
        && !argv.get(2).equals("on")
        && (eqLower(argv.get(1), "in") || eqLower(argv.get(1), "out"))) {
      c.direction = PythonText.lower(argv.get(1));
      argv.del(1);
    }
  }

  /** {@code in on IFACE} / {@code out on IFACE}: drops the 'on' word. */
  private static void readInterfaceClause(RuleClauses c) {
    Words argv = c.argv;
    int nargs = argv.size();
    if (nargs > 1 && (argv.count(Words.IN) > 0 || argv.count(Words.OUT) > 0)) {
      String err = "Invalid interface clause";
      if (!eqLower(argv.get(1), "in") && !eqLower(argv.get(1), "out")) {
        int at = argv.index(Words.IN) >= 0 ? argv.index(Words.IN) : argv.index(Words.OUT);
        throw UfwRuleException.error(c.orig, argv.at(at), err);
      }
      if (nargs < 3 || !eqLower(argv.get(2), "on")) {
        throw UfwRuleException.error(c.orig, argv.at(Math.min(2, nargs - 1)), err);
      }
      argv.del(2);
      c.hasInterface = true;
    }
  }

  /** {@code log} / {@code log-all}, allowed only right after the action or the interface. */
  private static void readLogType(RuleClauses c) {
    Words argv = c.argv;
    int nargs = argv.size();
    int logIdx = 0;
    if (c.hasInterface
        && nargs > 3
        && (eqLower(argv.get(3), "log") || eqLower(argv.get(3), "log-all"))) {
      logIdx = 3;
    } else if (nargs > 2 && (eqLower(argv.get(1), "log") || eqLower(argv.get(1), "log-all"))) {
      logIdx = 1;
    }
    if (logIdx > 0) {
      c.logtype = PythonText.lower(argv.get(logIdx));
      argv.del(logIdx);
    }
    if (argv.contains(Words.LOG)) {
      throw UfwRuleException.error(
          c.orig, argv.at(argv.index(Words.LOG)), "Option 'log' not allowed here");
    }
    if (argv.contains(Words.LOG_ALL)) {
      throw UfwRuleException.error(
          c.orig, argv.at(argv.index(Words.LOG_ALL)), "Option 'log-all' not allowed here");
    }
  }

  /** {@code comment TEXT} anywhere; the text may not hold {@code '}. */
  private static void readComment(RuleClauses c) {
    Words argv = c.argv;
    if (!argv.contains(Words.COMMENT)) {
      return;
    }
    int ci = argv.index(Words.COMMENT);
    if (ci == argv.size() - 1) {
      throw UfwRuleException.error(
          c.orig, argv.at(ci), "Option 'comment' missing required argument");
    }
    c.comment = argv.get(ci + 1);
    if (c.comment.contains("'")) {
      throw UfwRuleException.syntax(c.orig, argv.at(ci + 1), "Comment may not contain \"'\"");
    }
    argv.del(ci + 1);
    argv.del(ci);
  }

  /** The word count check, then the UFWRule with action, direction, comment and position. */
  private static void startDraft(RuleClauses c) {
    int nargs = c.argv.size();
    if (nargs < 2 || nargs > 13) {
      throw UfwRuleException.syntax(
          c.orig, c.argv.at(nargs > 13 ? 13 : 0), "wrong number of words");
    }
    RuleDraft rule = c.rule;
    rule.setAction(c.logtype.isEmpty() ? c.action : c.action + "_" + c.logtype);
    rule.direction = c.direction.equals("out") ? UfwDirection.OUT : UfwDirection.IN;
    rule.comment = c.comment;
    rule.forward = c.route;
    if (c.remove) {
      rule.remove = true;
    } else if (!c.insertPos.isEmpty()) {
      try {
        if (!rule.setPosition(c.insertPos)) {
          throw UfwRuleException.syntax(c.orig, c.insertPosAt, "position is not an integer");
        }
      } catch (UfwError e) {
        throw UfwRuleException.error(c.orig, c.insertPosAt, requireNonNull(e.getMessage()));
      }
    }
  }

  /** Simple syntax: one word, an application profile or {@code PORT[/PROTO]}. */
  private void readSimpleSyntax(RuleClauses c) {
    RuleDraft rule = c.rule;
    String word = c.argv.get(1);
    int wordAt = c.argv.at(1);
    if (isValidProfileName(word) && services.protocol(word).isEmpty()) {
      c.type = "both";
      rule.dapp = word;
      rule.setPort(word, true, services);
    }
    if (!rule.dapp.isEmpty()) {
      return;
    }
    String port;
    String proto;
    int slash = word.indexOf('/');
    if (slash < 0) {
      port = word;
      proto = "any";
    } else if (word.indexOf('/', slash + 1) < 0) {
      port = word.substring(0, slash);
      proto = word.substring(slash + 1);
      if (PORTLESS.contains(proto)) {
        throw UfwRuleException.error(c.orig, wordAt, "Invalid port with protocol '" + proto + "'");
      }
    } else {
      throw UfwRuleException.error(c.orig, wordAt, "Bad port");
    }
    if (!RuleDraft.isNumericPortList(port)) {
      if (port.contains(",") || port.contains(":")) {
        throw UfwRuleException.error(c.orig, wordAt, "Port ranges must be numeric");
      }
      c.toService = port;
    }
    try {
      rule.setProtocol(proto);
      rule.setPort(port, true, services);
      c.type = "both";
    } catch (UfwError e) {
      throw UfwRuleException.error(c.orig, wordAt, "Bad port");
    }
  }

  /** Extended syntax: KEY VALUE pairs (proto, from, to, port, app, in, out). */
  private void readExtendedSyntax(RuleClauses c) {
    checkExtendedShape(c);
    Words argv = c.argv;
    int nargs = argv.size();
    for (int i = 0; i < nargs; i++) {
      String arg = argv.get(i);
      byte kind = argv.kindAt(i);
      if (i % 2 != 0 && !isKey(kind)) {
        throw UfwRuleException.error(c.orig, argv.at(i), "Invalid token '" + arg + "'");
      }
      boolean hasNext = i + 1 < nargs;
      String next = hasNext ? argv.get(i + 1) : "";
      int nextAt = hasNext ? argv.at(i + 1) : argv.at(i);
      try {
        switch (kind) {
          case Words.PROTO -> {
            requireValue(c, i, hasNext, "proto");
            c.rule.setProtocol(next);
          }
          case Words.IN, Words.OUT -> {
            requireValue(c, i, hasNext, arg);
            c.rule.setInterface(kind == Words.IN, next);
          }
          case Words.FROM, Words.TO -> readAddressClause(c, arg, i, hasNext, next);
          case Words.PORT, Words.APP -> readPortClause(c, arg, i, hasNext, next, nextAt);
          default -> {
            // a value word: read with the clause before it
          }
        }
      } catch (UfwError e) {
        throw UfwRuleException.error(c.orig, nextAt, requireNonNull(e.getMessage()));
      }
    }
    c.type = extendedIpVersion(c);
  }

  /** The word-count and clause-count checks before the extended syntax is read. */
  private static void checkExtendedShape(RuleClauses c) {
    Words argv = c.argv;
    int nargs = argv.size();
    if ((nargs + 1) % 2 != 0) {
      throw UfwRuleException.error(c.orig, argv.at(nargs - 1), "Wrong number of arguments");
    }
    if (!argv.contains(Words.FROM)
        && !argv.contains(Words.TO)
        && !argv.contains(Words.IN)
        && !argv.contains(Words.OUT)) {
      throw UfwRuleException.error(c.orig, argv.at(1), "Need 'to' or 'from' clause");
    }
    int to = 0;
    int from = 0;
    int proto = 0;
    int port = 0;
    int in = 0;
    int out = 0;
    int app = 0;
    for (int i = 0; i < nargs; i++) {
      switch (argv.kindAt(i)) {
        case Words.TO -> to++;
        case Words.FROM -> from++;
        case Words.PROTO -> proto++;
        case Words.PORT -> port++;
        case Words.IN -> in++;
        case Words.OUT -> out++;
        case Words.APP -> app++;
        default -> {
          // a value
        }
      }
    }
    if (to > 1
        || from > 1
        || proto > 1
        || port > 2
        || in > 1
        || out > 1
        || app > 2
        || (app > 0 && proto > 0)) {
      throw UfwRuleException.error(c.orig, argv.at(1), "Improper rule syntax");
    }
  }

  /** A clause keyword at the end of the command line: ufw's "Invalid 'KEY' clause". */
  private static void requireValue(RuleClauses c, int i, boolean hasNext, String clause) {
    if (!hasNext) {
      throw UfwRuleException.error(c.orig, c.argv.at(i), "Invalid '" + clause + "' clause");
    }
  }

  /** {@code from ADDR} / {@code to ADDR}; {@code any} is 0.0.0.0/0. */
  private static void readAddressClause(
      RuleClauses c, String arg, int i, boolean hasNext, String next) {
    requireValue(c, i, hasNext, arg);
    String addr = PythonText.lower(next);
    String t;
    boolean valid;
    if (addr.equals("any")) {
      addr = "0.0.0.0/0";
      t = "any";
      valid = true;
    } else {
      boolean v6 = IpAddresses.validAddress6(addr);
      t = v6 ? "v6" : "v4";
      valid = v6 || IpAddresses.validAddress4(addr);
    }
    // addr is lower-case and checked once: the draft takes it as it is
    if (arg.equals("from")) {
      c.fromType = t;
      c.rule.setCheckedSrc(addr, valid);
      c.loc = "src";
    } else {
      c.toType = t;
      c.rule.setCheckedDst(addr, valid);
      c.loc = "dst";
    }
  }

  /** {@code port PORT} / {@code app NAME}, on the side the last from/to clause named. */
  private void readPortClause(
      RuleClauses c, String arg, int i, boolean hasNext, String next, int nextAt) {
    // ufw says 'port' for a dangling 'app' too
    requireValue(c, i, hasNext, "port");
    if (c.loc.isEmpty()) {
      throw UfwRuleException.error(c.orig, c.argv.at(i), "Need 'from' or 'to' with '" + arg + "'");
    }
    boolean src = c.loc.equals("src");
    if (arg.equals("app")) {
      if (src) {
        c.rule.sapp = next;
      } else {
        c.rule.dapp = next;
      }
    } else if (!RuleDraft.isNumericPortList(next)) {
      if (next.contains(",") || next.contains(":")) {
        throw UfwRuleException.error(c.orig, nextAt, "Port ranges must be numeric");
      }
      if (src) {
        c.fromService = next;
      } else {
        c.toService = next;
      }
    }
    c.rule.setPort(next, c.loc.equals("dst"), services);
  }

  /** The IP version the from/to addresses ask for; mixed versions are refused. */
  private static String extendedIpVersion(RuleClauses c) {
    String fromType = c.fromType;
    String toType = c.toType;
    if (fromType.equals("any") && toType.equals("any")) {
      return "both";
    } else if (!fromType.equals("any") && !toType.equals("any") && !fromType.equals(toType)) {
      throw UfwRuleException.error(
          c.orig, c.argv.at(c.argv.index(Words.TO) + 1), "Mixed IP versions for 'from' and 'to'");
    } else if (!fromType.equals("any")) {
      return fromType;
    }
    return toType;
  }

  /** "Adjust protocol for service names": the protocol a named service implies. */
  private void adjustServiceProtocol(RuleClauses c) {
    if (c.toService.isEmpty() && c.fromService.isEmpty()) {
      return;
    }
    String proto = "";
    if (!c.toService.isEmpty()) {
      proto = serviceProto(c.orig, c.toService);
    }
    if (!c.fromService.isEmpty()) {
      if (proto.equals("any") || proto.isEmpty()) {
        proto = serviceProto(c.orig, c.fromService);
      } else {
        String t = serviceProto(c.orig, c.fromService);
        if (proto.equals("any") || proto.equals(t)) {
          proto = t;
        } else if (!t.equals("any")) {
          throw UfwRuleException.error(
              c.orig, c.argv.at(c.argv.index(Words.FROM)), "Protocol mismatch (from/to)");
        }
      }
    }
    RuleDraft rule = c.rule;
    if (rule.protocol == UfwProtocol.ANY) {
      try {
        rule.setProtocol(proto);
      } catch (UfwError e) {
        throw UfwRuleException.error(c.orig, c.actionAt, requireNonNull(e.getMessage()));
      }
    } else if (!proto.equals("any") && !rule.protocol.word().equals(proto)) {
      throw UfwRuleException.error(
          c.orig, c.actionAt, "Protocol mismatch with specified protocol " + rule.protocol.word());
    }
  }

  /** IPv4-only protocols narrow "both" to v4; then UFWRule.verify's refusals. */
  private static void verify(RuleClauses c) {
    RuleDraft rule = c.rule;
    if (rule.protocol.isIpv4Only() && c.type.equals("both")) {
      c.type = "v4";
    }
    String proto = rule.protocol.word();
    if (rule.protocol != UfwProtocol.ANY && (!rule.sapp.isEmpty() || !rule.dapp.isEmpty())) {
      throw UfwRuleException.error(
          c.orig, c.actionAt, "Improper rule syntax ('" + proto + "' specified with app rule)");
    }
    if (rule.protocol.isIpv4Only() && c.type.equals("v6")) {
      throw UfwRuleException.error(
          c.orig, c.actionAt, "Invalid IPv6 address with protocol '" + proto + "'");
    }
    if (!rule.protocol.hasPorts() && (!rule.dport.equals("any") || !rule.sport.equals("any"))) {
      throw UfwRuleException.error(
          c.orig, c.actionAt, "Invalid port with protocol '" + proto + "'");
    }
  }

  /** The parsed rule with its operation and IP version. */
  private static UfwCommand freeze(RuleClauses c) {
    RuleDraft rule = c.rule;
    UfwCommand.Operation op =
        c.remove
            ? UfwCommand.Operation.DELETE
            : rule.position == -1
                ? UfwCommand.Operation.PREPEND
                : rule.position > 0 ? UfwCommand.Operation.INSERT : UfwCommand.Operation.ADD;
    UfwCommand.IpVersion ipv =
        c.type.equals("v4")
            ? UfwCommand.IpVersion.V4
            : c.type.equals("v6") ? UfwCommand.IpVersion.V6 : UfwCommand.IpVersion.BOTH;
    UfwRule frozen;
    try {
      frozen = rule.toRule();
    } catch (UfwError e) {
      throw UfwRuleException.error(c.orig, c.actionAt, requireNonNull(e.getMessage()));
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
