package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lock-out guard on the cases an operator meets: policies, rule order, limit, sources, IPv6.
 */
class LockoutGuardTest {
  private static final SshAccess ANYWHERE = SshAccess.onPort(22);
  private static final UfwRule ALLOW_22 =
      UfwRule.builder().action(UfwAction.ALLOW).destinationPort("22").build();
  private static final UfwRule DENY_22 =
      UfwRule.builder().action(UfwAction.DENY).destinationPort("22").build();
  private static final UfwRule LIMIT_SSH =
      UfwRule.builder()
          .action(UfwAction.LIMIT)
          .protocol(UfwProtocol.TCP)
          .destinationPort("22")
          .build();
  private static final UfwRule ALLOW_22_FROM_OFFICE =
      UfwRule.builder()
          .action(UfwAction.ALLOW)
          .protocol(UfwProtocol.TCP)
          .destinationPort("22")
          .source("198.51.100.0/24")
          .build();

  /** Rules in both files (as {@code ufw allow 22} adds them), IPv6 on. */
  private static UfwFirewallState both(UfwPolicy incoming, UfwRule... rules) {
    List<UfwRule> v6 = new ArrayList<>();
    for (UfwRule r : rules) {
      v6.add(r.withV6(true));
    }
    UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(List.of(rules)).ipv6Rules(v6).build();
    return new UfwFirewallState(true, set, incoming, UfwPolicy.ALLOW);
  }

  /** Rules in user.rules only. */
  private static UfwFirewallState v4Only(boolean ipv6, UfwPolicy incoming, UfwRule... rules) {
    UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(List.of(rules)).ipv6Enabled(ipv6).build();
    return new UfwFirewallState(true, set, incoming, UfwPolicy.ALLOW);
  }

  @Test
  void defaultDenyWithoutAnSshAllowIsRefusedNamingThePolicy() {
    Optional<LockoutRisk> risk = LockoutGuard.check(both(UfwPolicy.DENY), ANYWHERE);
    assertThat(risk).isPresent();
    assertThat(risk.get().decision().policy()).contains(UfwPolicy.DENY);
    assertThat(risk.get().connection().v6()).isFalse();
    assertThat(risk.get().message())
        .isEqualTo(
            "a new SSH connection (IPv4) from anywhere (203.0.113.113) to port 22 would be dropped"
                + " by the default incoming policy (deny)");
    assertThat(LockoutGuard.check(both(UfwPolicy.REJECT), ANYWHERE).orElseThrow().message())
        .endsWith("would be rejected by the default incoming policy (reject)");
    assertThat(LockoutGuard.check(both(UfwPolicy.ALLOW), ANYWHERE)).isEmpty();
  }

