package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UfwTree;

/**
 * What decides new connections once ufw's files are loaded: whether the firewall is enabled, the
 * rule set (with its {@code IPV6} setting) and the default incoming and outgoing policies. The
 * input of {@link LockoutGuard}; {@link #of(UfwTree)} reads it from a tree (a plan's state after).
 *
 * <pre>{@code
 * UfwFirewallState after = UfwFirewallState.of(tree.withInputPolicy(UfwPolicy.DENY));
 * LockoutGuard.check(after, access).ifPresent(risk -> System.out.println(risk.message()));
 * }</pre>
 *
 * @param enabled whether ufw is enabled ({@code ENABLED=yes} in {@code ufw.conf}); a disabled ufw
 *     blocks nothing
 * @param rules the user rules of both IP versions, application rules expanded, and whether IPv6 is
 *     on
 * @param incoming the default incoming policy (allow, deny or reject)
 * @param outgoing the default outgoing policy (allow, deny or reject)
 */
public record UfwFirewallState(
    boolean enabled, UfwRuleSet rules, UfwPolicy incoming, UfwPolicy outgoing) {

  /** Checks non-null parts and that neither policy is {@code skip}. */
  public UfwFirewallState {
    requireNonNull(rules, "rules");
    requireNonNull(incoming, "incoming");
    requireNonNull(outgoing, "outgoing");
    if (incoming == UfwPolicy.SKIP || outgoing == UfwPolicy.SKIP) {
      throw new IllegalArgumentException("skip is not a default policy of a chain");
    }
  }

  /**
   * The state a tree's files give: {@code ENABLED} of {@code ufw.conf}, the tree's rules, and the
   * policies of {@code /etc/default/ufw} as ufw reads them ({@code ACCEPT} allow, {@code REJECT}
   * reject, anything else deny).
   */
  public static UfwFirewallState of(UfwTree tree) {
    return new UfwFirewallState(
        tree.conf().enabled(),
        tree.rules(),
        chain(tree.defaults().inputPolicy()),
        chain(tree.defaults().outputPolicy()));
  }

  /** A chain policy as ufw applies it: allow and reject as they are, anything else deny. */
  static UfwPolicy chain(UfwPolicy p) {
    return p == UfwPolicy.ALLOW || p == UfwPolicy.REJECT ? p : UfwPolicy.DENY;
  }

  /** Whether IPv6 is filtered by the rules (else ufw drops every IPv6 packet not on lo). */
  public boolean ipv6Enabled() {
    return rules.ipv6Enabled();
  }
}
