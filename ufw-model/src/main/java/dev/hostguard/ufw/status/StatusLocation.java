package dev.hostguard.ufw.status;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code To} or {@code From} cell of a status line, kept as printed, with a typed view of its
 * parts: address or {@code Anywhere}, port and protocol, application name, the {@code (v6)} mark
 * and the interface after {@code on}.
 *
 * <pre>{@code
 * StatusLocation l = StatusLocation.of("10.0.0.0/8 80/tcp on eth1");
 * l.address(); // Optional[10.0.0.0/8]   l.port(); // Optional[80]   l.iface(); // Optional[eth1]
 * }</pre>
 *
 * <p>ufw's cells are not always unambiguous (an application may be named like an address); the
 * typed view follows the reading ufw's own output makes likely, the text is always exact.
 */
public final class StatusLocation {
  private static final String V6 = " (v6)";

  /** The typed parts of a cell, read on first use. */
  private record Parts(
      boolean anywhere,
      @Nullable String address,
      @Nullable String port,
      @Nullable String protocol,
      @Nullable String app,
      boolean v6,
      @Nullable String iface) {}

  private static final Parts ANYWHERE_V4 = new Parts(true, null, null, null, null, false, null);
  private static final Parts ANYWHERE_V6 = new Parts(true, null, null, null, null, true, null);

  /**
   * The cell is {@code source[start, end)}: a parsed cell keeps its place in the parsed text rather
   * than a string of its own (a status of 100,000 rules holds 200,000 cells), and makes that string
   * only when {@link #text()} is first asked.
   */
  private final String source;

  private final int start;
  private final int end;
  private volatile @Nullable String text;
  private volatile @Nullable Parts parts;

  private StatusLocation(String source, int start, int end) {
    this.source = source;
    this.start = start;
    this.end = end;
  }

  /** Whether {@code text} can be a cell: not empty, no edge spaces, no {@code #}, one line. */
  public static boolean isValid(String text) {
    return isValid(text, 0, text.length());
  }

  /** {@link #isValid(String)} for {@code s[from, to)}. */
  private static boolean isValid(String s, int from, int to) {
    if (from >= to || s.charAt(from) == ' ' || s.charAt(to - 1) == ' ') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '#' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  /** Reads a cell; IllegalArgumentException if {@link #isValid} says no. */
  public static StatusLocation of(String text) {
    checkArgument(isValid(text), "not a status cell: '%s'", text);
    StatusLocation l = new StatusLocation(text, 0, text.length());
    l.text = text;
    return l;
  }

  /**
   * The cell {@code source[start, end)}, kept as that range of {@code source};
   * IllegalArgumentException if {@link #isValid} says no.
   */
  static StatusLocation of(String source, int start, int end) {
    if (!isValid(source, start, end)) {
      throw new IllegalArgumentException(
          "not a status cell: '" + source.substring(start, end) + "'");
    }
    return new StatusLocation(source, start, end);
  }

  /** The cell's length in characters. */
  int length() {
    return end - start;
  }

  /** Appends the cell's text to {@code sb}, without making a string of it. */
  void appendTo(StringBuilder sb) {
    sb.append(source, start, end);
  }

  /** Whether the cell's text is {@code s[from, to)}. */
  boolean textEquals(String s, int from, int to) {
    return to - from == end - start && source.regionMatches(start, s, from, to - from);
  }

  private Parts parts() {
    Parts p = parts;
    if (p == null) {
      p = read(text());
      parts = p;
    }
    return p;
  }

  private static Parts read(String text) {
    if (text.equals("Anywhere")) {
      return ANYWHERE_V4;
    }
    if (text.equals("Anywhere (v6)")) {
      return ANYWHERE_V6;
    }
    String rest = text;
    String iface = null;
    int on = rest.lastIndexOf(" on ");
    if (on > 0 && on + 4 < rest.length() && rest.indexOf(' ', on + 4) < 0) {
      iface = rest.substring(on + 4);
      rest = rest.substring(0, on);
    }
    boolean v6 = false;
    String app = null;
    if (rest.endsWith(")")) {
      int open = rest.indexOf(" (");
      if (open > 0 && rest.lastIndexOf('(', open) < 0) {
        String head = rest.substring(0, open);
        String inner = rest.substring(open + 2, rest.length() - 1);
        String tail = head.substring(head.lastIndexOf(' ') + 1);
        if (inner.equals("v6")) {
          // "53 (v6)", "Anywhere (v6)", "Mail submission (v6)"
          rest = head;
          v6 = true;
        } else if (isPortWithProtocol(tail)) {
          // verbose: "587/tcp (Mail submission)" or "587/tcp (Mail submission (v6))"
          app = inner;
          if (app.endsWith(V6)) {
            app = app.substring(0, app.length() - V6.length());
            v6 = true;
          }
          rest = head;
        }
      }
    }
    boolean anywhere = false;
    String address = null;
    String port = null;
    String protocol = null;
    int slash = rest.lastIndexOf('/');
    if (rest.equals("Anywhere")) {
      anywhere = true;
    } else if (rest.startsWith("Anywhere/") && isProtocol(rest, 9, rest.length())) {
      anywhere = true;
      protocol = rest.substring(9);
    } else if (isPortSpec(rest, 0, rest.length())) {
      // before addresses: a port range "6000:6007" also looks like an IPv6 address
      port = rest;
    } else if (slash > 0
        && isPortSpec(rest, 0, slash)
        && isProtocol(rest, slash + 1, rest.length())) {
      port = rest.substring(0, slash);
      protocol = rest.substring(slash + 1);
    } else if (isAddress(rest, 0, rest.length())) {
      address = rest;
    } else if (slash > 0
        && isAddress(rest, 0, slash)
        && isProtocol(rest, slash + 1, rest.length())
        && Character.isLetter(rest.charAt(slash + 1))) {
      address = rest.substring(0, slash);
      protocol = rest.substring(slash + 1);
    } else {
      String portPart = rest;
      int space = rest.indexOf(' ');
      if (space > 0 && isAddress(rest, 0, space)) {
        address = rest.substring(0, space);
        portPart = rest.substring(space + 1);
      }
      int ps = portPart.lastIndexOf('/');
      if (isPortSpec(portPart, 0, portPart.length())) {
        port = portPart;
      } else if (ps > 0
          && isPortSpec(portPart, 0, ps)
          && isProtocol(portPart, ps + 1, portPart.length())) {
        port = portPart.substring(0, ps);
        protocol = portPart.substring(ps + 1);
      } else if (app == null) {
        app = portPart;
      } else {
        port = portPart;
      }
    }
    return new Parts(anywhere, address, port, protocol, app, v6, iface);
  }

  /** {@code 80}, {@code 80,443}, {@code 6000:6007}, {@code 22,80:90} between from and to. */
  private static boolean isPortSpec(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    boolean digit = false;
    boolean colon = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ((c == ',' || c == ':') && digit) {
        if (c == ':') {
          if (colon) {
            return false;
          }
          colon = true;
        } else {
          colon = false;
        }
        digit = false;
      } else {
        return false;
      }
    }
    return digit;
  }

