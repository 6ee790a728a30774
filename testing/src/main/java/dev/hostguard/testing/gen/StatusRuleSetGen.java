package dev.hostguard.testing.gen;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates ufw rule sets as the command lines that build them: default policies, logging level,
 * application policy, optional forwarding, and 2–9 rules mixing simple and extended syntax,
 * incoming, outgoing and route rules, applications, IPv4 and IPv6 addresses, interfaces, logging
 * and comments.
 *
 * <pre>{@code
 * qt().withFixedSeed(42L).withExamples(20).forAll(StatusRuleSetGen.ruleSets())
 *     .checkAssert(cmds -> sandbox.run(cmds));
 * }</pre>
 *
 * <p>Each command is a full argv whose first word is {@code ufw}, or {@code sysctl} for the
 * forwarding switch (only meaningful inside a private network namespace). Most generated rules are
 * valid; a few may be refused by ufw, which then simply leaves them out of the rule set.
 */
public final class StatusRuleSetGen {
  private static final List<String> APPS =
      List.of("SSH", "Mail submission", "WWW Full", "DNS", "KTorrent", "Deluge", "CIFS");
  private static final List<String> V4 =
      List.of("192.0.2.1", "198.51.100.0/24", "203.0.113.7", "10.0.0.0/8", "192.168.1.10");
  private static final List<String> V6 =
      List.of("2001:db8::1", "2001:db8:1::/48", "2001:db8::abcd", "fd00::/8");
  private static final List<String> PORTS =
      List.of("22", "53", "80", "123", "443", "587", "8080", "51413");
  private static final List<String> MULTI =
      List.of("80,443", "6000:6007", "25,465,587", "1000:2000");
  private static final List<String> SERVICES = List.of("ssh", "http", "https", "ftp", "whois");
  private static final List<String> IFACES = List.of("eth0", "eth1", "wlan0", "enp3s0", "lo");
  private static final List<String> COMMENTS =
      List.of(
          "allow SSH connections in",
          "allow DNS calls out",
          "café — ünïcode",
          "a # hash and (log) inside",
          "x",
          "  spaced  ",
          "a very long comment that goes on and on past every column of the status table");
  private static final List<String> ACTIONS = List.of("allow", "deny", "reject", "limit");
  private static final List<String> POLICIES = List.of("allow", "deny", "reject");

  private StatusRuleSetGen() {}

  /** Whole rule sets: setting commands first, then the rules. */
  public static Gen<ImmutableList<ImmutableList<String>>> ruleSets() {
    return StatusRuleSetGen::ruleSet;
  }

  /** One rule command (argv without the leading {@code ufw}). */
  public static Gen<ImmutableList<String>> rules() {
    return in -> ImmutableList.copyOf(rule(new Draw(in)));
  }

  private static ImmutableList<ImmutableList<String>> ruleSet(RandomnessSource in) {
    Draw d = new Draw(in);
    List<ImmutableList<String>> out = new ArrayList<>();
    out.add(ImmutableList.of("ufw", "default", d.pick(POLICIES), "incoming"));
    out.add(ImmutableList.of("ufw", "default", d.pick(POLICIES), "outgoing"));
    out.add(ImmutableList.of("ufw", "default", d.pick(POLICIES), "routed"));
    out.add(
        ImmutableList.of(
            "ufw", "logging", d.pick(List.of("off", "low", "medium", "high", "full", "on"))));
    out.add(
        ImmutableList.of(
            "ufw", "app", "default", d.pick(List.of("allow", "deny", "reject", "skip"))));
    if (d.chance(40)) {
      out.add(ImmutableList.of("sysctl", "-w", "net.ipv4.ip_forward=1"));
    }
    int n = d.range(2, 9);
    for (int i = 0; i < n; i++) {
      List<String> argv = new ArrayList<>();
      argv.add("ufw");
      argv.addAll(rule(d));
      out.add(ImmutableList.copyOf(argv));
    }
    return ImmutableList.copyOf(out);
  }

