package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwRule;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lock-out guard: whether, once a change is applied, ufw would drop or reject a new SSH
 * connection of the operator's, decided by {@link UfwEvaluator}. Checked: a TCP connection to each
 * SSH port, from the operator's address when {@link SshAccess} knows it (in that address's IP
 * version), else from anywhere over IPv4 and, when IPv6 is on, over IPv6. "Anywhere" is an address
 * (interface, source port) that no rule of the state singles out, so a rule admitting SSH only from
 * some networks, to one address or on one interface does not count as admitting an operator whose
 * address is not known. A disabled ufw blocks nothing. Whether a risk refuses the change or is
 * overridden ({@code --force}) is the caller's decision.
 *
 * <pre>{@code
 * Optional<LockoutRisk> risk = LockoutGuard.check(UfwFirewallState.of(treeAfter), SshAccess.discover(ssh, files));
 * if (risk.isPresent() && !force) throw new IllegalStateException(risk.get().message());
 * }</pre>
 */
public final class LockoutGuard {
  private static final List<InetAddress> V4_ANYWHERE =
      addresses(
          "203.0.113.113",
          "198.51.100.113",
          "192.0.2.113",
          "100.64.113.113",
          "10.113.113.113",
          "172.16.113.113",
          "192.168.113.113",
          "1.1.113.113",
          "126.113.113.113",
          "223.113.113.113");
  private static final List<InetAddress> V6_ANYWHERE =
      addresses(
          "2001:db8:113::113",
          "2001:db8:ffff::113",
          "fd00:113::113",
          "2a00:113::113",
          "2600:113::113",
          "3fff:113::113",
          "fe80::113");
  private static final List<Integer> SOURCE_PORTS = List.of(54321, 40000, 61000, 33333, 1025);
  private static final String INTERFACE = "hgany";

  private LockoutGuard() {}

  private static List<InetAddress> addresses(String... text) {
    List<InetAddress> out = new ArrayList<>();
    for (String t : text) {
      out.add(InetAddresses.forString(t));
    }
    return out;
  }

  /**
   * The first new SSH connection that {@code after} would drop or reject, naming the rule or policy
   * at fault; empty when every one checked gets in.
   *
   * @throws IllegalArgumentException when a rule still names an unexpanded application profile
   */
  public static Optional<LockoutRisk> check(UfwFirewallState after, SshAccess access) {
    requireNonNull(after, "after");
    requireNonNull(access, "access");
    if (!after.enabled()) {
      return Optional.empty();
    }
    UfwEvaluator evaluator = UfwEvaluator.of(after.rules(), after.incoming(), after.outgoing());
    List<Boolean> versions = new ArrayList<>();
    if (access.source().isPresent()) {
      versions.add(access.source().get() instanceof Inet6Address);
    } else {
      versions.add(false);
      if (after.ipv6Enabled()) {
        versions.add(true);
      }
    }
    List<UfwRule> all = new ArrayList<>(after.rules().ipv4Rules());
    all.addAll(after.rules().ipv6Rules());
    String interfaceName = access.interfaceName().orElseGet(() -> unnamedInterface(all));
    for (boolean v6 : versions) {
      List<UfwRule> rules = v6 ? after.rules().ipv6Rules() : after.rules().ipv4Rules();
      InetAddress source =
          access
              .source()
              .orElseGet(() -> unnamed(v6 ? V6_ANYWHERE : V4_ANYWHERE, rules, UfwRule::source));
      InetAddress destination =
          access
              .destination()
              .filter(d -> (d instanceof Inet6Address) == v6)
              .orElseGet(
                  () -> unnamed(v6 ? V6_ANYWHERE : V4_ANYWHERE, rules, UfwRule::destination));
      if (destination.equals(source)) {
        List<InetAddress> others = new ArrayList<>(v6 ? V6_ANYWHERE : V4_ANYWHERE);
        others.remove(source);
        destination = unnamed(others, rules, UfwRule::destination);
      }
      int sourcePort = unnamedSourcePort(rules);
      for (int port : access.ports()) {
        Packet p =
            Packet.builder()
                .direction(UfwDirection.IN)
                .interfaceName(interfaceName)
                .protocol(PacketProtocol.TCP)
                .source(source)
                .sourcePort(sourcePort)
                .destination(destination)
                .destinationPort(port)
                .build();
        UfwDecision d = evaluator.evaluate(p);
        if (!d.accepts()) {
          return Optional.of(new LockoutRisk(p, d, access.source().isPresent()));
        }
      }
    }
    return Optional.empty();
  }

  /** The first candidate inside no rule's address (other than anywhere), else the first. */
  private static InetAddress unnamed(
      List<InetAddress> candidates, List<UfwRule> rules, Function<UfwRule, String> address) {
    List<UfwRuleMatcher.AddressPrefix> named = new ArrayList<>();
    for (UfwRule r : rules) {
      String a = address.apply(r);
      if (!a.endsWith("/0")) {
        named.add(UfwRuleMatcher.AddressPrefix.of(a));
      }
    }
    for (InetAddress c : candidates) {
      if (named.stream().noneMatch(n -> n.contains(c))) {
        return c;
      }
    }
    return candidates.get(0);
  }

  private static int unnamedSourcePort(List<UfwRule> rules) {
    List<UfwRuleMatcher.PortList> named = new ArrayList<>();
    for (UfwRule r : rules) {
      String port = r.sourcePort();
      if (!port.equals("any") && !r.sourceApp().map(port::equals).orElse(false)) {
        named.add(UfwRuleMatcher.PortList.of(port));
      }
    }
    for (int c : SOURCE_PORTS) {
      if (named.stream().noneMatch(n -> n.contains(c))) {
        return c;
      }
    }
    return SOURCE_PORTS.get(0);
  }

  private static String unnamedInterface(List<UfwRule> rules) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (UfwRule r : rules) {
      r.interfaceIn().ifPresent(b::add);
    }
    ImmutableList<String> named = b.build();
    for (int i = 0; i < 100; i++) {
      String c = INTERFACE + i;
      if (named.stream().noneMatch(n -> UfwRuleMatcher.nameMatches(n, c))) {
        return c;
      }
    }
    return INTERFACE + 0;
  }
}
