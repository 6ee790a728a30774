package dev.hostguard.host;

import java.util.Locale;
import java.util.Optional;

/**
 * The IP protocol of a {@link Packet}, as iptables' {@code -p} names it.
 *
 * <pre>{@code
 * PacketProtocol p = PacketProtocol.fromWord("udp").orElseThrow();
 * p.hasPorts(); // true
 * }</pre>
 */
public enum PacketProtocol {
  TCP,
  UDP,
  ICMP,
  ICMPV6,
  ESP,
  AH,
  GRE,
  IGMP,
  VRRP,
  /** IPv6 encapsulated in IPv4 (protocol 41), ufw's {@code ipv6}. */
  IPV6;

  /** The lower-case name ({@code tcp}, {@code icmpv6}, ...). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether packets of this protocol carry ports (tcp, udp). */
  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  /** Whether packets of this protocol carry an ICMP type (icmp, icmpv6). */
  public boolean hasIcmpType() {
    return this == ICMP || this == ICMPV6;
  }

  /** The protocol its exact lower-case name names. */
  public static Optional<PacketProtocol> fromWord(String word) {
    for (PacketProtocol p : values()) {
      if (p.word().equals(word)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