  private static boolean isPortWithProtocol(String s) {
    int slash = s.lastIndexOf('/');
    return isPortSpec(s, 0, s.length())
        || (slash > 0 && isPortSpec(s, 0, slash) && isProtocol(s, slash + 1, s.length()));
  }

  private static boolean isProtocol(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /** Hex digits, dots and colons with at least one dot or colon, then an optional /prefix. */
  private static boolean isAddress(String s, int from, int to) {
    int slash = s.indexOf('/', from);
    int end = slash >= 0 && slash < to ? slash : to;
    boolean sep = false;
    if (end == from) {
      return false;
    }
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == ':') {
        sep = true;
      } else if (Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    if (end < to) {
      if (end + 1 == to) {
        return false;
      }
      for (int i = end + 1; i < to; i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
    }
    return sep;
  }

  /** The cell as printed, without padding. */
  public String text() {
    String t = text;
    if (t == null) {
      t = source.substring(start, end);
      text = t;
    }
    return t;
  }

  /** Whether the cell says {@code Anywhere} (no address, no port). */
  public boolean isAnywhere() {
    return parts().anywhere();
  }

  /** The address or network, if one is shown. */
  public Optional<String> address() {
    return Optional.ofNullable(parts().address());
  }

  /** The port, list or range ({@code 80}, {@code 80,443}, {@code 6000:6007}), if shown. */
  public Optional<String> port() {
    return Optional.ofNullable(parts().port());
  }

  /** The protocol after {@code /}, if shown. */
  public Optional<String> protocol() {
    return Optional.ofNullable(parts().protocol());
  }

  /** The application profile name, if the cell names one. */
  public Optional<String> app() {
    return Optional.ofNullable(parts().app());
  }

  /** Whether the cell carries ufw's {@code (v6)} mark. */
  public boolean v6() {
    return parts().v6();
  }

  /** The interface after {@code on}, if any. */
  public Optional<String> iface() {
    return Optional.ofNullable(parts().iface());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof StatusLocation l && l.textEquals(source, start, end);
  }

  /** The hash of {@link #text()}, as {@link String#hashCode()} computes it. */
  @Override
  public int hashCode() {
    return hash(source, start, end);
  }

  /** {@link String#hashCode()} of {@code s[from, to)}, without making the string. */
  static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  @Override
  public String toString() {
    return text();
  }
}
