package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The iptables lines ufw writes under a tuple (UFWRule.format_rule, _get_rules_from_formatted). */
final class RuleIptables {
  private static final Pattern LOG = Pattern.compile("(.*)-j ([A-Z]+)_log(-all)?(.*)");
  private static final Pattern LOG_ALL = Pattern.compile("-j [A-Z]+_log-all");
  private static final Pattern CHAIN = Pattern.compile("(-A|-D) ([a-zA-Z0-9\\-]+)");

  private RuleIptables() {}

  /** format_rule(): the iptables match and target of a rule, without chain. */
  static String format(UfwRule r) {
    StringBuilder s = new StringBuilder(96);
    appendFormat(s, r, RuleTexts.of(r));
    return s.toString().strip();
  }

  /** Appends format_rule()'s text before its strip(): every piece starts with a space. */
  private static void appendFormat(StringBuilder s, UfwRule r, RuleTexts t) {
    String ifIn = t.ifIn();
    String ifOut = t.ifOut();
    String dapp = t.dapp();
    String sapp = t.sapp();
    if (!ifIn.isEmpty()) {
      s.append(" -i ").append(ifIn);
    }
    if (!ifOut.isEmpty()) {
      s.append(" -o ").append(ifOut);
    }
    boolean multi = t.multi(r);
    String dport = r.destinationPort();
    String sport = r.sourcePort();
    if (r.protocol() == UfwProtocol.ANY) {
      s.append(" -p all");
    } else {
      s.append(" -p ").append(r.protocol().word());
      if (multi) {
        s.append(" -m multiport");
        if (!dport.equals("any") && !sport.equals("any")) {
          s.append(" --dports ").append(dport).append(" -m multiport --sports ").append(sport);
        } else if (!dport.equals("any")) {
          s.append(" --dports ").append(dport);
        } else if (!sport.equals("any")) {
          s.append(" --sports ").append(sport);
        }
      }
    }
    if (!r.destination().equals("0.0.0.0/0") && !r.destination().equals("::/0")) {
      s.append(" -d ").append(r.destination());
    }
    if (!multi && !dport.equals("any")) {
      s.append(" --dport ").append(dport);
    }
    if (!r.source().equals("0.0.0.0/0") && !r.source().equals("::/0")) {
      s.append(" -s ").append(r.source());
    }
    if (!multi && !sport.equals("any")) {
      s.append(" --sport ").append(sport);
    }
    String lstr =
        r.logType() == UfwLogType.NONE ? "" : r.logType() == UfwLogType.LOG ? "_log" : "_log-all";
    switch (r.action()) {
      case ALLOW -> s.append(" -j ACCEPT").append(lstr);
      case REJECT -> {
        s.append(" -j REJECT").append(lstr);
        if (r.protocol() == UfwProtocol.TCP) {
          s.append(" --reject-with tcp-reset");
        }
      }
      case LIMIT -> s.append(" -j LIMIT").append(lstr);
      case DENY -> s.append(" -j DROP").append(lstr);
    }
    if (!dapp.isEmpty() || !sapp.isEmpty()) {
      s.append(" -m comment --comment '");
      if (!dapp.isEmpty()) {
        s.append("dapp_").append(dapp.replace(" ", "%20"));
      }
      if (!dapp.isEmpty() && !sapp.isEmpty()) {
        s.append(',');
      }
      if (!sapp.isEmpty()) {
        s.append("sapp_").append(sapp.replace(" ", "%20"));
      }
      s.append('\'');
    }
  }

  static String chainSuffix(UfwRule r) {
    return r.route() ? "forward" : r.direction() == UfwDirection.OUT ? "output" : "input";
  }

  /**
   * The lines (each ending in a newline) ufw writes for a rule in user.rules / user6.rules, every
   * one through {@link #expand}: the reference the in-place paths ({@link #linesWithoutNewline},
   * {@link #appendLines}) are checked against.
   */
  static List<String> lines(UfwRule r) {
    String prefix = prefix(r);
    String suffix = chainSuffix(r);
    RuleTexts t = RuleTexts.of(r);
    List<String> lines = expand(frule(r, t, prefix, suffix).toString(), prefix, suffix);
    lines.replaceAll(l -> l + "\n");
    return lines;
  }

  /**
   * {@link #lines} without their newlines. A rule ufw writes as one line (no {@code -p all} to
   * split by a port, no logging, no limit: all but a few rules) is formatted once, in place.
   */
  static ImmutableList<String> linesWithoutNewline(UfwRule r) {
    String prefix = prefix(r);
    String suffix = chainSuffix(r);
    RuleTexts t = RuleTexts.of(r);
    StringBuilder line = new StringBuilder(96 + t.length(r));
    if (appendSingleLine(line, r, t, prefix, suffix)) {
      return ImmutableList.of(line.toString());
    }
    String frule = line.toString();
    ImmutableList<String> lines = expandWithoutLogging(frule, prefix);
    return lines != null ? lines : ImmutableList.copyOf(expand(frule, prefix, suffix));
  }

