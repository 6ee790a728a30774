package dev.hostguard.ufw;

import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The mutable working copy of a rule inside the parser and the rule-set engine, with ufw's setter
 * semantics (common.UFWRule); {@link #toRule()} freezes it.
 */
final class RuleDraft {
  UfwAction action = UfwAction.DENY;
  UfwLogType logType = UfwLogType.NONE;
  UfwProtocol protocol = UfwProtocol.ANY;
  String dport = "any";
  String dst = "0.0.0.0/0";
  String sport = "any";
  String src = "0.0.0.0/0";
  String dapp = "";
  String sapp = "";
  UfwDirection direction = UfwDirection.IN;
  String interfaceIn = "";
  String interfaceOut = "";
  boolean forward;
  String comment = "";
  boolean v6;
  int position;
  boolean remove;
  boolean updated;

  /**
   * The rule this draft was made from ({@link #of}), which {@link #toRule} returns while every
   * field still equals it; null for a draft built field by field.
   */
  private @Nullable UfwRule origin;

  static RuleDraft of(UfwRule r) {
    RuleDraft d = new RuleDraft();
    d.origin = r;
    d.action = r.action();
    d.logType = r.logType();
    d.protocol = r.protocol();
    d.dport = r.destinationPort();
    d.dst = r.destination();
    d.sport = r.sourcePort();
    d.src = r.source();
    d.dapp = r.destinationApp().orElse("");
    d.sapp = r.sourceApp().orElse("");
    d.direction = r.direction();
    d.interfaceIn = r.interfaceIn().orElse("");
    d.interfaceOut = r.interfaceOut().orElse("");
    d.forward = r.route();
    d.comment = r.comment().orElse("");
    d.v6 = r.v6();
    return d;
  }

  UfwRule toRule() {
    UfwRule o = origin;
    if (o != null && sameAs(o)) {
      // the rule it came from, already checked: building it again gives an equal rule
      return o;
    }
    try {
      UfwRule.Builder b =
          UfwRule.builder()
              .action(action)
              .logType(logType)
              .protocol(protocol)
              .destinationPort(dport)
              .destination(dst)
              .sourcePort(sport)
              .source(src)
              .direction(direction)
              .route(forward)
              .v6(v6);
      // an empty text is an absent optional: only the present ones are set (no Optional made)
      if (!dapp.isEmpty()) {
        b.destinationApp(dapp);
      }
      if (!sapp.isEmpty()) {
        b.sourceApp(sapp);
      }
      if (!interfaceIn.isEmpty()) {
        b.interfaceIn(interfaceIn);
      }
      if (!interfaceOut.isEmpty()) {
        b.interfaceOut(interfaceOut);
      }
      if (!comment.isEmpty()) {
        b.comment(comment);
      }
      return b.build();
    } catch (UfwRefusedException e) {
      throw new UfwError(e.getMessage() == null ? "Invalid rule" : e.getMessage());
    }
  }

  /** Whether every field of the rule equals this draft's (an absent optional as ""). */
  private boolean sameAs(UfwRule r) {
    return action == r.action()
        && logType == r.logType()
        && protocol == r.protocol()
        && direction == r.direction()
        && forward == r.route()
        && v6 == r.v6()
        && dport.equals(r.destinationPort())
        && dst.equals(r.destination())
        && sport.equals(r.sourcePort())
        && src.equals(r.source())
        && dapp.equals(r.destinationApp().orElse(""))
        && sapp.equals(r.sourceApp().orElse(""))
        && interfaceIn.equals(r.interfaceIn().orElse(""))
        && interfaceOut.equals(r.interfaceOut().orElse(""))
        && comment.equals(r.comment().orElse(""));
  }

  RuleDraft copy() {
    RuleDraft d = new RuleDraft();
    d.origin = origin;
    d.action = action;
    d.logType = logType;
    d.protocol = protocol;
    d.dport = dport;
    d.dst = dst;
    d.sport = sport;
    d.src = src;
    d.dapp = dapp;
    d.sapp = sapp;
    d.direction = direction;
    d.interfaceIn = interfaceIn;
    d.interfaceOut = interfaceOut;
    d.forward = forward;
    d.comment = comment;
    d.v6 = v6;
    d.position = position;
    d.remove = remove;
    d.updated = updated;
    return d;
  }

  boolean multi() {
    return ((dapp.isEmpty() || !dport.equals(dapp)) && (dport.contains(",") || dport.contains(":")))
        || ((sapp.isEmpty() || !sport.equals(sapp))
            && (sport.contains(",") || sport.contains(":")));
  }

  /** set_action: {@code allow_log} style words. */
  void setAction(String word) {
    // the plain action words (what the parser hands over for a rule without a log word)
    UfwAction plain =
        switch (word) {
          case "allow" -> UfwAction.ALLOW;
          case "deny" -> UfwAction.DENY;
          case "reject" -> UfwAction.REJECT;
          case "limit" -> UfwAction.LIMIT;
          // allow_log, a capital letter, an unknown word: ufw's general reading below
          default -> null;
        };
    if (plain != null) {
      action = plain;
      logType = UfwLogType.NONE;
      return;
    }
    String lw = PythonText.lower(word);
    int u = lw.indexOf('_');
    // ufw's set_action: allow, reject and limit are themselves, anything else is deny
    action = UfwAction.fromWord(u < 0 ? lw : lw.substring(0, u)).orElse(UfwAction.DENY);
    int u2 = u < 0 ? -1 : lw.indexOf('_', u + 1);
    String lt = u < 0 ? "" : u2 < 0 ? lw.substring(u + 1) : lw.substring(u + 1, u2);
    setLogType(lt);
  }

  void setLogType(String lt) {
    String l = PythonText.lower(lt);
    if (l.equals("log") || l.equals("log-all") || lt.isEmpty()) {
      logType = UfwLogType.fromWord(l).orElseThrow();
    } else {
      throw new UfwError("Invalid log type '" + lt + "'");
    }
  }

  void setProtocol(String p) {
    switch (p) {
      case "any" -> protocol = UfwProtocol.ANY;
      case "tcp" -> protocol = UfwProtocol.TCP;
      case "udp" -> protocol = UfwProtocol.UDP;
      default -> {
        Optional<UfwProtocol> named = UfwProtocol.fromWord(p);
        if (named.isEmpty()) {
          throw new UfwError("Unsupported protocol '" + p + "'");
        }
        protocol = named.get();
      }
    }
  }

  /** set_port; {@code dst} false means source. */
  void setPort(String port, boolean dstSide, ServicesDatabase services) {
    String value = port;
    if (port.equals("any")) {
      // keep
    } else if (dstSide && !dapp.isEmpty()) {
      // keep the application name
    } else if (!dstSide && !sapp.isEmpty()) {
      // keep
    } else if (port.startsWith(",")
        || port.startsWith(":")
        || port.equals(",")
        || port.equals(":")
        || port.equals(",\n")
        || port.equals(":\n")) {
      throw badPort(port);
    } else if (count(port, ',') + count(port, ':') > 14) {
      throw badPort(port);
    } else if (port.indexOf(',') < 0) {
      value = portItem(port, port, services);
    } else {
      StringBuilder tmp = new StringBuilder(port.length() + 8);
      int from = 0;
      while (true) {
        int comma = port.indexOf(',', from);
        String p = port.substring(from, comma < 0 ? port.length() : comma);
        if (tmp.length() > 0) {
          tmp.append(',');
        }
        tmp.append(portItem(p, port, services));
        if (comma < 0) {
          break;
        }
        from = comma + 1;
      }
      value = tmp.toString();
    }
    if (dstSide) {
      dport = value;
    } else {
      sport = value;
    }
  }

  private static UfwError badPort(String port) {
    return new UfwError("Bad port '" + port + "'");
  }

  /** One item of a port list: a range, a number or a service name (resolved to its number). */
  private static String portItem(String p, String port, ServicesDatabase services) {
    int colon = p.indexOf(':');
    if (colon > 0 && isRange(p)) {
      String t = PythonText.stripFinalNewline(p);
      int c = t.indexOf(':');
      long lo = portNumber(t.substring(0, c));
      long hi = portNumber(t.substring(c + 1));
      if (lo < 1 || lo > 65535 || hi < 1 || hi > 65535 || lo >= hi) {
        throw badPort(port);
      }
      return p;
    } else if (PythonText.isDigits(p)) {
      long v = portNumber(p);
      if (v < 1 || v > 65535) {
        throw badPort(port);
      }
      return p;
    } else if (startsLikeService(p)) {
      OptionalInt n = services.port(p);
      if (n.isEmpty()) {
        throw badPort(port);
      }
      return Integer.toString(n.getAsInt());
    }
    throw badPort(port);
  }

  /** Python's int() of a digit string, clamped; -1 where int() raises. */
  private static long portNumber(String digits) {
    int n = digits.length();
    if (n > 0 && n <= 9) {
      int v = 0;
      for (int i = 0; i < n; i++) {
        char c = digits.charAt(i);
        if (c < '0' || c > '9') {
          return PythonText.parseInt(digits).map(PythonText::clampToLong).orElse(-1L);
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }
    return PythonText.parseInt(digits).map(PythonText::clampToLong).orElse(-1L);
  }

  private static boolean isRange(String p) {
    String t = PythonText.stripFinalNewline(p);
    int c = t.indexOf(':');
    if (c <= 0 || c == t.length() - 1 || t.indexOf(':', c + 1) >= 0) {
      return false;
    }
    return PythonText.isDigits(t.substring(0, c)) && PythonText.isDigits(t.substring(c + 1));
  }

  /** re.match(r'^\w[\w\-]+', p). */
  private static boolean startsLikeService(String p) {
    if (p.length() < 2) {
      return false;
    }
    int c0 = p.codePointAt(0);
    if (!PythonText.isWord(c0)) {
      return false;
    }
    int i = Character.charCount(c0);
    if (i >= p.length()) {
      return false;
    }
    int c1 = p.codePointAt(i);
    return PythonText.isWord(c1) || c1 == '-';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  void fixAnywhere() {
    if (v6) {
      if (!dst.isEmpty() && (dst.equals("any") || dst.equals("0.0.0.0/0"))) {
        dst = "::/0";
      }
      if (!src.isEmpty() && (src.equals("any") || src.equals("0.0.0.0/0"))) {
        src = "::/0";
      }
    } else {
      if (!dst.isEmpty() && (dst.equals("any") || dst.equals("::/0"))) {
        dst = "0.0.0.0/0";
      }
      if (!src.isEmpty() && (src.equals("any") || src.equals("::/0"))) {
        src = "0.0.0.0/0";
      }
    }
  }

  RuleDraft setV6(boolean value) {
    v6 = value;
    fixAnywhere();
    return this;
  }

  void setSrc(String addr) {
    String tmp = PythonText.lower(addr);
    if (!tmp.equals("any") && !IpAddresses.validAddress(tmp)) {
      throw new UfwError("Bad source address");
    }
    src = tmp;
    fixAnywhere();
  }

  /** {@link #setSrc} of a lower-case address the caller checked ({@code valid}). */
  void setCheckedSrc(String lowered, boolean valid) {
    if (!valid) {
      throw new UfwError("Bad source address");
    }
    src = lowered;
    fixAnywhere();
  }

  /** {@link #setDst} of a lower-case address the caller checked ({@code valid}). */
  void setCheckedDst(String lowered, boolean valid) {
    if (!valid) {
      throw new UfwError("Bad destination address");
    }
    dst = lowered;
    fixAnywhere();
  }

  void setDst(String addr) {
    String tmp = PythonText.lower(addr);
    if (!tmp.equals("any") && !IpAddresses.validAddress(tmp)) {
      throw new UfwError("Bad destination address");
    }
    dst = tmp;
    fixAnywhere();
  }

  static @Nullable String interfaceProblem(String name) {
    if (name.contains("!")) {
      return "Bad interface name: reserved character: '!'";
    }
    if (name.contains(":")) {
      return "Bad interface name: can't use interface aliases";
    }
    if (name.equals(".") || name.equals("..")) {
      return "Bad interface name: can't use '.' or '..'";
    }
    if (name.isEmpty()) {
      return "Bad interface name: interface name is empty";
    }
    if (name.codePointCount(0, name.length()) > 15) {
      return "Bad interface name: interface name too long";
    }
    String t = PythonText.stripFinalNewline(name);
    if (t.isEmpty()) {
      return "Bad interface name";
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "_-.+,=%@".indexOf(c) >= 0;
      if (!ok) {
        return "Bad interface name";
      }
    }
    return null;
  }

  void setInterface(boolean in, String name) {
    String problem = interfaceProblem(name);
    if (problem != null) {
      throw new UfwError(problem);
    }
    if (in) {
      interfaceIn = name;
    } else {
      interfaceOut = name;
    }
  }

  /** set_position; returns false where Python's int() raises ValueError (Invalid syntax). */
  boolean setPosition(String num) {
    if (!num.equals("-1") && !(num.length() > 0 && num.charAt(0) >= '0' && num.charAt(0) <= '9')) {
      throw new UfwError("Insert position '" + num + "' is not a valid position");
    }
    Optional<BigInteger> v = PythonText.parseInt(num);
    if (v.isEmpty()) {
      return false;
    }
    position = (int) Math.min(Integer.MAX_VALUE, PythonText.clampToLong(v.get()));
    return true;
  }

  /** normalize(): addresses to standard form, ports human-sorted. */
  void normalize() {
    if (!src.isEmpty()) {
      try {
        IpAddresses.Normalized n = IpAddresses.normalizeAddress(src, v6);
        updated |= n.changed();
        src = n.address();
      } catch (IpAddresses.NotNormalizable e) {
        throw new UfwError("Could not normalize source address");
      }
    }
    if (!dst.isEmpty()) {
      try {
        IpAddresses.Normalized n = IpAddresses.normalizeAddress(dst, v6);
        updated |= n.changed();
        dst = n.address();
      } catch (IpAddresses.NotNormalizable e) {
        throw new UfwError("Could not normalize destination address");
      }
    }
    if (!dport.isEmpty()) {
      dport = humanSort(dport);
    }
    if (!sport.isEmpty()) {
      sport = humanSort(sport);
    }
  }

  static String humanSort(String ports) {
    if (ports.indexOf(',') < 0) {
      return ports;
    }
    List<String> list = new ArrayList<>(Arrays.asList(ports.split(",", -1)));
    list.sort(RuleDraft::compareHuman);
    return String.join(",", list);
  }

  /** Python's human_sort key: runs of ASCII digits as numbers, the rest lower-cased. */
  static int compareHuman(String a, String b) {
    List<Object> ka = humanKey(a);
    List<Object> kb = humanKey(b);
    for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
      Object x = ka.get(i);
      Object y = kb.get(i);
      int c;
      if (x instanceof java.math.BigInteger bx && y instanceof java.math.BigInteger by) {
        c = bx.compareTo(by);
      } else if (x instanceof String sx && y instanceof String sy) {
        c = sx.compareTo(sy);
      } else {
        // Python 3 cannot compare int with str: ufw would crash; keep input order
        return 0;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ka.size(), kb.size());
  }

  private static List<Object> humanKey(String s) {
    List<Object> key = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inDigits = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean d = c >= '0' && c <= '9';
      if (d != inDigits) {
        key.add(
            inDigits ? new java.math.BigInteger(cur.toString()) : PythonText.lower(cur.toString()));
        cur.setLength(0);
        inDigits = d;
      }
      cur.append(c);
    }
    key.add(inDigits ? new java.math.BigInteger(cur.toString()) : PythonText.lower(cur.toString()));
    return key;
  }

  /** match(): 0 exact, 1 different, -1 all but action/log/comment, -2 all but comment. */
  int match(RuleDraft y) {
    RuleDraft x = this;
    if (!x.dport.equals(y.dport)
        || !x.sport.equals(y.sport)
        || x.protocol != y.protocol
        || !x.src.equals(y.src)
        || !x.dst.equals(y.dst)
        || x.v6 != y.v6
        || !x.dapp.equals(y.dapp)
        || !x.sapp.equals(y.sapp)
        || !x.interfaceIn.equals(y.interfaceIn)
        || !x.interfaceOut.equals(y.interfaceOut)
        || x.direction != y.direction
        || x.forward != y.forward) {
      return 1;
    }
    boolean sameAction = x.action == y.action && x.logType == y.logType;
    if (sameAction && x.comment.equals(y.comment)) {
      return 0;
    }
    if (sameAction) {
      return -2;
    }
    return -1;
  }

  /** get_app_tuple(). */
  String appTuple() {
    if (dapp.isEmpty() && sapp.isEmpty()) {
      return "";
    }
    String t = dapp + " " + dst + " " + sapp + " " + src;
    if (dapp.isEmpty()) {
      t = dport + " " + dst + " " + sapp + " " + src;
    }
    if (sapp.isEmpty()) {
      t = dapp + " " + dst + " " + sport + " " + src;
    }
    if (interfaceIn.isEmpty() && interfaceOut.isEmpty()) {
      t += " " + direction.word();
    } else {
      if (!interfaceIn.isEmpty()) {
        t += " in_" + interfaceIn;
      }
      if (!interfaceOut.isEmpty()) {
        t += " out_" + interfaceOut;
      }
    }
    return t;
  }

  /** re.match('^\\d([0-9,:]*\\d+)*$', s): ufw's test for a numeric port list. */
  static boolean isNumericPortList(String s) {
    String t = PythonText.stripFinalNewline(s);
    if (t.isEmpty() || !PythonText.isDigit(t.codePointAt(0))) {
      return false;
    }
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (!PythonText.isDigit(cp) && cp != ',' && cp != ':') {
        return false;
      }
      i += Character.charCount(cp);
    }
    return PythonText.isDigit(t.codePointBefore(t.length()));
  }
}
