package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides packets the way the kernel does once ufw is enabled with a rule set and default policies,
 * and names what decides each one. The chains are walked in ufw's order: the stock {@code
 * before.rules} accepts ({@link UfwBuiltInRule}), the user's rules first match first, then the
 * default policy ({@code after.rules} and the logging, reject and tracking chains never change the
 * outcome for a packet addressed to this host). Pure: reads nothing from the host.
 *
 * <p>Assumed: the host's {@code before*.rules} are ufw's stock ones; IN packets are addressed to
 * this host; a {@code limit} rule sees a single new connection (it then accepts).
 *
 * <pre>{@code
 * UfwEvaluator e = UfwEvaluator.of(ruleSet, UfwPolicy.DENY, UfwPolicy.ALLOW);
 * e.evaluate(packet).verdict(); // ALLOW, DENY, REJECT or LIMIT
 * }</pre>
 */
public final class UfwEvaluator {
  private static final InetAddress MDNS_V4 = InetAddresses.forString("224.0.0.251");
  private static final InetAddress MDNS_V6 = InetAddresses.forString("ff02::fb");
  private static final InetAddress UPNP_V4 = InetAddresses.forString("239.255.255.250");
  private static final InetAddress UPNP_V6 = InetAddresses.forString("ff02::f");
  private static final UfwRuleMatcher.AddressPrefix LINK_LOCAL =
      UfwRuleMatcher.AddressPrefix.of("fe80::/10");
  private static final Set<Integer> ICMP_IN = Set.of(3, 11, 12, 8);
  private static final Set<Integer> ICMPV6_ANY_IN =
      Set.of(1, 2, 3, 4, 128, 129, 144, 145, 146, 147);
  private static final Set<Integer> ICMPV6_ANY_OUT = Set.of(1, 2, 3, 4, 128, 129);
  private static final Set<Integer> ICMPV6_HOP_LIMIT_255 =
      Set.of(133, 134, 135, 136, 141, 142, 148, 149);
  private static final Set<Integer> ICMPV6_LINK_LOCAL = Set.of(130, 131, 132, 143);
  private static final Set<Integer> ICMPV6_LINK_LOCAL_HOP_LIMIT_1 = Set.of(151, 152, 153);

  private final ImmutableList<UfwRuleMatcher> rules;
  private final ImmutableList<Integer> numbers;
  private final UfwPolicy incoming;
  private final UfwPolicy outgoing;
  private final boolean ipv6Enabled;

  private UfwEvaluator(UfwRuleSet set, UfwPolicy incoming, UfwPolicy outgoing) {
    this.incoming = checkPolicy(incoming, "incoming");
    this.outgoing = checkPolicy(outgoing, "outgoing");
    this.ipv6Enabled = set.ipv6Enabled();
    ImmutableList.Builder<UfwRuleMatcher> r = ImmutableList.builder();
    ImmutableList.Builder<Integer> n = ImmutableList.builder();
    // ufw status numbered: IPv4 rules, then IPv6 rules; an application tuple counts once
    Set<String> seenApps = new HashSet<>();
    int count = 0;
    for (List<UfwRule> list : List.of(set.ipv4Rules(), set.ipv6Rules())) {
      for (UfwRule rule : list) {
        if (!rule.isAppRule() || seenApps.add(appTuple(rule))) {
          count++;
        }
        r.add(new UfwRuleMatcher(rule));
        n.add(count);
      }
    }
    this.rules = r.build();
    this.numbers = n.build();
  }

  /**
   * An evaluator for a rule set (its IPv4 and IPv6 rules in order, application rules expanded, and
   * its {@code IPV6} setting) with the default incoming and outgoing policies.
   *
   * @throws IllegalArgumentException for a policy of {@code skip}, or a rule still naming an
   *     unexpanded application profile as its port
   */
  public static UfwEvaluator of(UfwRuleSet ruleSet, UfwPolicy incoming, UfwPolicy outgoing) {
    return new UfwEvaluator(requireNonNull(ruleSet, "ruleSet"), incoming, outgoing);
  }

  private static UfwPolicy checkPolicy(UfwPolicy policy, String which) {
    requireNonNull(policy, which);
    if (policy == UfwPolicy.SKIP) {
      throw new IllegalArgumentException("skip is not a default " + which + " policy");
    }
    return policy;
  }

