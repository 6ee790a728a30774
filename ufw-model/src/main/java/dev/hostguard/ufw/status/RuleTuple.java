package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.internal.PythonText;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UserRulesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule as ufw stores it in a {@code ### tuple ###} line of {@code user.rules} or {@code
 * user6.rules}: the minimal rule model the status derivation needs (the full rule grammar is {@code
 * dev.hostguard.ufw.UfwRule}).
 *
 * <pre>{@code
 * List<RuleTuple> rules = RuleTuple.readAll(Files.readString(userRules), false);
 * rules.get(0).command(); // "limit 22/tcp comment 'allow SSH'"
 * }</pre>
 *
 * @param action allow, deny, reject or limit
 * @param logType the log attribute
 * @param protocol {@code any}, {@code tcp}, {@code udp}, ...
 * @param dport destination port(s) or {@code any}
 * @param dst destination address ({@code 0.0.0.0/0} or {@code ::/0} for anywhere)
 * @param sport source port(s) or {@code any}
 * @param src source address
 * @param dapp destination application name or {@code ""}
 * @param sapp source application name or {@code ""}
 * @param direction {@code in} or {@code out}
 * @param interfaceIn incoming interface or {@code ""}
 * @param interfaceOut outgoing interface or {@code ""}
 * @param forward whether a route rule
 * @param v6 whether it was read from {@code user6.rules}
 * @param comment the hex-encoded comment, or {@code ""}
 */
public record RuleTuple(
    StatusAction action,
    StatusLogType logType,
    String protocol,
    String dport,
    String dst,
    String sport,
    String src,
    String dapp,
    String sapp,
    String direction,
    String interfaceIn,
    String interfaceOut,
    boolean forward,
    boolean v6,
    String comment) {

  private static final Pattern TUPLE = Pattern.compile("^### tuple ###\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Reads every well-formed {@code ### tuple ###} line of a rules file, as ufw does (malformed
   * tuples are skipped, as ufw skips them with a warning).
   */
  public static ImmutableList<RuleTuple> readAll(String rulesFile, boolean v6) {
    List<RuleTuple> out = new ArrayList<>();
    for (String line : rulesFile.split("\n", -1)) {
      RuleTuple t = fromTupleLine(line, v6);
      if (t != null) {
        out.add(t);
      }
    }
    return ImmutableList.copyOf(out);
  }

  @SuppressWarnings("StringSplitter")
  private static @org.jspecify.annotations.Nullable RuleTuple fromTupleLine(
      String raw, boolean v6) {
    String line = raw;
    String comment = "";
    int c = raw.indexOf(" comment=");
    if (c >= 0) {
      line = raw.substring(0, c);
      comment = raw.substring(c + " comment=".length()).strip();
    }
    java.util.regex.Matcher m = TUPLE.matcher(line);
    if (!m.find()) {
      return null;
    }
    String[] f = SPACES.split(line.substring(m.end()).strip());
    if (f.length < 6 || f.length > 9) {
      return null;
    }
    String direction = "in";
    String in = "";
    String out = "";
    if (f.length == 7 || f.length == 9) {
      String last = f[f.length - 1];
      direction = last.split("_", -1)[0];
      if (last.contains("_")) {
        int bang = last.indexOf('!');
        if (bang >= 0 && last.startsWith("in_") && last.contains("out_")) {
          in = after(last.substring(0, bang));
          out = after(last.substring(bang + 1));
        } else if (last.startsWith("in_")) {
          in = after(last);
        } else if (last.startsWith("out_")) {
          out = after(last);
        } else {
          return null;
        }
      }
    }
    String actionWord = f[0];
    boolean forward = false;
    if (actionWord.contains(":")) {
      forward = true;
      actionWord = actionWord.substring(actionWord.indexOf(':') + 1);
    }
    StatusLogType log = StatusLogType.NONE;
    int us = actionWord.indexOf('_');
    if (us >= 0) {
      try {
        log = StatusLogType.fromKeyword(actionWord.substring(us + 1).toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
      actionWord = actionWord.substring(0, us);
    }
    StatusAction action;
    try {
      action = StatusAction.valueOf(actionWord.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
    String dapp = "";
    String sapp = "";
    if (f.length >= 8) {
      dapp = f[6].equals("-") ? "" : f[6].replace("%20", " ");
      sapp = f[7].equals("-") ? "" : f[7].replace("%20", " ");
    }
    if (!direction.equals("in") && !direction.equals("out")) {
      return null;
    }
    return new RuleTuple(
        action, log, f[1], f[2], f[3], f[4], f[5], dapp, sapp, direction, in, out, forward, v6,
        comment);
  }

  private static String after(String s) {
    return s.substring(s.indexOf('_') + 1);
  }

  /**
   * The tuple of a rule of the rule grammar (also an application template whose ports are still the
   * application's name).
   */
  public static RuleTuple of(UfwRule rule) {
    return new RuleTuple(
        StatusAction.valueOf(rule.action().word().toUpperCase(Locale.ROOT)),
        StatusLogType.fromKeyword(rule.logType().word()),
        rule.protocol().word(),
        rule.destinationPort(),
        rule.destination(),
        rule.sourcePort(),
        rule.source(),
        rule.destinationApp().orElse(""),
        rule.sourceApp().orElse(""),
        rule.direction().word(),
        rule.interfaceIn().orElse(""),
        rule.interfaceOut().orElse(""),
        rule.route(),
        rule.v6(),
        hex(rule.comment().orElse("")));
  }

  static String hex(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /** The rules of a {@code user.rules} / {@code user6.rules} file, in file order. */
  public static ImmutableList<RuleTuple> of(UserRulesFile file) {
    ImmutableList.Builder<RuleTuple> b = ImmutableList.builder();
    for (UfwRule r : file.rules()) {
      b.add(of(r));
    }
    return b.build();
  }

  /** Whether this is an application rule. */
  public boolean isApp() {
    return !dapp.isEmpty() || !sapp.isEmpty();
  }

  /** The comment decoded from hex as ufw decodes it (odd digit dropped, bad UTF-8 escaped). */
  public String decodedComment() {
    String h = comment.length() % 2 == 1 ? comment.substring(0, comment.length() - 1) : comment;
    byte[] bytes = new byte[h.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(h.charAt(2 * i), 16);
      int lo = Character.digit(h.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return "";
      }
      bytes[i] = (byte) (hi * 16 + lo);
    }
    return PythonText.decodeUtf8BackslashReplace(bytes);
  }

  /** ufw's key for an application rule, which the plain status and show added print once. */
  public String appTuple() {
    if (!isApp()) {
      return "";
    }
    String t;
    if (dapp.isEmpty()) {
      t = dport + " " + dst + " " + sapp + " " + src;
    } else if (sapp.isEmpty()) {
      t = dapp + " " + dst + " " + sport + " " + src;
    } else {
      t = dapp + " " + dst + " " + sapp + " " + src;
    }
    if (interfaceIn.isEmpty() && interfaceOut.isEmpty()) {
      return t + " " + direction;
    }
    if (!interfaceIn.isEmpty()) {
      t += " in_" + interfaceIn;
    }
    if (!interfaceOut.isEmpty()) {
      t += " out_" + interfaceOut;
    }
    return t;
  }

  /** The command {@code ufw show added} prints for this rule, without {@code ufw }. */
  public String command() {
    return RuleCommands.command(this);
  }
}
