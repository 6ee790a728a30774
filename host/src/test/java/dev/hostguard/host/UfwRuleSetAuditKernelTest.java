package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.hostguard.exec.Command;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.PrivateUfw;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UserRulesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as the oracle for {@link UfwRuleSetAudit}'s "no packet reaches this rule", set up as
 * {@link UfwEvaluatorKernelTest} is (a real ufw, legacy iptables backend, private {@code /etc/ufw},
 * {@code /etc/default/ufw} and {@code /etc/alternatives}, enabled in a server namespace joined by a
 * veth pair to a client namespace that sends TCP connects and UDP datagrams). Each generated IPv4
 * rule set gets rules planted inside earlier ones (another action, or the same); the probes are
 * aimed inside the rules the analysis reports shadowed or redundant (and at random rules), and the
 * per-row counters of {@code iptables -L ufw-user-input -v -x -n} must never move on the rows of a
 * reported rule. The real {@code ufw status numbered} lists as many rules as the analysis numbers.
 * N = 10 rule sets × 10 probes; {@code -Dhostguard.seed=N} reproduces a run (the seed is printed).
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
    root = true)
class UfwRuleSetAuditKernelTest {
  private static final int RULE_SETS = 10;
  private static final int PROBES = 10;
  private static final String SERVER_IF = NetworkNamespace.LINK_HERE;
  private static final List<String> SERVER_ADDRS = List.of("192.0.2.1", "192.0.2.129");
  private static final List<String> CLIENT_ADDRS =
      List.of(
          "192.0.2.2",
          "192.0.2.3",
          "192.0.2.4",
          "192.0.2.35",
          "192.0.2.36",
          "192.0.2.66",
          "192.0.2.200");
  private static final List<String> SOURCES =
      List.of(
          "192.0.2.0/24",
          "192.0.2.0/26",
          "192.0.2.0/27",
          "192.0.2.32/27",
          "192.0.2.64/27",
          "192.0.2.3",
          "192.0.2.35");
  private static final List<String> DESTINATIONS =
      List.of("192.0.2.1", "192.0.2.129", "192.0.2.128/25", "192.0.2.0/25");
  private static final List<String> PORT_LISTS =
      List.of("1000:1003", "1002:1006", "1001,1004,1006", "1000,1005:1007");
  private static final List<String> INTERFACES = List.of(SERVER_IF, "hgv+", "other0");
  private static final int SPORT_A = 40001;
  private static final int SPORT_B = 40002;
  private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\s+\\d+\\s+(\\S*)\\s");

  private static final String PROBE =
      """
      import socket, sys
      proto, src, sport, dst, dport = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
      s = socket.socket(socket.AF_INET, socket.SOCK_STREAM if proto == 'tcp' else socket.SOCK_DGRAM)
      s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
      s.bind((src, sport))
      s.settimeout(0.3)
      try:
          s.connect((dst, dport))
          if proto == 'tcp':
              print('open')
          else:
              s.send(b'hostguard')
              s.recv(100)
              print('open')
      except ConnectionRefusedError:
          print('refused')
      except (socket.timeout, TimeoutError):
          print('timeout')
      """;

  @TempDir Path tmp;

  private record Probe(
      PacketProtocol protocol,
      String source,
      int sourcePort,
      String destination,
      int destinationPort) {}

  @Test
  void noProbeEverCountsOnARuleReportedShadowedOrRedundant() throws Exception {
    long seed = Long.getLong("hostguard.seed", System.nanoTime());
    System.out.println(
        "UfwRuleSetAuditKernelTest seed " + seed + " (-Dhostguard.seed=" + seed + ")");
    Random random = new Random(seed);
    long start = System.nanoTime();
    probeAll(seed, random, start);
  }

