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
 * The kernel as the oracle for {@link UfwEvaluator} over IPv6, incoming and outgoing: a real ufw
 * ({@code IPV6=yes}, legacy backend, private files: {@link PrivateUfw}) enabled in a server
 * namespace joined by a veth pair ({@link NetworkNamespace#link}) to a client namespace. For each
 * generated IPv6 rule set (written as {@code user6.rules}, loaded with {@code ufw reload}) and each
 * probe (a TCP connect or UDP datagram, Python sockets), the per-row counters of {@code ip6tables
 * -L ufw6-user-input} (or {@code -output}) {@code -v -x -n} before and after are mapped to rules
 * through the {@code ### tuple ###} lines: the rows that count the probe must all belong to the
 * rule the evaluator names; when it names the default policy, no user row counts, the jump to the
 * user chain does and no ACCEPT of the before chain does (but its ICMPv6 ones, which neighbour
 * discovery crosses meanwhile, and its loopback one, which an outgoing reject's own error to the
 * local sender crosses). Incoming probes go from the client to the server; outgoing ones from the
 * server to the client, whose rule sets are {@code out} rules under a random outgoing policy. The
 * sender's outcome agrees too: an accepted probe is refused (nothing listens); a dropped one times
 * out; an outgoing datagram dropped or rejected fails with EPERM at once; another rejected probe is
 * refused or, for a TCP connect, which ignores ICMPv6 port-unreachable, times out. N = 24 rule sets
 * (16 incoming, 8 outgoing) × 10 probes; {@code -Dhostguard.seed=N} reproduces a run (the seed is
 * printed).
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
    root = true)
class UfwEvaluatorKernelV6Test {
  private static final int RULE_SETS = 24;
  private static final int PROBES = 10;
  private static final String SERVER_IF = NetworkNamespace.LINK_HERE;
  private static final List<String> SERVER_ADDRS = List.of("2001:db8::1", "2001:db8::81");
  private static final List<String> CLIENT_ADDRS =
      List.of(
          "2001:db8::2",
          "2001:db8::3",
          "2001:db8::4",
          "2001:db8::23",
          "2001:db8::24",
          "2001:db8::42",
          "2001:db8::c8");

  /** Prefixes over the client addresses (as sources of IN rules, destinations of OUT rules). */
  private static final List<String> CLIENT_NETS =
      List.of(
          "2001:db8::/64",
          "2001:db8::/122",
          "2001:db8::/123",
          "2001:db8::20/123",
          "2001:db8::40/123",
          "2001:db8::3",
          "2001:db8::23");

  /** Prefixes over the server addresses. */
  private static final List<String> SERVER_NETS =
      List.of("2001:db8::1", "2001:db8::81", "2001:db8::80/121", "2001:db8::/121");

  private static final List<String> PORT_LISTS =
      List.of("1000:1003", "1002:1006", "1001,1004,1006", "1000,1005:1007");
  private static final List<String> INTERFACES = List.of(SERVER_IF, "hgv+", "other0");
  private static final int SPORT_A = 40001;
  private static final int SPORT_B = 40002;
  private static final Pattern ROW =
      Pattern.compile("^\\s*(\\d+)\\s+\\d+\\s+(\\S*)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s");

  /** ICMPv6 (58): neighbour discovery crosses the before chain's accepts beside any probe. */
  private static final String ICMPV6 = "58";

  private static final String PROBE =
      """
      import socket, sys
      proto, src, sport, dst, dport = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
      s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM if proto == 'tcp' else socket.SOCK_DGRAM)
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
      except PermissionError:
          print('eperm')
      except (socket.timeout, TimeoutError):
          print('timeout')
      """;

  @TempDir Path tmp;

  private record Probe(
      UfwDirection direction,
      PacketProtocol protocol,
      String source,
      int sourcePort,
      String destination,
      int destinationPort) {}

  @Test
  void theRuleTheEvaluatorNamesIsTheOneTheKernelCounts() throws Exception {
    long seed = Long.getLong("hostguard.seed", System.nanoTime());
    System.out.println(
        "UfwEvaluatorKernelV6Test seed " + seed + " (-Dhostguard.seed=" + seed + ")");
    Random random = new Random(seed);
    long start = System.nanoTime();
    try (PrivateUfw ufw = PrivateUfw.inNewNamespace(tmp, true);
        NetworkNamespace client = NetworkNamespace.create()) {
      NetworkNamespace server = ufw.namespace();
      List<String> serverCidrs = SERVER_ADDRS.stream().map(a -> a + "/64").toList();
      List<String> clientCidrs = CLIENT_ADDRS.stream().map(a -> a + "/64").toList();
      server.link(client, serverCidrs, clientCidrs);
      server.run("ufw", "--force", "enable");
      String defaultsText = Files.readString(ufw.defaults(), UTF_8);

      int checked = 0;
      int byRule = 0;
      int overlapping = 0;
      int byPolicy = 0;
      int outgoing = 0;
      for (int set = 0; set < RULE_SETS; set++) {
        UfwDirection direction = set % 3 == 2 ? UfwDirection.OUT : UfwDirection.IN;
        List<UfwRule> rules = new ArrayList<>();
        int count = 3 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
          rules.add(randomRule(random, direction));
        }
        UfwPolicy policy =
            List.of(UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.REJECT).get(random.nextInt(3));
        UfwPolicy incoming = direction == UfwDirection.IN ? policy : UfwPolicy.DENY;
        UfwPolicy outgoingPolicy = direction == UfwDirection.OUT ? policy : UfwPolicy.ALLOW;
        UfwRuleSet ruleSet = UfwRuleSet.builder().ipv6Rules(rules).ipv6Enabled(true).build();
        // the namespace's kernel has the recent match: ufw's caps['limit']['6'] holds, so the
        // file carries its RATE LIMITING section, as UfwTree writes it for such a host
        String user6Rules =
            ruleSet.rulesFile(true, UserRulesOptions.builder().rateLimitV6(true).build()).render();
        assertThat(UserRulesFile.parse("user6.rules", user6Rules).rules()).isEqualTo(rules);
        Files.writeString(ufw.etcUfw().resolve("user6.rules"), user6Rules, UTF_8);
        Files.writeString(
            ufw.defaults(),
            defaultsText
                .replaceAll(
                    "(?m)^DEFAULT_INPUT_POLICY=.*$",
                    "DEFAULT_INPUT_POLICY=\"" + incoming.target() + "\"")
                .replaceAll(
                    "(?m)^DEFAULT_OUTPUT_POLICY=.*$",
                    "DEFAULT_OUTPUT_POLICY=\"" + outgoingPolicy.target() + "\""),
            UTF_8);
        server.run("ufw", "reload");
        String suffix = direction == UfwDirection.IN ? "input" : "output";
        String userChain = "ufw6-user-" + suffix;
        String beforeChain = "ufw6-before-" + suffix;
        List<Integer> rowTuple = rowTuples(user6Rules, userChain);
        UfwEvaluator evaluator = UfwEvaluator.of(ruleSet, incoming, outgoingPolicy);
        List<Long> userBefore = counters(server, userChain);
        List<Long> beforeBefore = counters(server, beforeChain);
        assertThat(userBefore).hasSize(rowTuple.size());
        NetworkNamespace sender = direction == UfwDirection.IN ? client : server;
        for (int p = 0; p < PROBES; p++) {
          Probe probe = randomProbe(random, rules, direction);
          Packet packet = packet(probe);
          UfwDecision d = evaluator.evaluate(packet);
          String outcome =
              sender
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
          List<Long> userAfter = counters(server, userChain);
          List<Long> beforeAfter = counters(server, beforeChain);
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
                  + user6Rules
                  + "\n"
                  + userChain
                  + " before "
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
            List<String> targets = column(server, beforeChain, 2);
            List<String> protocols = column(server, beforeChain, 3);
            List<String> ins = column(server, beforeChain, 5);
            List<String> outs = column(server, beforeChain, 6);
            for (int row = 0; row < targets.size(); row++) {
              long delta = beforeAfter.get(row) - beforeBefore.get(row);
              boolean aside =
                  protocols.get(row).equals(ICMPV6)
                      || ins.get(row).equals("lo")
                      || outs.get(row).equals("lo");
              if (targets.get(row).equals("ACCEPT") && !aside) {
                assertThat(delta).as(context + "\n" + beforeChain + " row " + row).isZero();
              }
              if (targets.get(row).equals(userChain)) {
                assertThat(delta).as(context + "\n" + beforeChain + " row " + row).isPositive();
              }
            }
            byPolicy++;
          }
          // a dropped outgoing datagram (drop or reject) fails send() with EPERM at once
          boolean eperm = direction == UfwDirection.OUT && probe.protocol() == PacketProtocol.UDP;
          // a limit rule's rate state is the kernel's (the evaluator says LIMIT, not whether the
          // recent list is full): when the counters show the jump to the -user-limit chain, the
          // connection was rejected by the rate, as a plain REJECT is
          boolean rateLimited = false;
          if (d.verdict() == UfwVerdict.LIMIT) {
            List<String> userTargets = column(server, userChain, 2);
            for (int row = 0; row < userTargets.size() && row < userAfter.size(); row++) {
              if (userTargets.get(row).endsWith("-user-limit")
                  && userAfter.get(row) > userBefore.get(row)) {
                rateLimited = true;
              }
            }
          }
          if ((d.verdict() == UfwVerdict.REJECT || rateLimited) && !eperm) {
            // a TCP connect ignores ICMPv6 port-unreachable (the plain REJECT of a policy or of a
            // rule without ports); rejects are told from drops by the counters above
            assertThat(outcome).as(context).isIn("refused", "timeout");
          } else {
            // a dropped SYN is retransmitted until the timeout
            String expected = d.accepts() && !rateLimited ? "refused" : eperm ? "eperm" : "timeout";
            assertThat(outcome).as(context).isEqualTo(expected);
          }
          userBefore = userAfter;
          beforeBefore = beforeAfter;
          checked++;
          if (direction == UfwDirection.OUT) {
            outgoing++;
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "UfwEvaluatorKernelV6Test: N=%d rule sets x %d probes = %d IPv6 probes checked (%d"
              + " outgoing; %d decided by a rule, %d of them with more than one matching rule; %d"
              + " by the policy) in %.1f s%n",
          RULE_SETS, PROBES, checked, outgoing, byRule, overlapping, byPolicy, seconds);
      assertThat(checked).isEqualTo(RULE_SETS * PROBES);
      assertThat(byRule).as("probes decided by a rule").isGreaterThan(checked / 3);
      assertThat(byPolicy).as("probes decided by the policy").isGreaterThan(checked / 20);
    }
  }

  private static int matchingRules(List<UfwRule> rules, Packet packet) {
    int n = 0;
    for (UfwRule r : rules) {
      UfwRuleSet one = UfwRuleSet.builder().ipv6Rules(List.of(r)).build();
      if (UfwEvaluator.of(one, UfwPolicy.DENY, UfwPolicy.DENY)
          .evaluate(packet)
          .rule()
          .isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** For each {@code -A CHAIN} line of user6.rules, the index of its tuple. */
  private static List<Integer> rowTuples(String userRules, String chain) {
    List<Integer> rows = new ArrayList<>();
    int tuple = -1;
    for (String line : userRules.split("\n", -1)) {
      if (line.startsWith("### tuple ###")) {
        tuple++;
      } else if (line.startsWith("-A " + chain + " ")) {
        rows.add(tuple);
      }
    }
    return rows;
  }

  private static List<String> listing(NetworkNamespace server, String chain) {
    String out = server.run("ip6tables", "-L", chain, "-v", "-x", "-n").stdout();
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
        throw new IllegalStateException("unexpected ip6tables row: " + row);
      }
      pkts.add(Long.parseLong(m.group(1)));
    }
    return pkts;
  }

  /** A column of the listing: 2 the target, 3 the protocol number, 5 in, 6 out. */
  private static List<String> column(NetworkNamespace server, String chain, int group) {
    List<String> values = new ArrayList<>();
    for (String row : listing(server, chain)) {
      Matcher m = ROW.matcher(row);
      values.add(m.find() ? m.group(group) : "");
    }
    return values;
  }

  private static Packet packet(Probe p) {
    return Packet.builder()
        .direction(p.direction())
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

  /** A rule of {@code direction}: its remote side is the client, its local side the server. */
  private static UfwRule randomRule(Random r, UfwDirection direction) {
    boolean in = direction == UfwDirection.IN;
    UfwRule.Builder b = UfwRule.builder().v6(true).direction(direction);
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
      b.source(pick(r, in ? CLIENT_NETS : SERVER_NETS));
    }
    if (r.nextInt(4) == 0) {
      b.destination(pick(r, in ? SERVER_NETS : CLIENT_NETS));
    }
    if (r.nextInt(5) == 0) {
      if (in) {
        b.interfaceIn(pick(r, INTERFACES));
      } else {
        b.interfaceOut(pick(r, INTERFACES));
      }
    }
    return b.build();
  }

  /** A probe aimed at a random rule (inside its ports and addresses), or anywhere. */
  private static Probe randomProbe(Random r, List<UfwRule> rules, UfwDirection direction) {
    boolean in = direction == UfwDirection.IN;
    List<String> sources = in ? CLIENT_ADDRS : SERVER_ADDRS;
    List<String> destinations = in ? SERVER_ADDRS : CLIENT_ADDRS;
    PacketProtocol proto = r.nextBoolean() ? PacketProtocol.TCP : PacketProtocol.UDP;
    String src = pick(r, sources);
    String dst = pick(r, destinations);
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
      src = pickInside(r, sources, target.source()).orElse(src);
      dst = pickInside(r, destinations, target.destination()).orElse(dst);
    }
    return new Probe(direction, proto, src, sport, dst, dport);
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
