package dev.hostguard.ufw.status;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code To} or {@code From} cell of a status line, kept as printed, with a typed view of its
 * parts: address or {@code Anywhere}, port and protocol, application name, the {@code (v6)} mark
 * and the interface after {@code on}.
 *
 * <pre>{@code
 * StatusLocation l = StatusLocation.parse("10.0.0.0/8 80/tcp on eth1");
 * l.address(); // Optional[10.0.0.0/8]   l.port(); // Optional[80]   l.iface(); // Optional[eth1]
 * }</pre>
 *
 * <p>ufw's cells are not always unambiguous (an application may be named like an address); the
 * typed view follows the reading ufw's own output makes likely, the text is always exact.
 */
public final class StatusLocation {
  private static final String V6 = " (v6)";
  private static final Pattern IFACE = Pattern.compile("^(.+) on (\\S+)$");
  private static final Pattern PORT =
      Pattern.compile("^([0-9]+(?::[0-9]+)?(?:,[0-9]+(?::[0-9]+)?)*)(?:/([A-Za-z0-9]+))?$");
  private static final Pattern ADDRESS =
      Pattern.compile("^[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*(/\\d+)?$");
  private static final Pattern ANYWHERE = Pattern.compile("^Anywhere(?:/([A-Za-z0-9]+))?$");
  private static final Pattern ADDRESS_PROTO =
      Pattern.compile("^([0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*(?:/\\d+)?)/([A-Za-z][A-Za-z0-9]*)$");

  private final String text;
  private final boolean anywhere;
  private final @Nullable String address;
  private final @Nullable String port;
  private final @Nullable String protocol;
  private final @Nullable String app;
  private final boolean v6;
  private final @Nullable String iface;

  private StatusLocation(
      String text,
      boolean anywhere,
      @Nullable String address,
      @Nullable String port,
      @Nullable String protocol,
      @Nullable String app,
      boolean v6,
      @Nullable String iface) {
    this.text = text;
    this.anywhere = anywhere;
    this.address = address;
    this.port = port;
    this.protocol = protocol;
    this.app = app;
    this.v6 = v6;
    this.iface = iface;
  }

  /** Whether {@code text} can be a cell: not empty, no edge spaces, no {@code #}, one line. */
  public static boolean isValid(String text) {
    return !text.isEmpty()
        && text.charAt(0) != ' '
        && text.charAt(text.length() - 1) != ' '
        && text.indexOf('#') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0;
  }

  /** Reads a cell; IllegalArgumentException if {@link #isValid} says no. */
  public static StatusLocation parse(String text) {
    checkArgument(isValid(text), "not a status cell: '%s'", text);
    String rest = text;
    String iface = null;
    Matcher m = IFACE.matcher(rest);
    if (m.matches()) {
      rest = m.group(1);
      iface = m.group(2);
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
        } else if (PORT.matcher(tail).matches()) {
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
    Matcher any = ANYWHERE.matcher(rest);
    Matcher addrProto = ADDRESS_PROTO.matcher(rest);
    Matcher portOnly = PORT.matcher(rest);
    if (any.matches()) {
      anywhere = true;
      protocol = any.group(1);
    } else if (portOnly.matches()) {
      // before addresses: a port range "6000:6007" also looks like an IPv6 address
      port = portOnly.group(1);
      protocol = portOnly.group(2);
    } else if (ADDRESS.matcher(rest).matches()) {
      address = rest;
    } else if (addrProto.matches()) {
      address = addrProto.group(1);
      protocol = addrProto.group(2);
    } else {
      String portPart = rest;
      int space = rest.indexOf(' ');
      if (space > 0 && ADDRESS.matcher(rest.substring(0, space)).matches()) {
        address = rest.substring(0, space);
        portPart = rest.substring(space + 1);
      }
      Matcher p = PORT.matcher(portPart);
      if (p.matches()) {
        port = p.group(1);
        protocol = p.group(2);
      } else if (app == null) {
        app = portPart;
      } else {
        port = portPart;
      }
    }
    return new StatusLocation(text, anywhere, address, port, protocol, app, v6, iface);
  }

  /** The cell as printed, without padding. */
  public String text() {
    return text;
  }

  /** Whether the cell says {@code Anywhere} (no address, no port). */
  public boolean isAnywhere() {
    return anywhere;
  }

  /** The address or network, if one is shown. */
  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /** The port, list or range ({@code 80}, {@code 80,443}, {@code 6000:6007}), if shown. */
  public Optional<String> port() {
    return Optional.ofNullable(port);
  }

  /** The protocol after {@code /}, if shown. */
  public Optional<String> protocol() {
    return Optional.ofNullable(protocol);
  }

  /** The application profile name, if the cell names one. */
  public Optional<String> app() {
    return Optional.ofNullable(app);
  }

  /** Whether the cell carries ufw's {@code (v6)} mark. */
  public boolean v6() {
    return v6;
  }

  /** The interface after {@code on}, if any. */
  public Optional<String> iface() {
    return Optional.ofNullable(iface);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof StatusLocation && ((StatusLocation) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
