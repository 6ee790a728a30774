package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UfwTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule-set analysis {@code hostguard audit} prints: for a ufw rule set and its default
 * policies, the rules no packet reaches (shadowed by earlier rules with another verdict, or
 * redundant after earlier rules with the same one), the IPv4 rules for any address without their
 * IPv6 twin and the reverse (when IPv6 is on), whether a new SSH connection from anywhere would be
 * dropped, and a summary of what each chain lets through. Rules are named by their number in {@code
 * ufw status numbered} (IPv4 rules first, then IPv6 rules, an application rule's lines once). Pure:
 * reads nothing from the host.
 *
 * <p>"No packet reaches" is exact over the match space of {@link UfwEvaluator} (direction,
 * interfaces with {@code +} prefixes, protocol, address prefixes, port lists and ranges,
 * application profiles expanded): a rule is reported when every packet it matches is matched by
 * earlier rules of its chain, however many of them it takes. Built-in accepts ({@link
 * UfwBuiltInRule}) are not counted as earlier rules. A rule whose match space would take more than
 * {@value #MAX_PIECES} pieces to decide is left unreported.
 *
 * <p>The lock-out check asks {@link UfwEvaluator} about one new TCP connection to the SSH port on
 * {@code eth0}, from {@code 203.0.113.7} to {@code 192.0.2.1} (and from {@code 2001:db8::7} to
 * {@code 2001:db8::1} with IPv6 on): documentation addresses, so SSH allowed only from or to
 * particular addresses counts as a risk, and the finding says which rule or policy drops it.
 *
 * <pre>{@code
 * UfwRuleSetAudit a = UfwRuleSetAudit.of(ruleSet, UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.DENY);
 * a.findings().forEach(f -> System.out.println(f.line())); // [ 3] shadowed by [ 1]: ...
 * }</pre>
 */
public final class UfwRuleSetAudit {
  /** The SSH port the lock-out check probes unless told otherwise. */
  public static final int SSH_PORT = 22;

  /** The largest number of disjoint pieces a rule's undecided match space may take. */
  public static final int MAX_PIECES = 4096;

  private static final String PROBE_SOURCE_V4 = "203.0.113.7";
  private static final String PROBE_HOST_V4 = "192.0.2.1";
  private static final String PROBE_SOURCE_V6 = "2001:db8::7";
  private static final String PROBE_HOST_V6 = "2001:db8::1";
  private static final String PROBE_INTERFACE = "eth0";

  private final UfwRuleSet ruleSet;
  private final UfwPolicy incoming;
  private final UfwPolicy outgoing;
  private final UfwPolicy routed;
  private final int sshPort;
  private final ImmutableList<AuditFinding> findings;
  private final ImmutableList<UfwReach> reachability;

  /** One rule line with its number in {@code ufw status numbered}. */
  private record Line(UfwRule rule, int number) {}

  /** What the earlier rules of its chain leave of one rule line. */
  private record Coverage(boolean decided, boolean covered, Set<Integer> deciders) {}

  private UfwRuleSetAudit(
      UfwRuleSet ruleSet, UfwPolicy incoming, UfwPolicy outgoing, UfwPolicy routed, int sshPort) {
    this.ruleSet = requireNonNull(ruleSet, "ruleSet");
    this.incoming = checkPolicy(incoming, "incoming");
    this.outgoing = checkPolicy(outgoing, "outgoing");
    this.routed = checkPolicy(routed, "routed");
    if (sshPort < 1 || sshPort > 65535) {
      throw new IllegalArgumentException("SSH port out of 1-65535: " + sshPort);
    }
    this.sshPort = sshPort;
    List<Line> lines = number(ruleSet);
    List<AuditFinding> f = new ArrayList<>();
    List<UfwReach> reach = new ArrayList<>();
    analyse(lines, f, reach);
    f.addAll(twins(lines));
    lockout().ifPresent(f::add);
    this.findings = ImmutableList.copyOf(f);
    this.reachability = ImmutableList.copyOf(reach);
  }

  /**
   * The analysis of a rule set (its IPv4 and IPv6 rules, its {@code IPV6} setting and application
   * profiles) under the default incoming, outgoing and routed policies; the lock-out check probes
   * port {@value #SSH_PORT}.
   *
   * @throws IllegalArgumentException for a policy of {@code skip}
   */
  public static UfwRuleSetAudit of(
      UfwRuleSet ruleSet, UfwPolicy incoming, UfwPolicy outgoing, UfwPolicy routed) {
    return new UfwRuleSetAudit(ruleSet, incoming, outgoing, routed, SSH_PORT);
  }

  /** The analysis of a ufw tree's rules under the policies of its {@code /etc/default/ufw}. */
  public static UfwRuleSetAudit of(UfwTree tree) {
    return of(
        tree.rules(),
        policy(tree.defaults().inputPolicy()),
        policy(tree.defaults().outputPolicy()),
        policy(tree.defaults().forwardPolicy()));
  }

  /** This analysis with the lock-out check probing {@code port} instead. */
  public UfwRuleSetAudit withSshPort(int port) {
    return new UfwRuleSetAudit(ruleSet, incoming, outgoing, routed, port);
  }

  /** ufw's _get_default_policy: ACCEPT is allow, REJECT reject, anything else deny. */
  private static UfwPolicy policy(UfwPolicy p) {
    return p == UfwPolicy.ALLOW || p == UfwPolicy.REJECT ? p : UfwPolicy.DENY;
  }

  private static UfwPolicy checkPolicy(UfwPolicy policy, String which) {
    requireNonNull(policy, which);
    if (policy == UfwPolicy.SKIP) {
      throw new IllegalArgumentException("skip is not a default " + which + " policy");
    }
    return policy;
  }

  /**
   * The findings, in this order: shadowed and redundant rules (by rule number), rules without their
   * twin (by rule number), the lock-out risk. Empty when there is nothing to report.
   */
  public ImmutableList<AuditFinding> findings() {
    return findings;
  }

  /**
   * What gets through: per chain ({@code in}, {@code out}, {@code routed}) and IP version, the
   * rules that decide some packets otherwise than the default policy, then the default policy for
   * everything else. Informational: not findings.
   */
  public ImmutableList<UfwReach> reachability() {
    return reachability;
  }

  /** The lines of both files with their {@code ufw status numbered} numbers. */
  private static List<Line> number(UfwRuleSet set) {
    List<Line> lines = new ArrayList<>();
    Set<String> seenApps = new HashSet<>();
    int count = 0;
    List<List<UfwRule>> files =
        set.ipv6Enabled() ? List.of(set.ipv4Rules(), set.ipv6Rules()) : List.of(set.ipv4Rules());
    for (List<UfwRule> file : files) {
      for (UfwRule r : file) {
        if (!r.isAppRule() || seenApps.add(appTuple(r))) {
          count++;
        }
        lines.add(new Line(r, count));
      }
    }
    return lines;
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

  private static String chainOf(UfwRule r) {
    return r.route() ? "routed" : r.direction() == UfwDirection.IN ? "in" : "out";
  }

  private UfwPolicy defaultOf(String chain) {
    return switch (chain) {
      case "in" -> incoming;
      case "out" -> outgoing;
      default -> routed;
    };
  }

  private void analyse(List<Line> lines, List<AuditFinding> findings, List<UfwReach> reach) {
    Map<Integer, List<Coverage>> byNumber = new TreeMap<>();
    Map<Integer, UfwRule> firstLine = new HashMap<>();
    for (boolean v6 : List.of(false, true)) {
      for (String chain : List.of("in", "out", "routed")) {
        List<Line> chainLines = new ArrayList<>();
        for (Line l : lines) {
          if (l.rule().v6() == v6 && chainOf(l.rule()).equals(chain)) {
            chainLines.add(l);
          }
        }
        if (!v6 || ruleSet.ipv6Enabled()) {
          analyseChain(chain, v6, chainLines, byNumber, firstLine, reach);
        } else {
          reach.add(
              new UfwReach(
                  chain,
                  true,
                  Optional.empty(),
                  UfwVerdict.DENY,
                  "everything (IPV6=no)",
                  List.of()));
        }
      }
    }
    for (Map.Entry<Integer, List<Coverage>> e : byNumber.entrySet()) {
      List<Coverage> cs = e.getValue();
      if (cs.isEmpty() || !cs.stream().allMatch(c -> c.decided() && c.covered())) {
        continue;
      }
      TreeSet<Integer> deciders = new TreeSet<>();
      cs.forEach(c -> deciders.addAll(c.deciders()));
      if (deciders.isEmpty()) {
        continue; // matches no packet at all
      }
      UfwRule rule = firstLine.get(e.getKey());
      boolean same = true;
      List<String> by = new ArrayList<>();
      for (int d : deciders) {
        UfwRule earlier = firstLine.get(d);
        same &= earlier.action() == rule.action();
        by.add(describe(earlier));
      }
      AuditFindingKind kind = same ? AuditFindingKind.REDUNDANT : AuditFindingKind.SHADOWED;
      String message =
          describe(rule)
              + (same ? " changes nothing: " : " never applies: ")
              + String.join(", ", by)
              + (deciders.size() == 1 ? " matches first" : " match first");
      findings.add(
          new AuditFinding(
              kind, Optional.of(e.getKey()), List.copyOf(deciders), Optional.empty(), message));
    }
  }

  private void analyseChain(
      String chain,
      boolean v6,
      List<Line> lines,
      Map<Integer, List<Coverage>> byNumber,
      Map<Integer, UfwRule> firstLine,
      List<UfwReach> reach) {
    MatchSpace space;
    List<List<MatchSpace.Box>> boxes = new ArrayList<>();
    List<UfwRule> known = new ArrayList<>();
    for (Line l : lines) {
      known.add(l.rule());
    }
    space = MatchSpace.of(v6, ruleSet.applicationProfiles(), known);
    for (Line l : lines) {
      List<MatchSpace.Box> b;
      try {
        b = space.boxes(l.rule());
      } catch (IllegalArgumentException unknownProfile) {
        b = null;
      }
      boxes.add(b);
    }
    UfwPolicy policy = defaultOf(chain);
    boolean defaultAccepts = policy == UfwPolicy.ALLOW;
    Map<Integer, Integer> reachIndex = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      firstLine.putIfAbsent(l.number(), l.rule());
      List<Coverage> cs = byNumber.computeIfAbsent(l.number(), n -> new ArrayList<>());
      if (boxes.get(i) == null) {
        cs.add(new Coverage(false, false, Set.of()));
        continue;
      }
      Coverage c = coverage(lines, boxes, i);
      cs.add(c);
      boolean accepts =
          l.rule().action() == UfwAction.ALLOW || l.rule().action() == UfwAction.LIMIT;
      if ((!c.decided() || !c.covered()) && accepts != defaultAccepts) {
        List<Integer> less = new ArrayList<>(new TreeSet<>(c.deciders()));
        Integer at = reachIndex.get(l.number());
        UfwReach r =
            new UfwReach(
                chain,
                v6,
                Optional.of(l.number()),
                verdict(l.rule().action()),
                what(l.rule()),
                less);
        if (at == null) {
          reachIndex.put(l.number(), reach.size());
          reach.add(r);
        }
      }
    }
    reach.add(
        new UfwReach(
            chain,
            v6,
            Optional.empty(),
            UfwDecision.byPolicy(policy).verdict(),
            "everything else (default "
                + (chain.equals("in") ? "incoming" : chain.equals("out") ? "outgoing" : "routed")
                + ")",
            List.of()));
  }

  /** Subtracts the earlier lines (of other numbers) from line {@code i}'s boxes. */
  private static Coverage coverage(List<Line> lines, List<List<MatchSpace.Box>> boxes, int i) {
    List<MatchSpace.Box> rest = new ArrayList<>(boxes.get(i));
    Set<Integer> deciders = new HashSet<>();
    int number = lines.get(i).number();
    for (int j = 0; j < i && !rest.isEmpty(); j++) {
      List<MatchSpace.Box> earlier = boxes.get(j);
      if (lines.get(j).number() == number) {
        continue;
      }
      if (earlier == null) {
        // an earlier rule this analysis cannot read: decide nothing about this one
        return new Coverage(false, false, deciders);
      }
      for (MatchSpace.Box e : earlier) {
        List<MatchSpace.Box> next = new ArrayList<>();
        boolean touched = false;
        for (MatchSpace.Box b : rest) {
          if (b.intersects(e)) {
            touched = true;
            next.addAll(b.minus(e));
          } else {
            next.add(b);
          }
        }
        if (touched) {
          deciders.add(lines.get(j).number());
        }
        if (next.size() > MAX_PIECES) {
          return new Coverage(false, false, deciders);
        }
        rest = next;
      }
    }
    return new Coverage(true, rest.isEmpty(), deciders);
  }

  private static UfwVerdict verdict(UfwAction a) {
    return switch (a) {
      case ALLOW -> UfwVerdict.ALLOW;
      case DENY -> UfwVerdict.DENY;
      case REJECT -> UfwVerdict.REJECT;
      case LIMIT -> UfwVerdict.LIMIT;
    };
  }

  /** The rule as {@code ufw show added} words it (without its comment), {@code (v6)} for IPv6. */
  static String describe(UfwRule r) {
    String text =
        UfwRuleFormat.command(r.withComment(Optional.empty()).withLogType(UfwLogType.NONE));
    return r.v6() ? text + " (v6)" : text;
  }

  /** The packets a rule matches, in words: ports/protocol, destination, sources, interfaces. */
  static String what(UfwRule r) {
    StringBuilder b = new StringBuilder();
    String port =
        r.destinationApp().orElse(r.destinationPort().equals("any") ? "" : r.destinationPort());
    boolean proto = r.protocol() != UfwProtocol.ANY;
    if (!port.isEmpty()) {
      b.append(port).append(proto ? "/" + r.protocol().word() : "");
    } else {
      b.append(proto ? r.protocol().word() : "any");
    }
    if (!anywhere(r.destination())) {
      b.append(" to ").append(r.destination());
    }
    b.append(" from ").append(anywhere(r.source()) ? "anywhere" : r.source());
    String sport = r.sourceApp().orElse(r.sourcePort().equals("any") ? "" : r.sourcePort());
    if (!sport.isEmpty()) {
      b.append(" port ").append(sport);
    }
    r.interfaceIn().ifPresent(i -> b.append(" in on ").append(i));
    r.interfaceOut().ifPresent(o -> b.append(" out on ").append(o));
    return b.toString();
  }

  private static boolean anywhere(String address) {
    return address.equals("0.0.0.0/0") || address.equals("::/0");
  }

  /** ufw adds a rule for any address to both files: the rules whose other half is missing. */
  private List<AuditFinding> twins(List<Line> lines) {
    if (!ruleSet.ipv6Enabled()) {
      return List.of();
    }
    Map<UfwRule, Integer> v4 = new HashMap<>();
    Map<UfwRule, Integer> v6 = new HashMap<>();
    for (Line l : lines) {
      UfwRule r = l.rule();
      if (anywhere(r.source()) && anywhere(r.destination()) && !r.protocol().isIpv4Only()) {
        UfwRule key = r.withV6(true).withComment(Optional.empty()).withLogType(UfwLogType.NONE);
        (r.v6() ? v6 : v4).merge(key, 1, Integer::sum);
      }
    }
    TreeMap<Integer, AuditFinding> out = new TreeMap<>();
    for (Line l : lines) {
      UfwRule r = l.rule();
      if (!anywhere(r.source()) || !anywhere(r.destination()) || r.protocol().isIpv4Only()) {
        continue;
      }
      UfwRule key = r.withV6(true).withComment(Optional.empty()).withLogType(UfwLogType.NONE);
      Map<UfwRule, Integer> other = r.v6() ? v4 : v6;
      if (other.containsKey(key) || out.containsKey(l.number())) {
        continue;
      }
      AuditFindingKind kind =
          r.v6() ? AuditFindingKind.V6_WITHOUT_V4 : AuditFindingKind.V4_WITHOUT_V6;
      String message =
          describe(r)
              + " has no IPv"
              + (r.v6() ? "4" : "6")
              + " twin (ufw adds both for any address)";
      out.put(
          l.number(),
          new AuditFinding(kind, Optional.of(l.number()), List.of(), Optional.empty(), message));
    }
    return List.copyOf(out.values());
  }

  /** A new TCP connection to the SSH port from a documentation address, for each IP version on. */
  private Optional<AuditFinding> lockout() {
    UfwEvaluator evaluator;
    try {
      evaluator = UfwEvaluator.of(ruleSet, incoming, outgoing);
    } catch (IllegalArgumentException unexpandedApplication) {
      return Optional.empty();
    }
    List<String> dropped = new ArrayList<>();
    List<Integer> by = new ArrayList<>();
    for (boolean v6 : ruleSet.ipv6Enabled() ? List.of(false, true) : List.of(false)) {
      String src = v6 ? PROBE_SOURCE_V6 : PROBE_SOURCE_V4;
      String dst = v6 ? PROBE_HOST_V6 : PROBE_HOST_V4;
      Packet p =
          Packet.builder()
              .direction(UfwDirection.IN)
              .interfaceName(PROBE_INTERFACE)
              .protocol(PacketProtocol.TCP)
              .source(InetAddresses.forString(src))
              .sourcePort(40000)
              .destination(InetAddresses.forString(dst))
              .destinationPort(sshPort)
              .build();
      UfwDecision d = evaluator.evaluate(p);
      if (d.accepts()) {
        continue;
      }
      String how = d.verdict() == UfwVerdict.REJECT ? "rejected" : "dropped";
      String decider;
      if (d.ruleNumber().isPresent()) {
        by.add(d.ruleNumber().get());
        decider =
            AuditFinding.number(d.ruleNumber().get()) + " " + describe(d.rule().orElseThrow());
      } else if (d.policy().isPresent()) {
        decider = "the default incoming policy (" + d.policy().get().word() + ")";
      } else {
        decider =
            "ufw's built-in " + d.builtIn().orElseThrow().name().toLowerCase(java.util.Locale.ROOT);
      }
      dropped.add(
          "a new SSH connection ("
              + sshPort
              + "/tcp from "
              + src
              + " to "
              + dst
              + " on "
              + PROBE_INTERFACE
              + ") is "
              + how
              + " by "
              + decider);
    }
    if (dropped.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditFinding(
            AuditFindingKind.LOCKOUT_RISK,
            Optional.empty(),
            by,
            Optional.empty(),
            String.join("; ", dropped)));
  }
}