  /**
   * {@link #expand} of a frule none of whose protocol variants holds {@code _log} (no logging lines
   * to make: all but the logging rules), without the working list; null for the others.
   */
  private static @Nullable ImmutableList<String> expandWithoutLogging(String frule, String prefix) {
    if (!frule.contains(ALL)) {
      return frule.contains("_log") ? null : limitVariants(frule, null, prefix);
    }
    if (!frule.contains("port ")) {
      String one = frule.replace(ALL, "");
      return one.contains("_log") ? null : limitVariants(one, null, prefix);
    }
    String tcp =
        (frule.contains("-j REJECT") ? rejectWithTcpReset(frule) : frule).replace(ALL, "-p tcp ");
    String udp = frule.replace(ALL, "-p udp ");
    if (tcp.contains("_log") || udp.contains("_log")) {
      return null;
    }
    return limitVariants(tcp, udp, prefix);
  }

  /**
   * expand()'s limit step over one or two snippets: each holding {@code -j LIMIT} becomes its three
   * lines (recent --set, --update, accept), in order.
   */
  private static ImmutableList<String> limitVariants(
      String first, @Nullable String second, String prefix) {
    boolean limitFirst = first.contains(LIMIT);
    boolean limitSecond = second != null && second.contains(LIMIT);
    if (!limitFirst && !limitSecond) {
      return second == null ? ImmutableList.of(first) : ImmutableList.of(first, second);
    }
    ImmutableList.Builder<String> b = ImmutableList.builderWithExpectedSize(6);
    addSnippet(b, first, limitFirst, prefix);
    if (second != null) {
      addSnippet(b, second, limitSecond, prefix);
    }
    return b.build();
  }

  /** A snippet as it is, or the three lines expand() makes of one holding {@code -j LIMIT}. */
  private static void addSnippet(
      ImmutableList.Builder<String> b, String s, boolean limit, String prefix) {
    if (!limit) {
      b.add(s);
      return;
    }
    boolean v6 = prefix.equals("ufw6");
    b.add(s.replace(LIMIT, LIMIT_SET));
    b.add(s.replace(LIMIT, v6 ? LIMIT_UPDATE_V6 : LIMIT_UPDATE_V4));
    b.add(s.replace(LIMIT, v6 ? LIMIT_ACCEPT_V6 : LIMIT_ACCEPT_V4));
  }

  /**
   * Appends {@link #linesWithoutNewline}, each followed by a newline, to {@code out}. A rule ufw
   * writes as one line makes no string of its own.
   */
  static void appendLines(StringBuilder out, UfwRule r) {
    String prefix = prefix(r);
    String suffix = chainSuffix(r);
    RuleTexts t = RuleTexts.of(r);
    int at = out.length();
    if (appendSingleLine(out, r, t, prefix, suffix)) {
      out.append('\n');
      return;
    }
    String frule = out.substring(at);
    out.setLength(at);
    for (String l : expand(frule, prefix, suffix)) {
      out.append(l).append('\n');
    }
  }

  /**
   * Appends the line ufw writes for {@code r} when it writes just one (expand()'s tests, made on
   * the text in place: frule as it is, or with {@code -p all } removed) and says so; otherwise
   * appends frule, the text the caller expands (rules with logging, limit or {@code -p all} split
   * by a port).
   */
  private static boolean appendSingleLine(
      StringBuilder out, UfwRule r, RuleTexts t, String prefix, String suffix) {
    int at = out.length();
    appendFrule(out, r, t, prefix, suffix);
    int all = out.indexOf(ALL, at);
    if (logOrLimit(out, at) || (all >= 0 && out.indexOf("port ", at) >= 0)) {
      return false;
    }
    if (all >= 0) {
      deleteAll(out, all);
      if (logOrLimit(out, at)) {
        // the removal joined a logging or limit target (no format_rule text does): frule again
        out.setLength(at);
        appendFrule(out, r, t, prefix, suffix);
        return false;
      }
    }
    return true;
  }

  private static String prefix(UfwRule r) {
    return r.v6() ? "ufw6" : "ufw";
  }

  /** {@code -A PREFIX-user-SUFFIX} and format_rule()'s text: the line expand() starts from. */
  private static StringBuilder frule(UfwRule r, RuleTexts t, String prefix, String suffix) {
    return appendFrule(new StringBuilder(96 + t.length(r)), r, t, prefix, suffix);
  }

  private static StringBuilder appendFrule(
      StringBuilder out, UfwRule r, RuleTexts t, String prefix, String suffix) {
    out.append("-A ").append(prefix).append("-user-").append(suffix).append(' ');
    int start = out.length();
    appendFormat(out, r, t);
    strip(out, start);
    return out;
  }

  /**
   * {@code replace("-p all ", "")} on {@code b} from its first match at {@code first}, in place:
   * each search starts where the last match was cut out, so the matches are the ones replace()
   * finds left to right (none can span a cut: a match found at the cut lies wholly after it).
   */
  private static void deleteAll(StringBuilder b, int first) {
    for (int i = first; i >= 0; i = b.indexOf(ALL, i)) {
      b.delete(i, i + ALL.length());
    }
  }