  private static List<String> rule(Draw d) {
    List<String> a = new ArrayList<>();
    int kind = d.range(0, 9);
    if (kind >= 8) {
      a.add("insert");
      a.add("1");
    }
    if (kind == 7) {
      a.add("route");
    }
    String action = kind == 7 ? d.pick(List.of("allow", "deny", "reject")) : d.pick(ACTIONS);
    a.add(action);
    boolean route = kind == 7;
    if (kind <= 2 && !route) {
      // simple syntax
      if (d.chance(40)) {
        a.add(d.chance(50) ? "in" : "out");
      }
      if (d.chance(25)) {
        a.add(d.chance(50) ? "log" : "log-all");
      }
      int what = d.range(0, 3);
      if (what == 0) {
        a.add(d.pick(APPS));
      } else if (what == 1) {
        a.add(d.pick(SERVICES));
      } else if (what == 2) {
        a.add(d.pick(PORTS) + d.pick(List.of("", "/tcp", "/udp")));
      } else {
        a.add(d.pick(MULTI) + d.pick(List.of("/tcp", "/udp")));
      }
      comment(d, a);
      return a;
    }
    // extended syntax
    if (route) {
      boolean in = d.chance(60);
      boolean out = !in || d.chance(50);
      if (in) {
        a.add("in");
        a.add("on");
        a.add(d.pick(IFACES));
      }
      if (out) {
        a.add("out");
        a.add("on");
        a.add(d.pick(IFACES));
      }
    } else if (d.chance(50)) {
      a.add(d.chance(60) ? "in" : "out");
      if (d.chance(50)) {
        a.add("on");
        a.add(d.pick(IFACES));
      }
    }
    if (d.chance(25)) {
      a.add(d.pick(List.of("log", "log-all")));
    }
    boolean v6 = d.chance(35);
    List<String> addrs = v6 ? V6 : V4;
    boolean app = d.chance(25);
    boolean portful = false;
    if (d.chance(60)) {
      a.add("from");
      a.add(d.chance(30) ? "any" : d.pick(addrs));
      if (!app && d.chance(25)) {
        a.add("port");
        a.add(d.pick(PORTS));
        portful = true;
      } else if (app && d.chance(30)) {
        a.add("app");
        a.add(d.pick(APPS));
      }
    }
    boolean to = d.chance(70) || !a.contains("from");
    if (to) {
      a.add("to");
      a.add(d.chance(40) ? "any" : d.pick(addrs));
      if (app) {
        a.add("app");
        a.add(d.pick(APPS));
      } else if (d.chance(60)) {
        a.add("port");
        boolean multi = d.chance(25);
        a.add(multi ? d.pick(MULTI) : d.pick(PORTS));
        portful = true;
        if (multi) {
          a.add("proto");
          a.add(d.pick(List.of("tcp", "udp")));
          comment(d, a);
          return a;
        }
      }
    }
    if (!app && d.chance(50)) {
      a.add("proto");
      a.add(portful ? d.pick(List.of("tcp", "udp")) : d.pick(List.of("tcp", "udp", "esp", "gre")));
    }
    comment(d, a);
    return a;
  }

  private static void comment(Draw d, List<String> a) {
    if (d.chance(45)) {
      a.add("comment");
      a.add(d.pick(COMMENTS));
    }
  }

  /** Draws from the randomness source so shrinking works on every choice. */
  private static final class Draw {
    private final RandomnessSource in;

    Draw(RandomnessSource in) {
      this.in = in;
    }

    int range(int lo, int hi) {
      return Generate.range(lo, hi).generate(in);
    }

    boolean chance(int percent) {
      return range(0, 99) < percent;
    }

    <T> T pick(List<T> values) {
      return values.get(range(0, values.size() - 1));
    }
  }
}
