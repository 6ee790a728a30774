package dev.hostguard.host;

import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One user rule compiled to the matches of the iptables lines ufw generates for it
 * (UFWRule.format_rule and the tcp/udp split of an {@code any} rule with ports).
 */
final class UfwRuleMatcher {
  private final UfwRule rule;
  private final AddressPrefix source;
  private final AddressPrefix destination;
  private final Optional<PortList> sourcePorts;
  private final Optional<PortList> destinationPorts;

  UfwRuleMatcher(UfwRule rule) {
    this.rule = rule;
    this.source = AddressPrefix.of(rule.source());
    this.destination = AddressPrefix.of(rule.destination());
    this.sourcePorts = ports(rule.sourcePort(), rule.sourceApp(), rule);
    this.destinationPorts = ports(rule.destinationPort(), rule.destinationApp(), rule);
  }

  UfwRule rule() {
    return rule;
  }

  private static Optional<PortList> ports(String text, Optional<String> app, UfwRule rule) {
    if (text.equals("any")) {
      return Optional.empty();
    }
    if (app.isPresent() && text.equals(app.get())) {
      throw new IllegalArgumentException(
          "an application rule whose profile is not expanded cannot be evaluated: " + rule);
    }
    return Optional.of(PortList.of(text));
  }

  /** Whether the rule's iptables lines (in its chain) match the packet. */
  boolean matches(Packet p) {
    if (rule.route() || rule.v6() != p.v6() || rule.direction() != p.direction()) {
      return false;
    }
    if (!interfaceMatches(p)) {
      return false;
    }
    if (!protocolAndPortsMatch(p)) {
      return false;
    }
    return destination.contains(p.destination()) && source.contains(p.source());
  }

  private boolean interfaceMatches(Packet p) {
    Optional<String> in = rule.interfaceIn();
    Optional<String> out = rule.interfaceOut();
    if (in.isPresent() && (p.direction() != UfwDirection.IN || !nameMatches(in.get(), p))) {
      return false;
    }
    return out.isEmpty() || (p.direction() == UfwDirection.OUT && nameMatches(out.get(), p));
  }

  /** iptables' {@code -i NAME}: exact, or a prefix when NAME ends in {@code +}. */
  private static boolean nameMatches(String name, Packet p) {
    return nameMatches(name, p.interfaceName());
  }

  /** iptables' {@code -i NAME} against an interface name. */
  static boolean nameMatches(String name, String actual) {
    if (name.endsWith("+")) {
      return actual.startsWith(name.substring(0, name.length() - 1));
    }
    return actual.equals(name);
  }

  private boolean protocolAndPortsMatch(Packet p) {
    boolean hasPorts = sourcePorts.isPresent() || destinationPorts.isPresent();
    if (rule.protocol() == UfwProtocol.ANY) {
      if (!hasPorts || rule.multi()) {
        // "-p all" with no port match (format_rule writes no multiport for protocol any)
        return true;
      }
      // split into a tcp and a udp line with the same ports
      if (!p.protocol().hasPorts()) {
        return false;
      }
    } else if (!rule.protocol().word().equals(p.protocol().word())) {
      return false;
    }
    return sourcePorts.map(l -> l.contains(p.sourcePort())).orElse(true)
        && destinationPorts.map(l -> l.contains(p.destinationPort())).orElse(true);
  }

  /**
   * An address with a prefix length, as ufw writes it ({@code 10.0.0.0/8}, {@code 2001:db8::1}).
   */
  static final class AddressPrefix {
    private final byte[] network;
    private final int length;

    private AddressPrefix(byte[] network, int length) {
      this.network = network;
      this.length = length;
    }

    static AddressPrefix of(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      InetAddress a = InetAddresses.forString(host);
      byte[] bytes = a.getAddress();
      int length = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (length < 0 || length > bytes.length * 8) {
        throw new IllegalArgumentException("bad prefix length: " + text);
      }
      return new AddressPrefix(bytes, length);
    }

    boolean contains(InetAddress address) {
      byte[] b = address.getAddress();
      if (b.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < length; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A port, a range {@code lo:hi} or a comma list of those, as iptables' multiport reads it. */
  record PortList(List<Range> ranges) {
    /** An inclusive range of ports. */
    record Range(int low, int high) {}

    static PortList of(String text) {
      List<Range> ranges = new ArrayList<>();
      for (String item : text.split(",", -1)) {
        int colon = item.indexOf(':');
        int lo = Integer.parseInt(colon < 0 ? item : item.substring(0, colon));
        int hi = colon < 0 ? lo : Integer.parseInt(item.substring(colon + 1));
        ranges.add(new Range(lo, hi));
      }
      return new PortList(ranges);
    }

    boolean contains(int port) {
      for (Range r : ranges) {
        if (port >= r.low() && port <= r.high()) {
          return true;
        }
      }
      return false;
    }
  }
}