  private void probeAll(long seed, Random random, long start) throws Exception {
    try (PrivateUfw ufw = PrivateUfw.inNewNamespace(tmp, false);
        NetworkNamespace client = NetworkNamespace.create()) {
      NetworkNamespace server = ufw.namespace();
      Path etcUfw = ufw.etcUfw();
      server.link(
          client,
          SERVER_ADDRS.stream().map(a -> a + "/24").toList(),
          CLIENT_ADDRS.stream().map(a -> a + "/24").toList());
      server.run("ufw", "--force", "enable");

      int checked = 0;
      int aimed = 0;
      int reported = 0;
      for (int set = 0; set < RULE_SETS; set++) {
        List<UfwRule> rules = new ArrayList<>();
        int count = 3 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
          rules.add(randomRule(random));
        }
        // plant rules inside earlier ones: the analysis must report them
        for (int i = 0; i < 2; i++) {
          UfwRule over = pick(random, rules);
          int at = rules.indexOf(over) + 1 + random.nextInt(rules.size() - rules.indexOf(over));
          rules.add(at, inside(random, over));
        }
        UfwRuleSet ruleSet = UfwRuleSet.builder().ipv4Rules(rules).ipv6Enabled(false).build();
        String userRules = ruleSet.rulesFile(false, UserRulesOptions.stock()).render();
        Files.writeString(etcUfw.resolve("user.rules"), userRules, UTF_8);
        server.run("ufw", "reload");
        UfwRuleSetAudit audit =
            UfwRuleSetAudit.of(ruleSet, UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.DENY);
        // IPv4 rules without application profiles: rule number N is rules.get(N - 1)
        Set<Integer> unreachable = new HashSet<>();
        for (AuditFinding f : audit.findings()) {
          if (f.kind() == AuditFindingKind.SHADOWED || f.kind() == AuditFindingKind.REDUNDANT) {
            unreachable.add(f.ruleNumber().orElseThrow() - 1);
          }
        }
        reported += unreachable.size();
        String numbered = server.run("ufw", "status", "numbered").stdout();
        assertThat(numbered.lines().filter(l -> l.startsWith("[")).count())
            .as(numbered)
            .isEqualTo(rules.size());
        List<Integer> rowTuple = rowTuples(userRules);
        List<Long> userBefore = counters(server, "ufw-user-input");
        assertThat(userBefore).hasSize(rowTuple.size());
        for (int p = 0; p < PROBES; p++) {
          List<UfwRule> targets = new ArrayList<>();
          if (!unreachable.isEmpty() && random.nextInt(10) < 7) {
            unreachable.forEach(i -> targets.add(rules.get(i)));
            aimed++;
          } else {
            targets.addAll(rules);
          }
          Probe probe = aimedProbe(random, pick(random, targets));
          client
              .executor()
              .execute(
                  Command.of(
                          "/usr/bin/python3",
                          "-c",
                          PROBE,
                          probe.protocol().word(),
                          probe.source(),
                          Integer.toString(probe.sourcePort()),
                          probe.destination(),
                          Integer.toString(probe.destinationPort()))
                      .withTimeout(Duration.ofSeconds(20)));
          List<Long> userAfter = counters(server, "ufw-user-input");
          for (int row = 0; row < rowTuple.size(); row++) {
            if (userAfter.get(row) > userBefore.get(row)) {
              assertThat(unreachable)
                  .as(
                      "seed %d, set %d, probe %s counted on rule %d reported unreachable\n"
                          + "findings %s\nrules:\n%s",
                      seed, set, probe, rowTuple.get(row) + 1, audit.findings(), userRules)
                  .doesNotContain(rowTuple.get(row));
            }
          }
          userBefore = userAfter;
          checked++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "UfwRuleSetAuditKernelTest: N=%d rule sets x %d probes = %d probes checked (%d aimed"
              + " inside the %d rules reported shadowed or redundant) in %.1f s%n",
          RULE_SETS, PROBES, checked, aimed, reported, seconds);
      assertThat(checked).isEqualTo(RULE_SETS * PROBES);
      assertThat(reported).as("rules reported").isGreaterThanOrEqualTo(RULE_SETS);
      assertThat(aimed).as("probes aimed at reported rules").isGreaterThan(checked / 3);
    }
  }

  /** For each {@code -A ufw-user-input} line of user.rules, the index of its tuple. */
  private static List<Integer> rowTuples(String userRules) {
    List<Integer> rows = new ArrayList<>();
    int tuple = -1;
    for (String line : userRules.split("\n", -1)) {
      if (line.startsWith("### tuple ###")) {
        tuple++;
      } else if (line.startsWith("-A ufw-user-input ")) {
        rows.add(tuple);
      }
    }
    return rows;
  }

