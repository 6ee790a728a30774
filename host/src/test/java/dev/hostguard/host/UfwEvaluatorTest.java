package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UfwEvaluatorTest {
  private static final String HOST = "192.0.2.1";
  private static final String CLIENT = "192.0.2.7";

  private static UfwRule.Builder rule(UfwAction action) {
    return UfwRule.builder().action(action);
  }

  private static UfwEvaluator evaluator(List<UfwRule> v4, List<UfwRule> v6) {
    UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(v4).ipv6Rules(v6).build();
    return UfwEvaluator.of(set, UfwPolicy.DENY, UfwPolicy.ALLOW);
  }

  private static UfwEvaluator evaluator(UfwRule... v4) {
    return evaluator(List.of(v4), List.of());
  }

  private static Packet.Builder in(PacketProtocol proto, String src, String dst) {
    return Packet.builder()
        .direction(UfwDirection.IN)
        .interfaceName("eth0")
        .protocol(proto)
        .source(InetAddresses.forString(src))
        .destination(InetAddresses.forString(dst));
  }

  private static Packet tcpIn(int dport) {
    return in(PacketProtocol.TCP, CLIENT, HOST).sourcePort(40000).destinationPort(dport).build();
  }

  private static Packet udpIn(int dport) {
    return in(PacketProtocol.UDP, CLIENT, HOST).sourcePort(40000).destinationPort(dport).build();
  }

  @Test
  void theFirstMatchingRuleDecides() {
    UfwRule allow = rule(UfwAction.ALLOW).protocol(UfwProtocol.TCP).destinationPort("22").build();
    UfwRule deny = rule(UfwAction.DENY).protocol(UfwProtocol.TCP).destinationPort("22").build();

    UfwDecision d = evaluator(allow, deny).evaluate(tcpIn(22));
    assertThat(d.verdict()).isEqualTo(UfwVerdict.ALLOW);
    assertThat(d.rule()).contains(allow);
    assertThat(d.ruleNumber()).contains(1);

    UfwDecision reversed = evaluator(deny, allow).evaluate(tcpIn(22));
    assertThat(reversed.verdict()).isEqualTo(UfwVerdict.DENY);
    assertThat(reversed.rule()).contains(deny);
  }

  @Test
  void noMatchingRuleLeavesTheDefaultPolicy() {
    UfwRule allow = rule(UfwAction.ALLOW).protocol(UfwProtocol.TCP).destinationPort("22").build();
    UfwDecision d = evaluator(allow).evaluate(tcpIn(23));
    assertThat(d.verdict()).isEqualTo(UfwVerdict.DENY);
    assertThat(d.policy()).contains(UfwPolicy.DENY);
    assertThat(d.rule()).isEmpty();
    assertThat(d.ruleNumber()).isEmpty();

    Packet out =
        Packet.builder()
            .from(tcpIn(443))
            .direction(UfwDirection.OUT)
            .source(InetAddresses.forString(HOST))
            .destination(InetAddresses.forString(CLIENT))
            .build();
    assertThat(evaluator(allow).evaluate(out).policy()).contains(UfwPolicy.ALLOW);
    UfwEvaluator rejecting = UfwEvaluator.of(UfwRuleSet.empty(), UfwPolicy.REJECT, UfwPolicy.DENY);
    assertThat(rejecting.evaluate(tcpIn(1)).verdict()).isEqualTo(UfwVerdict.REJECT);
    assertThat(rejecting.evaluate(out).verdict()).isEqualTo(UfwVerdict.DENY);
  }

  @Test
  void portRangesAndListsAsMultiport() {
    UfwRule range =
        rule(UfwAction.ALLOW).protocol(UfwProtocol.TCP).destinationPort("6000:6007,80").build();
    UfwEvaluator e = evaluator(range);
    assertThat(e.evaluate(tcpIn(6000)).rule()).contains(range);
    assertThat(e.evaluate(tcpIn(6007)).rule()).contains(range);
    assertThat(e.evaluate(tcpIn(80)).rule()).contains(range);
    assertThat(e.evaluate(tcpIn(5999)).rule()).isEmpty();
    assertThat(e.evaluate(tcpIn(6008)).rule()).isEmpty();
    assertThat(e.evaluate(tcpIn(81)).rule()).isEmpty();
    assertThat(e.evaluate(udpIn(6003)).rule()).as("tcp rule, udp packet").isEmpty();
  }

  @Test
  void sourcePortsAndAddressPrefixes() {
    UfwRule r =
        rule(UfwAction.REJECT)
            .protocol(UfwProtocol.UDP)
            .source("198.51.100.0/24")
            .sourcePort("53")
            .destination("192.0.2.0/28")
            .build();
    UfwEvaluator e = evaluator(r);
    Packet.Builder base = in(PacketProtocol.UDP, "198.51.100.200", "192.0.2.15").destinationPort(9);
    assertThat(e.evaluate(base.sourcePort(53).build()).verdict()).isEqualTo(UfwVerdict.REJECT);
    assertThat(e.evaluate(base.sourcePort(54).build()).rule()).isEmpty();
    assertThat(
            e.evaluate(
                    in(PacketProtocol.UDP, "198.51.101.1", HOST)
                        .sourcePort(53)
                        .destinationPort(9)
                        .build())
                .rule())
        .isEmpty();
    assertThat(
            e.evaluate(
                    in(PacketProtocol.UDP, "198.51.100.1", "192.0.2.16")
                        .sourcePort(53)
                        .destinationPort(9)
                        .build())
                .rule())
        .as("192.0.2.16 is outside 192.0.2.0/28")
        .isEmpty();
  }

  @Test
  void protocolAnyWithPortsMeansTcpAndUdpOnly() {
    UfwRule any = rule(UfwAction.ALLOW).destinationPort("53").build();
    UfwEvaluator e = evaluator(any);
    assertThat(e.evaluate(tcpIn(53)).rule()).contains(any);
    assertThat(e.evaluate(udpIn(53)).rule()).contains(any);
    Packet esp = in(PacketProtocol.ESP, CLIENT, HOST).build();
    assertThat(e.evaluate(esp).rule()).isEmpty();
  }

  @Test
  void protocolAnyWithoutPortsMatchesEveryProtocol() {
    UfwRule from = rule(UfwAction.DENY).source("192.0.2.0/24").build();
    UfwEvaluator e = evaluator(from);
    Packet echoReply = in(PacketProtocol.ICMP, CLIENT, HOST).icmpType(0).build();
    assertThat(e.evaluate(echoReply).rule()).contains(from);
    assertThat(e.evaluate(in(PacketProtocol.GRE, CLIENT, HOST).build()).rule()).contains(from);
    UfwRule esp = rule(UfwAction.ALLOW).protocol(UfwProtocol.ESP).build();
    assertThat(evaluator(esp).evaluate(in(PacketProtocol.ESP, CLIENT, HOST).build()).rule())
        .contains(esp);
    assertThat(evaluator(esp).evaluate(in(PacketProtocol.AH, CLIENT, HOST).build()).rule())
        .isEmpty();
  }

  @Test
  void ipv4RulesMatchOnlyIpv4PacketsAndIpv6RulesAreNumberedAfterThem() {
    UfwRule v4 = rule(UfwAction.ALLOW).protocol(UfwProtocol.TCP).destinationPort("22").build();
    UfwRule v4b = rule(UfwAction.ALLOW).protocol(UfwProtocol.TCP).destinationPort("80").build();
    UfwRule v6 = v4.withV6(true);
    UfwEvaluator e = evaluator(List.of(v4, v4b), List.of(v6));
    Packet p6 =
        in(PacketProtocol.TCP, "2001:db8::7", "2001:db8::1")
            .sourcePort(40000)
            .destinationPort(22)
            .build();
    UfwDecision d6 = e.evaluate(p6);
    assertThat(d6.rule()).contains(v6);
    assertThat(d6.ruleNumber()).contains(3);
    assertThat(e.evaluate(tcpIn(22)).ruleNumber()).contains(1);
    assertThat(evaluator(List.of(v4), List.of()).evaluate(p6).policy()).contains(UfwPolicy.DENY);

    UfwRule prefix6 = rule(UfwAction.DENY).v6(true).source("2001:db8::/33").build();
    UfwEvaluator e6 = evaluator(List.of(), List.of(prefix6));
    assertThat(e6.evaluate(p6).rule()).contains(prefix6);
    Packet outside =
        in(PacketProtocol.TCP, "2001:db8:8000::7", "2001:db8::1")
            .sourcePort(1)
            .destinationPort(22)
            .build();
    assertThat(e6.evaluate(outside).rule()).isEmpty();
  }

  @Test
  void interfacesAndDirections() {
    UfwRule onEth1 =
        rule(UfwAction.ALLOW)
            .interfaceIn("eth1")
            .protocol(UfwProtocol.TCP)
            .destinationPort("22")
            .build();
    UfwRule wildcard = rule(UfwAction.REJECT).interfaceIn("wg+").build();
    UfwRule outRule =
        rule(UfwAction.DENY)
            .direction(UfwDirection.OUT)
            .protocol(UfwProtocol.TCP)
            .destinationPort("22")
            .build();
    UfwEvaluator e = evaluator(onEth1, wildcard, outRule);
    assertThat(e.evaluate(tcpIn(22)).rule()).as("eth0 is not eth1").isEmpty();
    assertThat(e.evaluate(Packet.builder().from(tcpIn(22)).interfaceName("eth1").build()).rule())
        .contains(onEth1);
    assertThat(e.evaluate(Packet.builder().from(tcpIn(22)).interfaceName("wg0").build()).rule())
        .contains(wildcard);
    Packet out =
        Packet.builder().from(tcpIn(22)).direction(UfwDirection.OUT).interfaceName("eth1").build();
    UfwDecision d = e.evaluate(out);
    assertThat(d.rule()).contains(outRule);
    assertThat(d.ruleNumber()).contains(3);
    UfwRule outOnEth1 =
        rule(UfwAction.DENY).direction(UfwDirection.OUT).interfaceOut("eth1").build();
    assertThat(evaluator(outOnEth1).evaluate(out).rule()).contains(outOnEth1);
    assertThat(evaluator(outOnEth1).evaluate(tcpIn(22)).rule()).isEmpty();
  }

  @Test
  void routeRulesDoNotDecideLocalPackets() {
    UfwRule route = rule(UfwAction.ALLOW).route(true).build();
    assertThat(evaluator(route).evaluate(tcpIn(22)).policy()).contains(UfwPolicy.DENY);
  }

  @Test
  void limitAcceptsASingleNewConnection() {
    UfwRule limit = rule(UfwAction.LIMIT).protocol(UfwProtocol.TCP).destinationPort("22").build();
    UfwDecision d = evaluator(limit).evaluate(tcpIn(22));
    assertThat(d.verdict()).isEqualTo(UfwVerdict.LIMIT);
    assertThat(d.accepts()).isTrue();
  }

  @Test
  void builtInAcceptsComeBeforeUserRules() {
    UfwEvaluator denyAll = evaluator(rule(UfwAction.DENY).build());
    assertThat(
            denyAll
                .evaluate(Packet.builder().from(tcpIn(22)).interfaceName("lo").build())
                .builtIn())
        .contains(UfwBuiltInRule.LOOPBACK);
    assertThat(
            denyAll
                .evaluate(Packet.builder().from(tcpIn(22)).newConnection(false).build())
                .builtIn())
        .contains(UfwBuiltInRule.ESTABLISHED);
    assertThat(
            denyAll.evaluate(in(PacketProtocol.ICMP, CLIENT, HOST).icmpType(8).build()).builtIn())
        .contains(UfwBuiltInRule.ICMP);
    assertThat(denyAll.evaluate(in(PacketProtocol.ICMP, CLIENT, HOST).icmpType(13).build()).rule())
        .as("timestamp requests are not accepted by before.rules")
        .isPresent();
    Packet dhcp = in(PacketProtocol.UDP, CLIENT, HOST).sourcePort(67).destinationPort(68).build();
    assertThat(denyAll.evaluate(dhcp).builtIn()).contains(UfwBuiltInRule.DHCP_CLIENT);
    Packet mdns =
        in(PacketProtocol.UDP, CLIENT, "224.0.0.251")
            .sourcePort(5353)
            .destinationPort(5353)
            .build();
    assertThat(denyAll.evaluate(mdns).builtIn()).contains(UfwBuiltInRule.MDNS);
    Packet upnp =
        in(PacketProtocol.UDP, CLIENT, "239.255.255.250")
            .sourcePort(1)
            .destinationPort(1900)
            .build();
    assertThat(denyAll.evaluate(upnp).builtIn()).contains(UfwBuiltInRule.UPNP);
    Packet notUpnp =
        in(PacketProtocol.UDP, CLIENT, HOST).sourcePort(1).destinationPort(1900).build();
    assertThat(denyAll.evaluate(notUpnp).rule()).isPresent();
  }

  @Test
  void icmpv6AcceptsDependOnTypeSourceAndHopLimit() {
    UfwEvaluator denyAll = evaluator(List.of(), List.of(rule(UfwAction.DENY).v6(true).build()));
    Packet.Builder ns = in(PacketProtocol.ICMPV6, "fe80::2", "fe80::1").icmpType(135);
    assertThat(denyAll.evaluate(ns.hopLimit(255).build()).builtIn())
        .contains(UfwBuiltInRule.ICMPV6);
    assertThat(denyAll.evaluate(ns.hopLimit(64).build()).rule()).isPresent();
    Packet mld = in(PacketProtocol.ICMPV6, "2001:db8::2", "ff02::1").icmpType(130).build();
    assertThat(denyAll.evaluate(mld).rule()).as("MLD query from a global source").isPresent();
    Packet dhcp6 =
        in(PacketProtocol.UDP, "fe80::2", "fe80::1").sourcePort(547).destinationPort(546).build();
    assertThat(denyAll.evaluate(dhcp6).builtIn()).contains(UfwBuiltInRule.DHCPV6_CLIENT);
  }

  @Test
  void ipv6OffDropsEveryIpv6PacketButLoopback() {
    UfwRule allow6 = rule(UfwAction.ALLOW).v6(true).build();
    UfwRuleSet set = UfwRuleSet.builder().ipv6Rules(List.of(allow6)).ipv6Enabled(false).build();
    UfwEvaluator e = UfwEvaluator.of(set, UfwPolicy.ALLOW, UfwPolicy.ALLOW);
    Packet p6 =
        in(PacketProtocol.TCP, "2001:db8::7", "2001:db8::1")
            .sourcePort(1)
            .destinationPort(22)
            .build();
    UfwDecision d = e.evaluate(p6);
    assertThat(d.verdict()).isEqualTo(UfwVerdict.DENY);
    assertThat(d.builtIn()).contains(UfwBuiltInRule.IPV6_DISABLED);
    assertThat(e.evaluate(Packet.builder().from(p6).interfaceName("lo").build()).builtIn())
        .contains(UfwBuiltInRule.LOOPBACK);
  }

  @Test
  void anApplicationTupleIsNumberedOnce() {
    UfwRule app1 =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.TCP)
            .destinationPort("80,443")
            .destinationApp("WWW")
            .build();
    UfwRule app2 =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.UDP)
            .destinationPort("80,443")
            .destinationApp("WWW")
            .build();
    UfwRule next = rule(UfwAction.DENY).protocol(UfwProtocol.TCP).destinationPort("22").build();
    UfwEvaluator e = evaluator(app1, app2, next);
    assertThat(e.evaluate(udpIn(443)).ruleNumber()).contains(1);
    assertThat(e.evaluate(tcpIn(22)).ruleNumber()).contains(2);
  }

  @Test
  void refusesWhatItCannotEvaluate() {
    UfwRule template =
        rule(UfwAction.ALLOW).destinationPort("OpenSSH").destinationApp("OpenSSH").build();
    assertThatThrownBy(() -> evaluator(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not expanded");
    assertThatThrownBy(() -> UfwEvaluator.of(UfwRuleSet.empty(), UfwPolicy.SKIP, UfwPolicy.ALLOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skip is not a default incoming policy");
    assertThatThrownBy(
            () ->
                in(PacketProtocol.TCP, CLIENT, "2001:db8::1")
                    .sourcePort(1)
                    .destinationPort(2)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IP version");
    assertThatThrownBy(() -> in(PacketProtocol.TCP, CLIENT, HOST).destinationPort(2).build())
        .hasMessage("source port out of 1-65535: 0");
    assertThatThrownBy(() -> in(PacketProtocol.ICMP, CLIENT, HOST).build())
        .hasMessage("icmp packets need an ICMP type");
    assertThatThrownBy(
            () ->
                new UfwDecision(
                    UfwVerdict.ALLOW,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