  /** Whether {@code b[from, end)} holds what expand() rewrites past the protocol split. */
  private static boolean logOrLimit(StringBuilder b, int from) {
    return b.indexOf("_log", from) >= 0 || b.indexOf(" -j LIMIT", from) >= 0;
  }

  private static final String ALL = "-p all ";

  /** Java's strip() of {@code b[start, end)} in place. */
  private static void strip(StringBuilder b, int start) {
    int end = b.length();
    while (end > start && Character.isWhitespace(b.charAt(end - 1))) {
      end--;
    }
    b.setLength(end);
    int lead = start;
    while (lead < end && Character.isWhitespace(b.charAt(lead))) {
      lead++;
    }
    b.delete(start, lead);
  }

  /** re.sub('-j (REJECT(_log(-all)?)?)', '-j \\1 --reject-with tcp-reset', s) without regex. */
  private static String rejectWithTcpReset(String s) {
    StringBuilder b = null;
    int from = 0;
    int i;
    while ((i = s.indexOf("-j REJECT", from)) >= 0) {
      int end = i + "-j REJECT".length();
      if (s.startsWith("_log-all", end)) {
        end += "_log-all".length();
      } else if (s.startsWith("_log", end)) {
        end += "_log".length();
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 32);
      }
      b.append(s, from, end).append(" --reject-with tcp-reset");
      from = end;
    }
    return b == null ? s : b.append(s, from, s.length()).toString();
  }

  private static String sub(Pattern p, String replacement, String s) {
    return p.matcher(s).replaceAll(replacement);
  }

  private static String q(String literal) {
    return Matcher.quoteReplacement(literal);
  }

  private static final String LIMIT = " -j LIMIT";
  private static final String LIMIT_SET = " -m conntrack --ctstate NEW -m recent --set";
  private static final String LIMIT_UPDATE =
      " -m conntrack --ctstate NEW -m recent --update --seconds 30 --hitcount 6 -j ";
  private static final String LIMIT_UPDATE_V4 = LIMIT_UPDATE + "ufw-user-limit";
  private static final String LIMIT_UPDATE_V6 = LIMIT_UPDATE + "ufw6-user-limit";
  private static final String LIMIT_ACCEPT_V4 = " -j ufw-user-limit-accept";
  private static final String LIMIT_ACCEPT_V6 = " -j ufw6-user-limit-accept";

  /** ufw's variants of {@code frule}; {@code prefix} is {@code ufw} or {@code ufw6}. */
  static List<String> expand(String frule, String prefix, String suffix) {
    List<String> snippets = new ArrayList<>(4);
    // literal patterns are replaced without regex: the same result, much cheaper
    if (frule.contains("-p all ")) {
      if (frule.contains("port ")) {
        if (frule.contains("-j REJECT")) {
          snippets.add(rejectWithTcpReset(frule).replace("-p all ", "-p tcp "));
        } else {
          snippets.add(frule.replace("-p all ", "-p tcp "));
        }
        snippets.add(frule.replace("-p all ", "-p udp "));
      } else {
        snippets.add(frule.replace("-p all ", ""));
      }
    } else {
      snippets.add(frule);
    }
    String limitArgs = "-m limit --limit 3/min --limit-burst 10";
    for (int i = 0; i < snippets.size(); i++) {
      String s = snippets.get(i);
      if (!s.contains("_log")) {
        continue;
      }
      String logChain = prefix + "-user-logging-" + suffix;
      Matcher m = LOG.matcher(s);
      if (m.find()) {
        String policy = sub(LOG, "$2", s).strip();
        if (policy.equalsIgnoreCase("accept")) {
          policy = "ALLOW";
        } else if (policy.equalsIgnoreCase("limit")) {
          policy = "LIMIT";
        } else {
          policy = "BLOCK";
        }
        String lstr = limitArgs + " -j LOG --log-prefix \"[UFW " + policy + "] \"";
        if (!LOG_ALL.matcher(s).find()) {
          lstr = "-m conntrack --ctstate NEW " + lstr;
        }
        snippets.set(i, sub(LOG, "$1-j $2$4", s));
        snippets.add(i, sub(LOG, "$1-j " + q(logChain), s));
        snippets.add(i, sub(CHAIN, "$1 " + q(logChain), sub(LOG, "$1-j RETURN", s)));
        snippets.add(i, sub(CHAIN, "$1 " + q(logChain), sub(LOG, "$1" + q(lstr), s)));
      }
    }
    for (int i = 0; i < snippets.size(); i++) {
      String s = snippets.get(i);
      if (s.contains(LIMIT)) {
        boolean v6 = prefix.equals("ufw6");
        String t1 = s.replace(LIMIT, LIMIT_SET);
        String t2 = s.replace(LIMIT, v6 ? LIMIT_UPDATE_V6 : LIMIT_UPDATE_V4);
        String t3 = s.replace(LIMIT, v6 ? LIMIT_ACCEPT_V6 : LIMIT_ACCEPT_V4);
        snippets.set(i, t3);
        snippets.add(i, t2);
        snippets.add(i, t1);
      }
    }
    return snippets;
  }
}
