package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.hostguard.ufw.AppProfile;
import dev.hostguard.ufw.AppProfiles;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import dev.hostguard.ufw.status.StatusDerivation;
import dev.hostguard.ufw.status.StatusForm;
import dev.hostguard.ufw.status.StatusHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UfwRuleSetAuditTest {
  private static UfwRule.Builder rule(UfwAction a) {
    return UfwRule.builder().action(a);
  }

  private static UfwRule tcp(UfwAction a, String port) {
    return rule(a).protocol(UfwProtocol.TCP).destinationPort(port).build();
  }

  private static final UfwRule SSH = tcp(UfwAction.LIMIT, "22");

  private static UfwRuleSetAudit audit(List<UfwRule> v4, List<UfwRule> v6, boolean ipv6) {
    UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(v4).ipv6Rules(v6).ipv6Enabled(ipv6).build();
    return UfwRuleSetAudit.of(set, UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.DENY);
  }

  private static List<String> lines(UfwRuleSetAudit a) {
    return a.findings().stream().map(AuditFinding::line).toList();
  }

  @Test
  void aRuleAfterTheSameRuleWithAnotherActionIsShadowed() {
    UfwRuleSetAudit a =
        audit(
            List.of(SSH, tcp(UfwAction.ALLOW, "80"), tcp(UfwAction.DENY, "80")), List.of(), false);
    assertThat(lines(a))
        .containsExactly(
            "[ 3] shadowed by [ 2]: deny 80/tcp never applies: allow 80/tcp matches first");
    AuditFinding f = a.findings().get(0);
    assertThat(f.kind()).isEqualTo(AuditFindingKind.SHADOWED);
    assertThat(f.ruleNumber()).contains(3);
    assertThat(f.byRules()).containsExactly(2);
  }

  @Test
  void aNarrowerRuleWithTheSameActionIsRedundant() {
    UfwRule wide =
        rule(UfwAction.ALLOW).protocol(UfwProtocol.TCP).destinationPort("80,443").build();
    UfwRule narrow =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.TCP)
            .destinationPort("443")
            .source("192.0.2.0/24")
            .build();
    assertThat(lines(audit(List.of(SSH, wide, narrow), List.of(), false)))
        .containsExactly(
            "[ 3] redundant after [ 2]: allow from 192.0.2.0/24 to any port 443 proto tcp changes"
                + " nothing: allow 80,443/tcp matches first");
  }

  @Test
  void aRuleCoveredOnlyByTheUnionOfEarlierRulesIsFoundNamingThemAll() {
    UfwRule low =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.TCP)
            .destinationPort("2000")
            .source("10.0.0.0/9")
            .build();
    UfwRule high =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.TCP)
            .destinationPort("1990:2010")
            .source("10.128.0.0/9")
            .build();
    UfwRule deny =
        rule(UfwAction.DENY)
            .protocol(UfwProtocol.TCP)
            .destinationPort("2000")
            .source("10.0.0.0/8")
            .build();
    UfwRule wider = deny.withSource("10.0.0.0/7");
    UfwRuleSetAudit a = audit(List.of(SSH, low, high, deny, wider), List.of(), false);
    assertThat(a.findings()).hasSize(1);
    assertThat(a.findings().get(0).line()).startsWith("[ 4] shadowed by [ 2] [ 3]: ");
  }

  @Test
  void portsProtocolsInterfacesAndDirectionsKeepRulesApart() {
    UfwRule anyProto = rule(UfwAction.ALLOW).destinationPort("53").build(); // tcp and udp
    UfwRule udp = rule(UfwAction.DENY).protocol(UfwProtocol.UDP).destinationPort("53").build();
    UfwRule onEth = tcp(UfwAction.ALLOW, "8080").withInterfaceIn("eth+");
    UfwRule onEth0 = tcp(UfwAction.DENY, "8080").withInterfaceIn("eth0");
    UfwRule onWlan = tcp(UfwAction.DENY, "8080").withInterfaceIn("wlan0");
    UfwRule out = tcp(UfwAction.DENY, "8080").withDirection(UfwDirection.OUT);
    UfwRule esp = rule(UfwAction.DENY).protocol(UfwProtocol.ESP).build();
    UfwRule all = rule(UfwAction.ALLOW).build();
    UfwRule gre = rule(UfwAction.DENY).protocol(UfwProtocol.GRE).build();
    UfwRuleSetAudit a =
        audit(
            List.of(SSH, anyProto, udp, onEth, onEth0, onWlan, out, esp, all, gre),
            List.of(),
            false);
    // 3 udp ⊂ 53 any; 5 eth0 ⊂ eth+; 10 gre ⊂ all; 6 wlan0, 7 (out), 8 esp, 9 are not covered
    assertThat(a.findings())
        .extracting(f -> f.ruleNumber().orElseThrow())
        .containsExactly(3, 5, 10);
    assertThat(a.findings().get(2).byRules()).containsExactly(9);
  }

  @Test
  void applicationRulesCountOnceAsUfwStatusNumberedCountsThem() {
    AppProfiles profiles =
        AppProfiles.of(
            List.of(AppProfile.of("Samba", "t", "d", List.of("137,138/udp", "139,445/tcp"))),
            ServicesDatabase.builder().build());
    UfwRule sambaUdp =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.UDP)
            .destinationPort("137,138")
            .destinationApp("Samba")
            .build();
    UfwRule sambaTcp =
        rule(UfwAction.ALLOW)
            .protocol(UfwProtocol.TCP)
            .destinationPort("139,445")
            .destinationApp("Samba")
            .build();
    UfwRule deny445 = tcp(UfwAction.DENY, "445");
    // an unexpanded template (the port still names the profile) expands through the profiles
    UfwRule template =
        rule(UfwAction.ALLOW)
            .destinationPort("Samba")
            .destinationApp("Samba")
            .source("192.0.2.0/24")
            .build();
    List<UfwRule> v4 = List.of(SSH, sambaUdp, sambaTcp, deny445, template);
    UfwRuleSet set =
        UfwRuleSet.builder().ipv4Rules(v4).ipv6Enabled(false).applicationProfiles(profiles).build();
    UfwRuleSetAudit a = UfwRuleSetAudit.of(set, UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.DENY);
    assertThat(lines(a))
        .containsExactly(
            "[ 3] shadowed by [ 2]: deny 445/tcp never applies: allow Samba matches first",
            "[ 4] redundant after [ 2]: allow from 192.0.2.0/24 to any app Samba changes nothing:"
                + " allow Samba matches first");
    // ufw status numbered (derived as ufw derives it, checked against the real ufw elsewhere)
    // shows four rules: 22/tcp, Samba, 445/tcp, Samba from 192.0.2.0/24
    StatusHeader header =
        StatusHeader.of(
            UfwConf.parse("ufw.conf", "ENABLED=yes\nLOGLEVEL=low\n"),
            UfwDefaults.parse(
                "ufw",
                """
                IPV6=no
                DEFAULT_INPUT_POLICY="DROP"
                DEFAULT_OUTPUT_POLICY="ACCEPT"
                DEFAULT_FORWARD_POLICY="DROP"
                DEFAULT_APPLICATION_POLICY="SKIP"
                """),
            false);
    assertThat(StatusDerivation.status(StatusForm.NUMBERED, v4, header).entries()).hasSize(4);
  }

  @Test
  void rulesForAnyAddressWithoutTheirTwinAreNamedWhenIpv6IsOn() {
    UfwRule http = tcp(UfwAction.ALLOW, "80");
    UfwRule lan = tcp(UfwAction.ALLOW, "8080").withSource("192.0.2.0/24");
    UfwRule only6 = tcp(UfwAction.ALLOW, "443").withV6(true);
    List<UfwRule> v4 = List.of(SSH, http, lan);
    List<UfwRule> v6 = List.of(SSH.withV6(true), only6);
    assertThat(lines(audit(v4, v6, true)))
        .containsExactly(
            "[ 2] v4 without v6: allow 80/tcp has no IPv6 twin (ufw adds both for any address)",
            "[ 5] v6 without v4: allow 443/tcp (v6) has no IPv4 twin (ufw adds both for any"
                + " address)");
    // with IPv6 off the v6 file is not read at all
    assertThat(audit(v4, v6, false).findings()).isEmpty();
  }

  @Test
  void aDroppedSshConnectionIsALockOutRisk() {
    UfwRule denySsh = tcp(UfwAction.DENY, "22");
    assertThat(lines(audit(List.of(denySsh, SSH), List.of(), false)))
        .containsExactly(
            "[ 2] shadowed by [ 1]: limit 22/tcp never applies: deny 22/tcp matches first",
            "lock-out risk: a new SSH connection (22/tcp from 203.0.113.7 to 192.0.2.1 on eth0)"
                + " is dropped by [ 1] deny 22/tcp");
    UfwRuleSet empty = UfwRuleSet.builder().ipv6Enabled(false).build();
    UfwRuleSetAudit a =
        UfwRuleSetAudit.of(empty, UfwPolicy.REJECT, UfwPolicy.ALLOW, UfwPolicy.DENY);
    assertThat(lines(a))
        .containsExactly(
            "lock-out risk: a new SSH connection (22/tcp from 203.0.113.7 to 192.0.2.1 on eth0)"
                + " is rejected by the default incoming policy (reject)");
    assertThat(a.withSshPort(2222).findings().get(0).message()).contains("2222/tcp");
    assertThat(
            UfwRuleSetAudit.of(empty, UfwPolicy.ALLOW, UfwPolicy.ALLOW, UfwPolicy.DENY).findings())
        .isEmpty();
  }

  @Test
  void reachabilityListsWhatDiffersFromTheDefaults() {
    UfwRule web = tcp(UfwAction.ALLOW, "80,443");
    UfwRule block = tcp(UfwAction.DENY, "443").withSource("198.51.100.0/24");
    List<UfwRule> v4 =
        List.of(SSH, block, web, tcp(UfwAction.ALLOW, "53").withDirection(UfwDirection.OUT));
    UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(v4).ipv6Enabled(false).build();
    UfwRuleSetAudit a = UfwRuleSetAudit.of(set, UfwPolicy.DENY, UfwPolicy.DENY, UfwPolicy.DENY);
    assertThat(a.reachability())
        .extracting(UfwReach::line)
        .containsExactly(
            "in     v4 [ 1] limit  22/tcp from anywhere",
            "in     v4 [ 3] allow  80,443/tcp from anywhere (less [ 2])",
            "in     v4      deny   everything else (default incoming)",
            "out    v4 [ 4] allow  53/tcp from anywhere",
            "out    v4      deny   everything else (default outgoing)",
            "routed v4      deny   everything else (default routed)",
            "in     v6      deny   everything (IPV6=no)",
            "out    v6      deny   everything (IPV6=no)",
            "routed v6      deny   everything (IPV6=no)");
    assertThat(a.findings()).isEmpty();
  }

  // --- generated rule sets: disjoint by construction (one port per rule), then planted rules ---

  /** A clean set, the same set with planted rules, and the findings the plants must produce. */
  private record Scenario(
      List<UfwRule> cleanV4,
      List<UfwRule> cleanV6,
      List<UfwRule> v4,
      List<UfwRule> v6,
      List<String> expected) {}

  private static final List<String> SOURCES =
      List.of("192.0.2.0/24", "198.51.100.0/24", "10.0.0.0/8", "203.0.113.64/26");

  private static UfwRule base(Random r, int port) {
    UfwRule.Builder b =
        rule(List.of(UfwAction.ALLOW, UfwAction.DENY, UfwAction.REJECT, UfwAction.LIMIT)
                .get(r.nextInt(4)))
            .protocol(List.of(UfwProtocol.TCP, UfwProtocol.UDP, UfwProtocol.ANY).get(r.nextInt(3)));
    b.destinationPort(r.nextBoolean() ? Integer.toString(port) : port + ":" + (port + 5));
    if (r.nextInt(3) == 0) {
      b.source(SOURCES.get(r.nextInt(SOURCES.size())));
    }
    if (r.nextInt(4) == 0) {
      b.interfaceIn(r.nextBoolean() ? "eth0" : "eth+");
    }
    if (r.nextInt(5) == 0) {
      b.direction(UfwDirection.OUT).interfaceIn(Optional.empty());
    }
    UfwRule built = b.build();
    if (built.protocol() == UfwProtocol.ANY && built.multi()) {
      // ufw needs a protocol with a port range
      built = built.withProtocol(UfwProtocol.TCP);
    }
    return built;
  }

  /** A rule inside {@code over}'s match space: one port of it, a narrower source, tcp for any. */
  private static UfwRule inside(Random r, UfwRule over, UfwAction action) {
    String port = over.destinationPort();
    int lo = Integer.parseInt(port.split(":")[0]);
    UfwRule.Builder b = over.toBuilder().action(action).comment(Optional.empty());
    b.destinationPort(Integer.toString(lo + (port.contains(":") ? r.nextInt(6) : 0)));
    if (over.protocol() == UfwProtocol.ANY && r.nextBoolean()) {
      b.protocol(r.nextBoolean() ? UfwProtocol.TCP : UfwProtocol.UDP);
    }
    String src = over.source();
    if (src.equals("0.0.0.0/0") || src.equals("::/0")) {
      if (!over.v6() && r.nextBoolean()) {
        b.source("192.0.2.0/25");
      }
    } else if (src.endsWith("/24")) {
      b.source(src.replace(".0/24", ".128/25"));
    }
    if (over.interfaceIn().isPresent() && over.interfaceIn().get().equals("eth+")) {
      b.interfaceIn("eth1");
    }
    return b.build();
  }

  private static Scenario scenario(long seed) {
    Random r = new Random(seed);
    List<UfwRule> v4 = new ArrayList<>(List.of(SSH));
    int n = 3 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      v4.add(base(r, 1000 + 10 * i));
    }
    List<UfwRule> v6 = new ArrayList<>();
    for (UfwRule x : v4) {
      if (x.source().equals("0.0.0.0/0")) {
        v6.add(x.withV6(true));
      }
    }
    List<UfwRule> cleanV4 = List.copyOf(v4);
    List<UfwRule> cleanV6 = List.copyOf(v6);
    // plant: a shadowed and a redundant rule after random v4 rules, a one-sided rule in each file
    int k = 1 + r.nextInt(n);
    UfwRule over = v4.get(k);
    UfwAction other = over.action() == UfwAction.DENY ? UfwAction.ALLOW : UfwAction.DENY;
    UfwRule shadowed = inside(r, over, other);
    UfwRule redundant = inside(r, over, over.action());
    int at1 = k + 1 + r.nextInt(v4.size() - k);
    v4.add(at1, shadowed);
    int at2 = at1 + 1 + r.nextInt(v4.size() - at1);
    v4.add(at2, redundant);
    UfwRule lone4 = tcp(UfwAction.ALLOW, "5000");
    v4.add(lone4);
    UfwRule lone6 = tcp(UfwAction.DENY, "6000").withV6(true);
    v6.add(r.nextInt(v6.size() + 1), lone6);
    // the twins of the planted v4 rules for any address, so only the lone ones are one-sided
    for (UfwRule p : List.of(shadowed, redundant)) {
      if (p.source().equals("0.0.0.0/0")) {
        v6.add(p.withV6(true));
      }
    }
    int overNumber = v4.indexOf(over) + 1;
    List<String> expected = new ArrayList<>();
    expected.add("[%2d] shadowed by [%2d]".formatted(v4.indexOf(shadowed) + 1, overNumber));
    expected.add(
        "[%2d] redundant after [%2d]".formatted(v4.lastIndexOf(redundant) + 1, overNumber));
    // the v6 copies of the plants sit after the v6 twin of `over` (appended at the end): shadowed
    // too
    for (boolean isShadowed : List.of(true, false)) {
      UfwRule p = isShadowed ? shadowed : redundant;
      int i6 = v6.lastIndexOf(p.withV6(true));
      if (i6 >= 0) {
        int over6 = v4.size() + v6.indexOf(over.withV6(true)) + 1;
        expected.add(
            "[%2d] %s [%2d]"
                .formatted(
                    v4.size() + i6 + 1, isShadowed ? "shadowed by" : "redundant after", over6));
      }
    }
    expected.add("[%2d] v4 without v6".formatted(v4.indexOf(lone4) + 1));
    expected.add("[%2d] v6 without v4".formatted(v4.size() + v6.indexOf(lone6) + 1));
    return new Scenario(cleanV4, cleanV6, v4, v6, expected);
  }

  @Test
  void plantedShadowedRedundantAndOneSidedRulesAreFoundWithTheirNumbers() {
    qt().withFixedSeed(13L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = scenario(seed);
              UfwRuleSetAudit clean = audit(s.cleanV4(), s.cleanV6(), true);
              assertThat(clean.findings()).as("clean twin, seed %d", seed).isEmpty();
              UfwRuleSetAudit planted = audit(s.v4(), s.v6(), true);
              List<String> heads =
                  planted.findings().stream()
                      .map(f -> f.line().substring(0, f.line().indexOf(':')))
                      .sorted()
                      .toList();
              assertThat(heads)
                  .as("seed %d: %s", seed, lines(planted))
                  .containsExactlyInAnyOrderElementsOf(s.expected());
            });
  }

  // --- the evaluator agrees: no packet is ever decided by a rule reported unreachable ---

  private static final List<String> ADDRS =
      List.of("10.0.0.1", "10.0.0.130", "10.1.2.3", "192.0.2.9", "192.0.2.200", "198.51.100.1");
  private static final List<String> PREFIXES =
      List.of("10.0.0.0/8", "10.0.0.0/24", "10.0.0.128/25", "192.0.2.0/24", "10.0.0.1");
  private static final List<String> IFACES = List.of("eth0", "eth1", "eth+", "wlan0");
  private static final List<String> PORTS = List.of("5", "1:8", "4:12", "3,7,9", "2,10:14");

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static UfwRule randomRule(Random r) {
    UfwRule.Builder b = rule(pick(r, List.of(UfwAction.values())));
    UfwProtocol proto =
        pick(r, List.of(UfwProtocol.TCP, UfwProtocol.UDP, UfwProtocol.ANY, UfwProtocol.ESP));
    b.protocol(proto);
    if (proto != UfwProtocol.ESP && r.nextInt(4) != 0) {
      String ports = pick(r, PORTS);
      if (proto == UfwProtocol.ANY && (ports.contains(",") || ports.contains(":"))) {
        b.protocol(UfwProtocol.TCP);
      }
      b.destinationPort(ports);
    }
    if (r.nextBoolean()) {
      b.source(pick(r, PREFIXES));
    }
    if (r.nextInt(4) == 0) {
      b.destination(pick(r, PREFIXES));
    }
    if (r.nextInt(3) == 0) {
      b.direction(UfwDirection.OUT);
    }
    if (r.nextInt(3) == 0) {
      if (r.nextInt(5) == 0) {
        b.interfaceOut(pick(r, IFACES)); // on an input rule: matches nothing
      } else {
        b.interfaceIn(pick(r, IFACES));
      }
    }
    UfwRule built = b.build();
    if (built.direction() == UfwDirection.OUT && built.interfaceIn().isPresent()) {
      built = built.withInterfaceIn(Optional.empty()).withInterfaceOut(built.interfaceIn());
    }
    return built;
  }

  private static Packet randomPacket(Random r) {
    PacketProtocol proto =
        pick(r, List.of(PacketProtocol.TCP, PacketProtocol.UDP, PacketProtocol.ESP));
    Packet.Builder b =
        Packet.builder()
            .direction(r.nextBoolean() ? UfwDirection.IN : UfwDirection.OUT)
            .interfaceName(pick(r, List.of("eth0", "eth1", "eth7", "wlan0", "ppp0")))
            .protocol(proto)
            .source(com.google.common.net.InetAddresses.forString(pick(r, ADDRS)))
            .destination(com.google.common.net.InetAddresses.forString(pick(r, ADDRS)));
    if (proto.hasPorts()) {
      b.sourcePort(1 + r.nextInt(16)).destinationPort(1 + r.nextInt(16));
    }
    return b.build();
  }

  @Test
  void noPacketIsEverDecidedByARuleReportedShadowedOrRedundant() {
    java.util.concurrent.atomic.AtomicInteger reported =
        new java.util.concurrent.atomic.AtomicInteger();
    qt().withFixedSeed(14L)
        .withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<UfwRule> rules = new ArrayList<>();
              int n = 2 + r.nextInt(10);
              for (int i = 0; i < n; i++) {
                rules.add(randomRule(r));
              }
              UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(rules).ipv6Enabled(false).build();
              UfwRuleSetAudit a =
                  UfwRuleSetAudit.of(set, UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.DENY);
              List<Integer> unreachable =
                  a.findings().stream()
                      .filter(
                          f ->
                              f.kind() == AuditFindingKind.SHADOWED
                                  || f.kind() == AuditFindingKind.REDUNDANT)
                      .map(f -> f.ruleNumber().orElseThrow())
                      .toList();
              reported.addAndGet(unreachable.size());
              UfwEvaluator e = UfwEvaluator.of(set, UfwPolicy.DENY, UfwPolicy.ALLOW);
              for (int i = 0; i < 300; i++) {
                Packet p = randomPacket(r);
                Optional<Integer> by = e.evaluate(p).ruleNumber();
                if (by.isPresent()) {
                  assertThat(unreachable)
                      .as("seed %d, %s decided by [%d]: %s", seed, p, by.get(), a.findings())
                      .doesNotContain(by.get());
                }
              }
            });
    assertThat(reported.get()).as("rules reported over 400 sets").isGreaterThan(100);
  }

  @Test
  void aLongBlockListIsAnalysedWithTheRightNumbers() {
    List<UfwRule> v4 = new ArrayList<>(List.of(SSH));
    for (int i = 0; i < 2000; i++) {
      v4.add(rule(UfwAction.DENY).source("198.51." + (i / 250) + "." + (i % 250)).build());
    }
    v4.add(
        rule(UfwAction.DENY)
            .source("198.51.3.17")
            .build()); // the 768th block again: [ 1] takes its 22/tcp
    v4.add(rule(UfwAction.REJECT).source("198.51.4.0/24").build()); // 1001st..1250th blocks
    v4.add(rule(UfwAction.REJECT).source("198.51.0.0/16").build());
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    UfwRuleSetAudit a = audit(v4, List.of(), false);
    System.out.printf(
        "UfwRuleSetAuditTest: %d rules analysed in %.0f ms (%.0f ms CPU)%n",
        v4.size(),
        (System.nanoTime() - start) / 1e6,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
    assertThat(a.findings())
        .extracting(AuditFinding::line)
        .containsExactly(
            "[2002] shadowed by [ 1] [769]: deny from 198.51.3.17 never applies: limit 22/tcp,"
                + " deny from 198.51.3.17 match first");
  }
}
