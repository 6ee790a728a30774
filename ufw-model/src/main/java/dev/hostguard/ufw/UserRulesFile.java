package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.core.internal.UniversalNewlines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code user.rules} or {@code user6.rules} file: its lossless lines, the rules of its {@code ###
 * tuple ###} lines, and the exact text ufw writes for a list of rules.
 *
 * <pre>{@code
 * UserRulesFile f = UserRulesFile.parse("user.rules", text);
 * UserRulesFile.of(f.rules(), f.isV6(), UserRulesOptions.stock()).render();
 * }</pre>
 */
public final class UserRulesFile implements LosslessDocument {
  private static final String TUPLE = "### tuple ###";

  private final LineDocument document;
  private final ImmutableList<UfwRule> rules;
  private final boolean v6;

  private UserRulesFile(LineDocument document, List<UfwRule> rules, boolean v6) {
    this.document = document;
    this.rules = ImmutableList.copyOf(rules);
    this.v6 = v6;
  }

  /**
   * Parses a rules file strictly: a malformed tuple line is a {@link UserRulesParseException}. The
   * IP version is that of the {@code *filter} chains ({@code :ufw6-} means user6.rules).
   */
  public static UserRulesFile parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw UserRulesParseException.of(d);
            });
    LineDocument doc = LineDocument.parse(sourceName, text);
    return parse(doc, isV6(doc), null);
  }

  /** Parses file bytes strictly (lines that are not UTF-8 are kept byte for byte). */
  public static UserRulesFile parse(String sourceName, byte[] content) {
    InputLimits.check(sourceName, content)
        .ifPresent(
            d -> {
              throw UserRulesParseException.of(d);
            });
    LineDocument doc = LineDocument.parse(sourceName, content);
    return parse(doc, isV6(doc), null);
  }

  /** Whether a line (as ufw reads lines) starts a {@code :ufw6-} chain. */
  private static boolean isV6(LineDocument doc) {
    for (UniversalNewlines.Line l : UniversalNewlines.lines(doc)) {
      if (l.text().startsWith(":ufw6-")) {
        return true;
      }
    }
    return false;
  }

  /** The file's bytes, exactly as parsed. */
  @Override
  public byte[] toBytes() {
    return document.toBytes();
  }

  /**
   * Parses like ufw's _read_rules: malformed tuples are skipped and reported to {@code warn}
   * (strict when {@code warn} is null).
   */
  static UserRulesFile parse(
      LineDocument doc, boolean v6, @org.jspecify.annotations.Nullable Consumer<String> warn) {
    List<UfwRule> rules = new ArrayList<>();
    ServicesDatabase none = ServicesDatabase.builder().build();
    // ufw reads the file in Python's text mode: a lone CR ends a line as LF and CRLF do
    for (UniversalNewlines.Line logical : UniversalNewlines.lines(doc)) {
      int i = logical.lineIndex();
      int at = logical.column();
      String line = logical.text();
      if (!line.startsWith(TUPLE)) {
        continue;
      }
      String tupleLine = line;
      String hex = "";
      int ci = line.indexOf(" comment=");
      if (ci >= 0) {
        if (line.indexOf(" comment=", ci + 1) >= 0) {
          fail(doc, i, at + ci, "more than one comment=", warn);
          continue;
        }
        tupleLine = line.substring(0, ci);
        hex = line.substring(ci + " comment=".length()).strip();
      }
      String tupl = tupleLine.substring(TUPLE.length()).strip();
      String[] tmp = tupl.isEmpty() ? new String[0] : tupl.split("\\s+");
      if (tmp.length < 6 || tmp.length > 9) {
        fail(doc, i, at, "Skipping malformed tuple (bad length): " + tupl, warn);
        continue;
      }
      String dtype = "in";
      String ifIn = "";
      String ifOut = "";
      if (tmp.length == 7 || tmp.length == 9) {
        String last = tmp[tmp.length - 1];
        dtype = last.split("_", -1)[0];
        if (last.contains("_")) {
          if (last.contains("!") && last.matches(".*in_\\w+.*") && last.matches(".*out_\\w+.*")) {
            String[] parts = last.split("!", -1);
            ifIn = after(parts[0]);
            ifOut = after(parts[1]);
          } else if (last.startsWith("in_")) {
            ifIn = after(last);
          } else if (last.startsWith("out_")) {
            ifOut = after(last);
          } else {
            fail(doc, i, at, "Skipping malformed tuple (iface): " + tupl, warn);
            continue;
          }
        }
      }
      try {
        RuleDraft d = new RuleDraft();
        String action = tmp[0];
        if (action.contains(":")) {
          d.forward = true;
          action = action.split(":", -1)[1];
        }
        d.setAction(action);
        d.setProtocol(tmp[1]);
        d.setPort(tmp[2], true, none);
        d.setPort(tmp[4], false, none);
        d.setSrc(tmp[5]);
        d.setDst(tmp[3]);
        if (!dtype.equals("in") && !dtype.equals("out")) {
          throw new UfwError("Unsupported direction '" + dtype + "'");
        }
        d.direction = dtype.equals("out") ? UfwDirection.OUT : UfwDirection.IN;
        d.comment = decodeHex(hex);
        if (tmp.length >= 8) {
          if (!tmp[6].equals("-")) {
            d.dapp = tmp[6].replace("%20", " ");
          }
          if (!tmp[7].equals("-")) {
            d.sapp = tmp[7].replace("%20", " ");
          }
        }
        if (!ifIn.isEmpty()) {
          d.setInterface(true, ifIn);
        }
        if (!ifOut.isEmpty()) {
          d.setInterface(false, ifOut);
        }
        d.setV6(v6);
        rules.add(d.toRule());
      } catch (UfwError | IllegalArgumentException e) {
        fail(doc, i, at, "Skipping malformed tuple: " + tupl, warn);
      }
    }
    return new UserRulesFile(doc, rules, v6);
  }

  private static String after(String s) {
    int u = s.indexOf('_');
    return u < 0 ? "" : s.substring(u + 1);
  }

  private static void fail(
      LineDocument doc,
      int line,
      int col,
      String msg,
      @org.jspecify.annotations.Nullable Consumer<String> warn) {
    if (warn == null) {
      throw UserRulesParseException.atLine(doc, line, col, msg.replaceFirst("^Skipping ", ""));
    }
    warn.accept(msg);
  }

  /** ufw's hex_decode (odd length truncated, bad UTF-8 kept as backslash escapes). */
  static String decodeHex(String hex) {
    String h = hex.length() % 2 == 1 ? hex.substring(0, hex.length() - 1) : hex;
    byte[] bytes = HexFormat.of().parseHex(h);
    java.nio.charset.CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      return dec.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException("comment is not UTF-8");
    }
  }

  /** ufw's hex_encode of a comment. */
  static String encodeHex(String comment) {
    return HexFormat.of().formatHex(comment.getBytes(StandardCharsets.UTF_8));
  }

  /** The file's lines. */
  public LineDocument document() {
    return document;
  }

  /** The rules of the tuple lines, in file order. */
  public ImmutableList<UfwRule> rules() {
    return rules;
  }

  /** Whether this is user6.rules. */
  public boolean isV6() {
    return v6;
  }

  /** The name the file was parsed under. */
  @Override
  public String sourceName() {
    return document.sourceName();
  }

  /** The text, byte for byte as parsed. */
  @Override
  public String render() {
    return document.render();
  }

  /** The {@code ### tuple ###} line ufw writes for a rule (no newline). */
  public static String tupleLine(UfwRule r) {
    RuleTexts texts = RuleTexts.of(r);
    String comment = r.comment().orElse("");
    StringBuilder t = new StringBuilder(48 + texts.length(r) + 2 * comment.length());
    appendTupleLine(t, r, texts, comment);
    return t.toString();
  }

  /** Appends {@link #tupleLine} to {@code t}. */
  static void appendTupleLine(StringBuilder t, UfwRule r) {
    appendTupleLine(t, r, RuleTexts.of(r), r.comment().orElse(""));
  }

  /** {@link #appendTupleLine(StringBuilder, UfwRule)} with the rule's optional texts read. */
  private static void appendTupleLine(StringBuilder t, UfwRule r, RuleTexts texts, String comment) {
    String ifIn = texts.ifIn();
    String ifOut = texts.ifOut();
    t.append(TUPLE).append(' ');
    if (r.route()) {
      t.append("route:");
    }
    t.append(r.action().word());
    if (r.logType() != UfwLogType.NONE) {
      t.append('_').append(r.logType().word());
    }
    t.append(' ').append(r.protocol().word()).append(' ');
    t.append(r.destinationPort()).append(' ').append(r.destination()).append(' ');
    t.append(r.sourcePort()).append(' ').append(r.source()).append(' ');
    String dapp = texts.dapp();
    String sapp = texts.sapp();
    if (!dapp.isEmpty() || !sapp.isEmpty()) {
      t.append(dapp.isEmpty() ? "-" : dapp.replace(" ", "%20"));
      t.append(' ');
      t.append(sapp.isEmpty() ? "-" : sapp.replace(" ", "%20"));
      t.append(' ');
    }
    if (ifIn.isEmpty() && ifOut.isEmpty()) {
      t.append(r.direction().word());
    } else if (!ifIn.isEmpty() && !ifOut.isEmpty()) {
      t.append("in_").append(ifIn).append("!out_").append(ifOut);
    } else {
      t.append(r.direction().word()).append('_').append(ifIn.isEmpty() ? ifOut : ifIn);
    }
    if (!comment.isEmpty()) {
      t.append(" comment=");
      appendHex(t, comment);
    }
  }

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  /** The UTF-8 bytes of {@code comment} in lower-case hex, as ufw stores a comment. */
  private static void appendHex(StringBuilder t, String comment) {
    for (int i = 0; i < comment.length(); i++) {
      char c = comment.charAt(i);
      if (c >= 128) {
        t.append(encodeHex(comment.substring(i)));
        return;
      }
      t.append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
    }
  }

  /** The iptables lines ufw writes under a rule's tuple line (each without newline). */
  public static ImmutableList<String> iptablesLines(UfwRule r) {
    return RuleIptables.linesWithoutNewline(r);
  }

  /**
   * The file ufw writes for these rules: {@code user.rules} ({@code v6} false) or {@code
   * user6.rules}; its {@link #render()} is ufw's exact text.
   */
  public static UserRulesFile of(List<UfwRule> rules, boolean v6, UserRulesOptions options) {
    return parse(v6 ? "user6.rules" : "user.rules", writeText(rules, v6, options));
  }

  /** The text in the pieces ufw writes one at a time (a piece ufw cannot encode stops it). */
  static List<String> writeChunks(List<UfwRule> rules, boolean v6, UserRulesOptions options) {
    List<String> out = new ArrayList<>();
    write(
        rules,
        v6,
        options,
        out::add,
        r -> {
          out.add("\n" + tupleLine(r) + "\n");
          out.addAll(RuleIptables.lines(r));
        });
    return out;
  }

  /**
   * The text of {@link #writeChunks} joined, written into one buffer (no string per piece: the text
   * of a big rule set is most of the work of a plan).
   */
  static String writeText(List<UfwRule> rules, boolean v6, UserRulesOptions options) {
    // sized from the rules' own text, about what a one-line rule takes (tuple line, iptables line,
    // newlines): a flat 256 a rule zeroed more than twice the text of a big set, and the rare
    // logging or limit rule that writes more grows the buffer once
    int size = 1024;
    for (UfwRule r : rules) {
      size += 96 + 2 * r.textLength();
    }
    StringBuilder sb = new StringBuilder(size);
    write(
        rules,
        v6,
        options,
        sb::append,
        r -> {
          sb.append('\n');
          appendTupleLine(sb, r);
          sb.append('\n');
          RuleIptables.appendLines(sb, r);
        });
    return sb.toString();
  }

  /** Writes the file's fixed pieces to {@code out} and each rule's lines through {@code rule}. */
  private static void write(
      List<UfwRule> rules,
      boolean v6,
      UserRulesOptions options,
      Consumer<String> out,
      Consumer<UfwRule> rule) {
    String p = v6 ? "ufw6" : "ufw";
    out.accept("*filter\n");
    for (String c :
        new String[] {
          "user-input",
          "user-output",
          "user-forward",
          "before-logging-input",
          "before-logging-output",
          "before-logging-forward",
          "user-logging-input",
          "user-logging-output",
          "user-logging-forward",
          "after-logging-input",
          "after-logging-output",
          "after-logging-forward",
          "logging-deny",
          "logging-allow"
        }) {
      out.accept(":" + p + "-" + c + " - [0:0]\n");
    }
    // a limit rule jumps to the limit chains: declare them whatever the options say, or
    // iptables-restore refuses the file (ufw itself never stores a limit rule it has no chains for)
    boolean limit =
        (v6 ? options.rateLimitV6() : options.rateLimitV4())
            || rules.stream().anyMatch(r -> r.action() == UfwAction.LIMIT);
    if (limit) {
      out.accept(":" + p + "-user-limit - [0:0]\n");
      out.accept(":" + p + "-user-limit-accept - [0:0]\n");
    }
    out.accept("### RULES ###\n");
    for (UfwRule r : rules) {
      rule.accept(r);
    }
    out.accept("\n### END RULES ###\n");
    out.accept("\n### LOGGING ###\n");
    for (String l : loggingLines(p, options)) {
      out.accept(l + "\n");
    }
    out.accept("### END LOGGING ###\n");
    // the section's rules are the runtime capability's (ufw's caps['limit']), not the rules': a
    // limit rule without it jumps to declared, empty chains, as ufw writes it
    if (v6 ? options.rateLimitV6() : options.rateLimitV4()) {
      out.accept("\n### RATE LIMITING ###\n");
      if (options.logLevel() != UfwLogLevel.OFF) {
        out.accept(
            "-A "
                + p
                + "-user-limit -m limit --limit 3/minute -j LOG --log-prefix \"[UFW LIMIT BLOCK] \"\n");
      }
      out.accept("-A " + p + "-user-limit -j REJECT\n");
      out.accept("-A " + p + "-user-limit-accept -j ACCEPT\n");
      out.accept("### END RATE LIMITING ###\n");
    }
    out.accept("COMMIT\n");
  }

  /** The LOGGING section lines ufw writes for chain prefix {@code p} (ufw or ufw6). */
  static List<String> loggingLines(String p, UserRulesOptions o) {
    List<String> out = new ArrayList<>();
    String[] targets = {"input", "output", "forward"};
    int level = o.level();
    if (level == 0) {
      for (String t : targets) {
        out.add("-I " + p + "-user-logging-" + t + " -j RETURN");
      }
      return out;
    }
    String limitArgs = " -m limit --limit 3/min --limit-burst 10";
    String largs = level < 300 ? limitArgs : "";
    for (String t : targets) {
      String c = p + "-after-logging-" + t;
      String pol = o.policy(t);
      if (pol.equals("reject") || pol.equals("deny")) {
        out.add("-A " + c + " -j LOG --log-prefix \"[UFW BLOCK] \"" + largs);
      } else if (level >= 200) {
        out.add("-A " + c + " -j LOG --log-prefix \"[UFW ALLOW] \"" + largs);
      }
    }
    for (String m : new String[] {"deny", "allow"}) {
      String c = p + "-logging-" + m;
      String prefix = m.equals("allow") ? "[UFW ALLOW] " : "[UFW BLOCK] ";
      if (m.equals("deny")) {
        if (level < 200) {
          out.add("-I " + c + " -m conntrack --ctstate INVALID -j RETURN" + largs);
        } else {
          out.add(
              "-A "
                  + c
                  + " -m conntrack --ctstate INVALID -j LOG --log-prefix \"[UFW AUDIT INVALID] \""
                  + largs);
        }
      }
      out.add("-A " + c + " -j LOG --log-prefix \"" + prefix + "\"" + largs);
    }
    if (level >= 200) {
      String a = "";
      if (level < 400) {
        a = limitArgs;
      }
      if (level < 300) {
        a = " -m conntrack --ctstate NEW" + limitArgs;
      }
      for (String t : targets) {
        out.add("-I " + p + "-before-logging-" + t + " -j LOG --log-prefix \"[UFW AUDIT] \"" + a);
      }
    }
    return out;
  }
}