  /** What ufw does with the packet, and which rule, built-in accept or policy decides it. */
  public UfwDecision evaluate(Packet packet) {
    requireNonNull(packet, "packet");
    Optional<UfwDecision> before = before(packet);
    if (before.isPresent()) {
      return before.get();
    }
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).matches(packet)) {
        return UfwDecision.byRule(rules.get(i).rule(), numbers.get(i));
      }
    }
    return UfwDecision.byPolicy(packet.direction() == UfwDirection.IN ? incoming : outgoing);
  }

  private Optional<UfwDecision> before(Packet p) {
    if (p.interfaceName().equals("lo")) {
      return accept(UfwBuiltInRule.LOOPBACK);
    }
    if (p.v6() && !ipv6Enabled) {
      return Optional.of(UfwDecision.byBuiltIn(UfwBuiltInRule.IPV6_DISABLED, UfwVerdict.DENY));
    }
    if (!p.newConnection()) {
      return accept(UfwBuiltInRule.ESTABLISHED);
    }
    boolean in = p.direction() == UfwDirection.IN;
    if (p.v6()) {
      if (p.protocol() == PacketProtocol.ICMPV6 && icmpv6Accepted(p, in)) {
        return accept(UfwBuiltInRule.ICMPV6);
      }
      if (!in || p.protocol() != PacketProtocol.UDP) {
        return Optional.empty();
      }
      if (p.sourcePort() == 547
          && p.destinationPort() == 546
          && LINK_LOCAL.contains(p.source())
          && LINK_LOCAL.contains(p.destination())) {
        return accept(UfwBuiltInRule.DHCPV6_CLIENT);
      }
      return multicast(p, MDNS_V6, UPNP_V6);
    }
    if (!in) {
      return Optional.empty();
    }
    if (p.protocol() == PacketProtocol.ICMP && ICMP_IN.contains(p.icmpType().orElseThrow())) {
      return accept(UfwBuiltInRule.ICMP);
    }
    if (p.protocol() != PacketProtocol.UDP) {
      return Optional.empty();
    }
    if (p.sourcePort() == 67 && p.destinationPort() == 68) {
      return accept(UfwBuiltInRule.DHCP_CLIENT);
    }
    return multicast(p, MDNS_V4, UPNP_V4);
  }

  private static Optional<UfwDecision> multicast(Packet p, InetAddress mdns, InetAddress upnp) {
    if (p.destinationPort() == 5353 && p.destination().equals(mdns)) {
      return accept(UfwBuiltInRule.MDNS);
    }
    if (p.destinationPort() == 1900 && p.destination().equals(upnp)) {
      return accept(UfwBuiltInRule.UPNP);
    }
    return Optional.empty();
  }

  private static boolean icmpv6Accepted(Packet p, boolean in) {
    int type = p.icmpType().orElseThrow();
    if ((in ? ICMPV6_ANY_IN : ICMPV6_ANY_OUT).contains(type)) {
      return true;
    }
    if (ICMPV6_HOP_LIMIT_255.contains(type)) {
      return p.hopLimit() == 255;
    }
    if (ICMPV6_LINK_LOCAL.contains(type)) {
      return LINK_LOCAL.contains(p.source());
    }
    return ICMPV6_LINK_LOCAL_HOP_LIMIT_1.contains(type)
        && LINK_LOCAL.contains(p.source())
        && p.hopLimit() == 1;
  }

  private static Optional<UfwDecision> accept(UfwBuiltInRule builtIn) {
    return Optional.of(UfwDecision.byBuiltIn(builtIn, UfwVerdict.ALLOW));
  }

  /** ufw's get_app_tuple(): what makes the lines of one application rule one numbered rule. */
  private static String appTuple(UfwRule r) {
    String dapp = r.destinationApp().orElse("");
    String sapp = r.sourceApp().orElse("");
    String t = dapp + " " + r.destination() + " " + sapp + " " + r.source();
    if (dapp.isEmpty()) {
      t = r.destinationPort() + " " + r.destination() + " " + sapp + " " + r.source();
    }
    if (sapp.isEmpty()) {
      t = dapp + " " + r.destination() + " " + r.sourcePort() + " " + r.source();
    }
    if (r.interfaceIn().isEmpty() && r.interfaceOut().isEmpty()) {
      t += " " + r.direction().word();
    } else {
      t += r.interfaceIn().map(i -> " in_" + i).orElse("");
      t += r.interfaceOut().map(o -> " out_" + o).orElse("");
    }
    return t;
  }
}
