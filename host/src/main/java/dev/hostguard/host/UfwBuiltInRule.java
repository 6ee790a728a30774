package dev.hostguard.host;

/**
 * One of the accepts (and drops) ufw installs around the user's rules: the stock {@code
 * before.rules} / {@code before6.rules} and, with {@code IPV6=no}, ufw-init's IPv6 drop.
 *
 * <pre>{@code
 * UfwDecision d = evaluator.evaluate(packet);
 * d.builtIn(); // Optional[LOOPBACK] for a packet on lo
 * }</pre>
 */
public enum UfwBuiltInRule {
  /** {@code -i lo} / {@code -o lo}: everything on the loopback interface. */
  LOOPBACK,
  /** {@code --ctstate RELATED,ESTABLISHED}: packets of a known connection. */
  ESTABLISHED,
  /** ICMP destination-unreachable, time-exceeded, parameter-problem and echo-request (input). */
  ICMP,
  /**
   * The ICMPv6 types before6.rules accepts: errors, echo, neighbour discovery (hop limit 255),
   * multicast listener messages from link-local sources, and the other types it lists.
   */
  ICMPV6,
  /** UDP from port 67 to port 68: DHCP answers to this host as a client. */
  DHCP_CLIENT,
  /** UDP from fe80::/10 port 547 to fe80::/10 port 546: DHCPv6 answers. */
  DHCPV6_CLIENT,
  /** UDP to 224.0.0.251 or ff02::fb port 5353: multicast DNS. */
  MDNS,
  /** UDP to 239.255.255.250 or ff02::f port 1900: UPnP discovery. */
  UPNP,
  /** With {@code IPV6=no} ufw drops every IPv6 packet that is not on the loopback interface. */
  IPV6_DISABLED
}
