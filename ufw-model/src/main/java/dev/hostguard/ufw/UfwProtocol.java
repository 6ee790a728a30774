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

  private final String word = name().toLowerCase(Locale.ROOT);

  /** The word ufw uses. */
  public String word() {
    return word;
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
    return switch (word) {
      case "any" -> Optional.of(ANY);
      case "tcp" -> Optional.of(TCP);
      case "udp" -> Optional.of(UDP);
      case "ipv6" -> Optional.of(IPV6);
      case "esp" -> Optional.of(ESP);
      case "ah" -> Optional.of(AH);
      case "igmp" -> Optional.of(IGMP);
      case "gre" -> Optional.of(GRE);
      case "vrrp" -> Optional.of(VRRP);
      default -> Optional.empty();
    };
  }
}
