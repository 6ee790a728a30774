package dev.hostguard.host;

import dev.hostguard.core.HostguardStyle;
import dev.hostguard.ufw.UfwDirection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One packet as the host's firewall sees it, for {@link UfwEvaluator}: its direction (arriving on
 * or leaving through {@link #interfaceName()}), protocol, addresses and ports; Immutables generates
 * the public {@link Packet}. Both addresses are of one IP version. TCP and UDP packets carry ports
 * 1–65535 and ICMP packets a type; other packets neither.
 *
 * <pre>{@code
 * Packet p = Packet.builder().direction(UfwDirection.IN).interfaceName("eth0").protocol(PacketProtocol.TCP)
 *     .source(InetAddresses.forString("192.0.2.7")).sourcePort(40000).destination(InetAddresses.forString("192.0.2.1")).destinationPort(22).build();
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractPacket {
  /** IN for a packet to this host (INPUT), OUT for one it sends (OUTPUT). */
  public abstract UfwDirection direction();

  /** The interface it arrives on (IN) or leaves through (OUT): {@code eth0}, {@code lo}, ... */
  public abstract String interfaceName();

  /** The IP protocol. */
  public abstract PacketProtocol protocol();

  /** The source address. */
  public abstract InetAddress source();

  /** The destination address. */
  public abstract InetAddress destination();

  /** The TCP/UDP source port; 0 for protocols without ports. */
  @Value.Default
  public int sourcePort() {
    return 0;
  }

  /** The TCP/UDP destination port; 0 for protocols without ports. */
  @Value.Default
  public int destinationPort() {
    return 0;
  }

  /** The ICMP or ICMPv6 type (8 echo-request, 135 neighbor-solicitation, ...), if ICMP. */
  public abstract Optional<Integer> icmpType();

  /** The IPv6 hop limit (some ICMPv6 accepts need 255 or 1); 64 by default. */
  @Value.Default
  public int hopLimit() {
    return 64;
  }

  /**
   * Whether the packet opens a connection (conntrack {@code NEW}); false for a packet of an
   * established or related connection, which ufw accepts before any user rule. True by default.
   */
  @Value.Default
  public boolean newConnection() {
    return true;
  }

  /** Whether this is an IPv6 packet. */
  public boolean v6() {
    return !(destination() instanceof Inet4Address);
  }

  @Value.Check
  void check() {
    if ((source() instanceof Inet4Address) != (destination() instanceof Inet4Address)) {
      throw new IllegalArgumentException(
          "source and destination differ in IP version: " + source() + ", " + destination());
    }
    if (interfaceName().isEmpty()) {
      throw new IllegalArgumentException("empty interface name");
    }
    if (protocol().hasPorts()) {
      checkPort("source", sourcePort());
      checkPort("destination", destinationPort());
    } else if (sourcePort() != 0 || destinationPort() != 0) {
      throw new IllegalArgumentException(protocol().word() + " packets have no ports");
    }
    if (protocol().hasIcmpType() != icmpType().isPresent()) {
      throw new IllegalArgumentException(
          protocol().hasIcmpType()
              ? protocol().word() + " packets need an ICMP type"
              : protocol().word() + " packets have no ICMP type");
    }
    if (icmpType().isPresent() && (icmpType().get() < 0 || icmpType().get() > 255)) {
      throw new IllegalArgumentException("ICMP type out of 0-255: " + icmpType().get());
    }
    if ((protocol() == PacketProtocol.ICMP && v6())
        || (protocol() == PacketProtocol.ICMPV6 && !v6())) {
      throw new IllegalArgumentException(protocol().word() + " does not fit the IP version");
    }
    if (hopLimit() < 0 || hopLimit() > 255) {
      throw new IllegalArgumentException("hop limit out of 0-255: " + hopLimit());
    }
  }

  private static void checkPort(String which, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(which + " port out of 1-65535: " + port);
    }
  }
}
