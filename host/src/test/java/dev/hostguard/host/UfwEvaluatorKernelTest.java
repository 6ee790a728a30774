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
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.UserRulesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as the oracle for {@link UfwEvaluator}: a real ufw (legacy iptables backend, private
 * {@code /etc/ufw}, {@code /etc/default/ufw} and {@code /etc/alternatives}) enabled in a server
 * namespace, joined by a veth pair ({@link NetworkNamespace#link}) to a client namespace that sends
 * TCP connects and UDP datagrams (Python sockets). For each generated IPv4 rule set (written as
 * {@code user.rules}, loaded with {@code ufw reload}) and each probe, the per-row counters of
 * {@code iptables -L ufw-user-input -v -x -n} before and after are mapped to rules through the
 * {@code ### tuple ###} lines: the rows that count the probe must all belong to the rule the
 * evaluator names; when it names the default policy, no user row counts, the jump to ufw-user-input
 * does and no ACCEPT of ufw-before-input does. The client's outcome agrees too (a dropped probe
 * times out; an accepted or rejected one is refused, as nothing listens). N = 24 rule sets × 10
 * probes; {@code -Dhostguard.seed=N} reproduces a run (the seed is printed).
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
    root = true)
class UfwEvaluatorKernelTest {
  private static final int RULE_SETS = 24;
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
  void theRuleTheEvaluatorNamesIsTheOneTheKernelCounts() throws Exception {
    long seed = Long.getLong("hostguard.seed", System.nanoTime());
    System.out.println("UfwEvaluatorKernelTest seed " + seed + " (-Dhostguard.seed=" + seed + ")");
    Random random = new Random(seed);
    long start = System.nanoTime();
    probeAll(seed, random, start);
  }

  private void probeAll(long seed, Random random, long start) throws Exception {
    try (PrivateUfw ufw = PrivateUfw.inNewNamespace(tmp, false);
        NetworkNamespace client = NetworkNamespace.create()) {
      NetworkNamespace server = ufw.namespace();
      Path etcUfw = ufw.etcUfw();
      Path defaults = ufw.defaults();
      String defaultsText = Files.readString(defaults, UTF_8);
      server.link(
          client,
          SERVER_ADDRS.stream().map(a -> a + "/24").toList(),
          CLIENT_ADDRS.stream().map(a -> a + "/24").toList());
      server.run("ufw", "--force", "enable");

      int checked = 0;
      int byRule = 0;
      int byPolicy = 0;
      int overlapping = 0;
      for (int set = 0; set < RULE_SETS; set++) {
        List<UfwRule> rules = new ArrayList<>();
        int count = 3 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
          rules.add(randomRule(random));
        }
        UfwPolicy policy =
            List.of(UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.REJECT).get(random.nextInt(3));
        UfwRuleSet ruleSet = UfwRuleSet.builder().ipv4Rules(rules).ipv6Enabled(false).build();
        String userRules = ruleSet.rulesFile(false, UserRulesOptions.stock()).render();
        assertThat(UserRulesFile.parse("user.rules", userRules).rules()).isEqualTo(rules);
        Files.writeString(etcUfw.resolve("user.rules"), userRules, UTF_8);
        Files.writeString(
            defaults,
            defaultsText.replaceAll(
                "(?m)^DEFAULT_INPUT_POLICY=.*$",
                "DEFAULT_INPUT_POLICY=\"" + policy.target() + "\""),
            UTF_8);
        server.run("ufw", "reload");
        List<Integer> rowTuple = rowTuples(userRules);
        UfwEvaluator evaluator = UfwEvaluator.of(ruleSet, policy, UfwPolicy.ALLOW);
        List<Long> userBefore = counters(server, "ufw-user-input");
        List<Long> beforeBefore = counters(server, "ufw-before-input");
        assertThat(userBefore).hasSize(rowTuple.size());
        for (int p = 0; p < PROBES; p++) {
          Probe probe = randomProbe(random, rules);
          Packet packet = packet(probe);
          UfwDecision d = evaluator.evaluate(packet);
          String outcome =
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
                          .withTimeout(Duration.ofSeconds(20)))
                  .stdout()
                  .strip();
          List<Long> userAfter = counters(server, "ufw-user-input");
          List<Long> beforeAfter = counters(server, "ufw-before-input");
          String context =
              "seed "
                  + seed
                  + ", set "
                  + set
                  + ", policy "
                  + policy.word()
                  + ", probe "
                  + probe
                  + ", decision "
                  + d
                  + "\nrules:\n"
                  + userRules
                  + "\nuser-input before "
                  + userBefore
                  + " after "
                  + userAfter;
          List<Integer> movedTuples = new ArrayList<>();
          for (int row = 0; row < rowTuple.size(); row++) {
            if (userAfter.get(row) > userBefore.get(row)) {
              movedTuples.add(rowTuple.get(row));
            }
          }
          if (d.rule().isPresent()) {
            int index = rules.indexOf(d.rule().get());
            assertThat(movedTuples).as(context).isNotEmpty().containsOnly(index);
            byRule++;
            if (matchingRules(rules, packet) > 1) {
              overlapping++;
            }
          } else {
            assertThat(d.policy()).as(context).contains(policy);
            assertThat(movedTuples).as(context).isEmpty();
            List<String> targets = targets(server, "ufw-before-input");
            for (int row = 0; row < targets.size(); row++) {
              long delta = beforeAfter.get(row) - beforeBefore.get(row);
              if (targets.get(row).equals("ACCEPT")) {
                assertThat(delta).as(context + "\nbefore-input row " + row).isZero();
              }
              if (targets.get(row).equals("ufw-user-input")) {
                assertThat(delta).as(context + "\nbefore-input row " + row).isPositive();
              }
            }
            byPolicy++;
          }
          assertThat(outcome)
              .as(context)
              .isEqualTo(d.verdict() == UfwVerdict.DENY ? "timeout" : "refused");
          userBefore = userAfter;
          beforeBefore = beforeAfter;
          checked++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "UfwEvaluatorKernelTest: N=%d rule sets x %d probes = %d probes checked (%d decided by a"
              + " rule, %d of them with more than one matching rule; %d by the policy) in %.1f s%n",
          RULE_SETS, PROBES, checked, byRule, overlapping, byPolicy, seconds);
      assertThat(checked).isEqualTo(RULE_SETS * PROBES);
      assertThat(byRule).as("probes decided by a rule").isGreaterThan(checked / 3);
      assertThat(byPolicy).as("probes decided by the policy").isGreaterThan(checked / 20);
    }
  }

  private static int matchingRules(List<UfwRule> rules, Packet packet) {
    int n = 0;
    for (UfwRule r : rules) {
      UfwRuleSet one = UfwRuleSet.builder().ipv4Rules(List.of(r)).build();
      if (UfwEvaluator.of(one, UfwPolicy.DENY, UfwPolicy.ALLOW)
          .evaluate(packet)
          .rule()
          .isPresent()) {
        n++;
      }
    }
    return n;
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

  private static List<String> targets(NetworkNamespace server, String chain) {
    List<String> targets = new ArrayList<>();
    for (String row : listing(server, chain)) {
      Matcher m = ROW.matcher(row);
      targets.add(m.find() ? m.group(2) : "");
    }
    return targets;
  }

  private static Packet packet(Probe p) {
    return Packet.builder()
        .direction(UfwDirection.IN)
        .interfaceName(SERVER_IF)
        .protocol(p.protocol())
        .source(InetAddresses.forString(p.source()))
        .sourcePort(p.sourcePort())
        .destination(InetAddresses.forString(p.destination()))
        .destinationPort(p.destinationPort())
        .build();
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

  /** A probe aimed at a random rule (inside its ports and addresses), or anywhere. */
  private static Probe randomProbe(Random r, List<UfwRule> rules) {
    PacketProtocol proto = r.nextBoolean() ? PacketProtocol.TCP : PacketProtocol.UDP;
    String src = pick(r, CLIENT_ADDRS);
    String dst = pick(r, SERVER_ADDRS);
    int dport = 1000 + r.nextInt(9);
    int sport = 41000 + r.nextInt(20000);
    if (r.nextInt(10) < 6) {
      UfwRule target = pick(r, rules);
      if (target.protocol() == UfwProtocol.TCP) {
        proto = PacketProtocol.TCP;
      } else if (target.protocol() == UfwProtocol.UDP) {
        proto = PacketProtocol.UDP;
      }
      if (!target.destinationPort().equals("any")) {
        dport = pickPort(r, target.destinationPort());
      }
      if (!target.sourcePort().equals("any")) {
        sport = pickPort(r, target.sourcePort());
      }
      src = pickInside(r, CLIENT_ADDRS, target.source()).orElse(src);
      dst = pickInside(r, SERVER_ADDRS, target.destination()).orElse(dst);
    }
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