  @Test
  void aDenyBeforeTheAllowIsRefusedNamingThatRule() {
    LockoutRisk risk =
        LockoutGuard.check(both(UfwPolicy.DENY, DENY_22, ALLOW_22), ANYWHERE).orElseThrow();
    assertThat(risk.decision().ruleNumber()).contains(1);
    assertThat(risk.decision().rule()).contains(DENY_22);
    assertThat(risk.message()).endsWith("to port 22 would be dropped by rule 1 'deny 22'");
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, ALLOW_22, DENY_22), ANYWHERE)).isEmpty();
  }

  @Test
  void limitLetsANewConnectionIn() {
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, LIMIT_SSH), ANYWHERE)).isEmpty();
    assertThat(LockoutGuard.check(both(UfwPolicy.REJECT, LIMIT_SSH, DENY_22), ANYWHERE)).isEmpty();
  }

  @Test
  void aSourceSpecificAllowAdmitsOnlyAKnownOperatorFromThere() {
    UfwFirewallState office = both(UfwPolicy.DENY, ALLOW_22_FROM_OFFICE);
    SshAccess fromOffice = ANYWHERE.withSource(InetAddresses.forString("198.51.100.7"));
    SshAccess fromElsewhere = ANYWHERE.withSource(InetAddresses.forString("203.0.113.9"));
    assertThat(LockoutGuard.check(office, fromOffice)).isEmpty();
    assertThat(LockoutGuard.check(office, fromElsewhere).orElseThrow().message())
        .isEqualTo(
            "a new SSH connection (IPv4) from 203.0.113.9 to port 22 would be dropped by the"
                + " default incoming policy (deny)");
    // not knowing the operator's address, an allow for one network does not count
    LockoutRisk unknown = LockoutGuard.check(office, ANYWHERE).orElseThrow();
    assertThat(unknown.sourceKnown()).isFalse();
    assertThat(unknown.connection().source())
        .isNotEqualTo(InetAddresses.forString("198.51.100.113"));
    // a deny for one network before an allow for all: anywhere else still gets in
    UfwRule denyNet = DENY_22.withSource("192.0.2.0/24");
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, denyNet, ALLOW_22), ANYWHERE)).isEmpty();
    assertThat(
            LockoutGuard.check(
                both(UfwPolicy.DENY, denyNet, ALLOW_22),
                ANYWHERE.withSource(InetAddresses.forString("192.0.2.50"))))
        .hasValueSatisfying(r -> assertThat(r.decision().ruleNumber()).contains(1));
  }

  @Test
  void ipv6IsCheckedWhenItIsOn() {
    // allow 22 only in user.rules: IPv6 from anywhere falls to the policy
    LockoutRisk v6 =
        LockoutGuard.check(v4Only(true, UfwPolicy.DENY, ALLOW_22), ANYWHERE).orElseThrow();
    assertThat(v6.connection().v6()).isTrue();
    assertThat(v6.message())
        .isEqualTo(
            "a new SSH connection (IPv6) from anywhere (2001:db8:113::113) to port 22 would"
                + " be dropped by the default incoming policy (deny)");
    assertThat(LockoutGuard.check(v4Only(false, UfwPolicy.DENY, ALLOW_22), ANYWHERE)).isEmpty();
    // rules are numbered as ufw status numbered shows them, IPv6 rules after every IPv4 rule
    LockoutRisk numbered =
        LockoutGuard.check(
                v4Only(true, UfwPolicy.DENY, ALLOW_22.withSource("192.0.2.0/24"), DENY_22),
                ANYWHERE)
            .orElseThrow();
    assertThat(numbered.message()).endsWith("by rule 2 'deny 22'");
    UfwRuleSet v6Deny =
        UfwRuleSet.builder()
            .ipv4Rules(List.of(ALLOW_22))
            .ipv6Rules(List.of(DENY_22.withV6(true), ALLOW_22.withV6(true)))
            .build();
    assertThat(
            LockoutGuard.check(
                    new UfwFirewallState(true, v6Deny, UfwPolicy.DENY, UfwPolicy.ALLOW), ANYWHERE)
                .orElseThrow()
                .message())
        .endsWith("by rule 2 'deny 22 (v6)'");
    // an operator on IPv6 while IPv6 is off: ufw drops every IPv6 packet
    SshAccess overV6 = ANYWHERE.withSource(InetAddresses.forString("2001:db8::7"));
    assertThat(LockoutGuard.check(v4Only(false, UfwPolicy.ALLOW, ALLOW_22), overV6).orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.decision().builtIn()).contains(UfwBuiltInRule.IPV6_DISABLED);
              assertThat(r.message()).contains("IPv6 is off");
            });
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, ALLOW_22), overV6)).isEmpty();
  }

  @Test
  void aDisabledFirewallBlocksNothing() {
    UfwFirewallState on = both(UfwPolicy.DENY, DENY_22);
    UfwFirewallState off = new UfwFirewallState(false, on.rules(), on.incoming(), on.outgoing());
    assertThat(LockoutGuard.check(on, ANYWHERE)).isPresent();
    assertThat(LockoutGuard.check(off, ANYWHERE)).isEmpty();
  }

  @Test
  void theSshPortAndInterfaceAreTheOnesGiven() {
    UfwRule allow2222 = ALLOW_22.withDestinationPort("2222");
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, allow2222), SshAccess.onPort(2222)))
        .isEmpty();
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, allow2222), SshAccess.onPort(22)))
        .isPresent();
    UfwRule onEth0 = ALLOW_22.withInterfaceIn("eth0");
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, onEth0), ANYWHERE.withInterface("eth0")))
        .isEmpty();
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, onEth0), ANYWHERE)).isPresent();
    // several ports: each must stay reachable
    SshAccess two =
        new SshAccess(
            com.google.common.collect.ImmutableList.of(22, 2222),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(LockoutGuard.check(both(UfwPolicy.DENY, ALLOW_22), two).orElseThrow().message())
        .contains("to port 2222");
  }
}