  private static List<String> listing(NetworkNamespace server, String chain) {
    String out = server.run("iptables", "-L", chain, "-v", "-x", "-n").stdout();
    List<String> rows = new ArrayList<>();
    String[] lines = out.split("\n");
    for (int i = 2; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(lines[i]);
      }
    }
    return rows;
  }

  private static List<Long> counters(NetworkNamespace server, String chain) {
    List<Long> pkts = new ArrayList<>();
    for (String row : listing(server, chain)) {
      Matcher m = ROW.matcher(row);
      if (!m.find()) {
        throw new IllegalStateException("unexpected iptables row: " + row);
      }
      pkts.add(Long.parseLong(m.group(1)));
    }
    return pkts;
  }

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static UfwRule randomRule(Random r) {
    UfwRule.Builder b = UfwRule.builder();
    int a = r.nextInt(10);
    b.action(
        a < 3
            ? UfwAction.ALLOW
            : a < 6 ? UfwAction.DENY : a < 9 ? UfwAction.REJECT : UfwAction.LIMIT);
    UfwProtocol proto = pick(r, List.of(UfwProtocol.TCP, UfwProtocol.UDP, UfwProtocol.ANY));
    b.protocol(proto);
    int portKind = r.nextInt(10);
    if (portKind < 5) {
      b.destinationPort(Integer.toString(1000 + r.nextInt(8)));
    } else if (portKind < 8 && proto != UfwProtocol.ANY) {
      b.destinationPort(pick(r, PORT_LISTS));
    }
    if (r.nextInt(6) == 0) {
      b.sourcePort(
          proto != UfwProtocol.ANY && r.nextBoolean()
              ? SPORT_A + ":" + SPORT_B
              : Integer.toString(SPORT_A));
    }
    if (r.nextInt(3) == 0) {
      b.source(pick(r, SOURCES));
    }
    if (r.nextInt(4) == 0) {
      b.destination(pick(r, DESTINATIONS));
    }
    if (r.nextInt(5) == 0) {
      b.interfaceIn(pick(r, INTERFACES));
    }
    return b.build();
  }

  /** A rule inside {@code over}'s match space, with a random action. */
  private static UfwRule inside(Random r, UfwRule over) {
    UfwRule.Builder b = over.toBuilder().action(pick(r, List.of(UfwAction.values())));
    if (over.protocol() == UfwProtocol.ANY) {
      b.protocol(r.nextBoolean() ? UfwProtocol.TCP : UfwProtocol.UDP);
    }
    if (!over.destinationPort().equals("any")) {
      b.destinationPort(Integer.toString(pickPort(r, over.destinationPort())));
    }
    if (over.source().equals("0.0.0.0/0") && r.nextBoolean()) {
      b.source(pick(r, SOURCES));
    }
    return b.build();
  }

  /** A probe inside a rule's ports and addresses (where the client has such an address). */
  private static Probe aimedProbe(Random r, UfwRule target) {
    PacketProtocol proto =
        target.protocol() == UfwProtocol.TCP
            ? PacketProtocol.TCP
            : target.protocol() == UfwProtocol.UDP
                ? PacketProtocol.UDP
                : r.nextBoolean() ? PacketProtocol.TCP : PacketProtocol.UDP;
    int dport =
        target.destinationPort().equals("any")
            ? 1000 + r.nextInt(9)
            : pickPort(r, target.destinationPort());
    int sport =
        target.sourcePort().equals("any")
            ? 41000 + r.nextInt(20000)
            : pickPort(r, target.sourcePort());
    String src = pickInside(r, CLIENT_ADDRS, target.source()).orElse(pick(r, CLIENT_ADDRS));
    String dst = pickInside(r, SERVER_ADDRS, target.destination()).orElse(pick(r, SERVER_ADDRS));
    return new Probe(proto, src, sport, dst, dport);
  }

  private static int pickPort(Random r, String spec) {
    UfwRuleMatcher.PortList ports = UfwRuleMatcher.PortList.of(spec);
    UfwRuleMatcher.PortList.Range range = pick(r, ports.ranges());
    return range.low() + r.nextInt(range.high() - range.low() + 1);
  }

  private static Optional<String> pickInside(Random r, List<String> addresses, String prefix) {
    UfwRuleMatcher.AddressPrefix p = UfwRuleMatcher.AddressPrefix.of(prefix);
    List<String> inside =
        addresses.stream().filter(a -> p.contains(InetAddresses.forString(a))).toList();
    return inside.isEmpty() ? Optional.empty() : Optional.of(pick(r, inside));
  }
}
