package dev.hostguard.ufw;

import java.util.Locale;
import java.util.Optional;

/**
 * The protocols ufw 0.36.2 accepts in a rule.
 *
 * <pre>{@code
 * UfwProtocol.fromWord("esp").orElseThrow().hasPorts(); // false
 * UfwProtocol.ANY.word(); // "any"
 * }</pre>
 */
public enum UfwProtocol {
  ANY,
  TCP,
  UDP,
  IPV6,
  ESP,
  AH,
  IGMP,
  GRE,
  VRRP;

  /** The word ufw uses. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the protocol carries ports (any, tcp, udp). */
  public boolean hasPorts() {
    return this == ANY || this == TCP || this == UDP;
  }

  /** ipv6 and igmp rules exist only for IPv4. */
  public boolean isIpv4Only() {
    return this == IPV6 || this == IGMP;
  }

  /** The protocol for an exact (case-sensitive) ufw word. */
  public static Optional<UfwProtocol> fromWord(String word) {
    for (UfwProtocol p : values()) {
      if (p.word().equals(word)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
