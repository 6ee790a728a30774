package dev.hostguard.ufw.gen;

import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of {@link UfwRule} models as ufw stores them in {@code user.rules} and
 * {@code user6.rules}: every action, log type and protocol, single ports, ranges and port lists
 * (with tcp or udp, as ufw requires), normalised IPv4 and IPv6 networks, interfaces, route rules,
 * application rules with their resolved ports, and comments with spaces and non-ASCII text. Half
 * the addresses, ports, port lists, interfaces and comments come from a table of typical values,
 * half are drawn (any network with its host bits cleared, any port, interface names of Linux's
 * alphabet, text from a wide character set).
 *
 * <pre>{@code
 * qt().forAll(UfwRuleGens.ruleLists(false, 8)).checkAssert(rules ->
 *     assertThat(UserRulesFile.parse("user.rules", UserRulesFile.of(rules, false, opts).render()).rules()).isEqualTo(rules));
 * }</pre>
 *
 * <p>A rule with both an input and an output interface is generated with direction {@code in}: ufw
 * itself reads such a tuple back as {@code in}.
 */
public final class UfwRuleGens {
  private UfwRuleGens() {}

  private static final String[] V4_NETS = {
    "10.0.0.0/8", "10.0.0.1", "192.168.1.0/24", "172.16.0.0/12", "203.0.113.9", "198.51.100.0/28"
  };
  private static final String[] V6_NETS = {
    "2001:db8::/32", "2001:db8::1", "fe80::/10", "::1", "2001:db8:1:2::/64"
  };
  private static final String[] SINGLE = {"22", "53", "80", "443", "123", "1", "65535", "8080"};
  private static final String[] LISTS = {
    "80,443", "1000:2000", "25,110,143", "6000:6007,7000", "1:2,3:4,5:6,7:8,9:10,11:12,13:14,15"
  };
  private static final String[] IFACES = {"eth0", "eth1", "wlan0", "br-lan", "eth0.100", "veth+"};
  private static final String[] APPS = {"OpenSSH", "WWW Full", "Samba", "DNS"};
  private static final String[] COMMENTS = {
    "allow SSH connections in", "dns", "é ü ß 日本", "tab\there", "a;b", "x"
  };

  /** Rules for either file (IPv4 or IPv6). */
  public static Gen<UfwRule> rules() {
    return in -> rule(in, bool(in, 50));
  }

  /** Rules of one file: {@code v6} false for {@code user.rules}, true for {@code user6.rules}. */
  public static Gen<UfwRule> rules(boolean v6) {
    return in -> rule(in, v6);
  }

  /** Lists of 0 to {@code maxSize} rules of one file, duplicates possible. */
  public static Gen<List<UfwRule>> ruleLists(boolean v6, int maxSize) {
    return in -> {
      int n = n(in, maxSize + 1);
      List<UfwRule> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(rule(in, v6));
      }
      return out;
    };
  }

  private static int n(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }

  private static boolean bool(RandomnessSource in, int percent) {
    return n(in, 100) < percent;
  }

  private static String pick(RandomnessSource in, String[] a) {
    return a[n(in, a.length)];
  }

  private static <T> T pick(RandomnessSource in, T[] a) {
    return a[n(in, a.length)];
  }

  private static UfwRule rule(RandomnessSource in, boolean v6) {
    Draws d = new Draws(in);
    UfwRule.Builder b = UfwRule.builder().v6(v6);
    b.action(pick(in, UfwAction.values()));
    b.logType(pick(in, UfwLogType.values()));
    boolean route = bool(in, 15);
    b.route(route);
    String anywhere = v6 ? "::/0" : "0.0.0.0/0";
    String[] nets = v6 ? V6_NETS : V4_NETS;
    b.source(bool(in, 40) ? network(in, d, nets, v6) : anywhere);
    b.destination(bool(in, 30) ? network(in, d, nets, v6) : anywhere);
    int kind = n(in, 10);
    if (kind < 2) {
      // an application rule: ufw stores the profile's ports with the profile name
      String app = pick(in, APPS);
      boolean list = bool(in, 50);
      b.protocol(
          list ? UfwProtocol.TCP : pick(in, new UfwProtocol[] {UfwProtocol.TCP, UfwProtocol.UDP}));
      if (bool(in, 70)) {
        b.destinationApp(app).destinationPort(list ? pick(in, LISTS) : pick(in, SINGLE));
      } else {
        b.sourceApp(app).sourcePort(list ? pick(in, LISTS) : pick(in, SINGLE));
      }
    } else if (kind < 7) {
      boolean list = bool(in, 35);
      UfwProtocol p =
          list
              ? pick(in, new UfwProtocol[] {UfwProtocol.TCP, UfwProtocol.UDP})
              : pick(in, new UfwProtocol[] {UfwProtocol.ANY, UfwProtocol.TCP, UfwProtocol.UDP});
      b.protocol(p);
      String port = list ? portList(in, d) : port(in, d);
      if (bool(in, 75)) {
        b.destinationPort(port);
      } else {
        b.sourcePort(port);
      }
      if (bool(in, 15)) {
        b.sourcePort(port(in, d));
        b.protocol(list ? p : pick(in, new UfwProtocol[] {UfwProtocol.TCP, UfwProtocol.UDP}));
      }
    } else {
      UfwProtocol[] portless =
          v6
              ? new UfwProtocol[] {
                UfwProtocol.ANY, UfwProtocol.ESP, UfwProtocol.AH, UfwProtocol.GRE, UfwProtocol.VRRP
              }
              : new UfwProtocol[] {
                UfwProtocol.ANY,
                UfwProtocol.ESP,
                UfwProtocol.AH,
                UfwProtocol.GRE,
                UfwProtocol.VRRP,
                UfwProtocol.IPV6,
                UfwProtocol.IGMP
              };
      b.protocol(pick(in, portless));
    }
    String ifIn = bool(in, route ? 60 : 20) ? iface(in, d) : "";
    String ifOut = bool(in, route ? 60 : 10) ? iface(in, d) : "";
    if (!route && !ifIn.isEmpty() && !ifOut.isEmpty()) {
      ifOut = "";
    }
    if (!ifIn.isEmpty()) {
      b.interfaceIn(ifIn);
    }
    if (!ifOut.isEmpty()) {
      b.interfaceOut(ifOut);
    }
    boolean both = !ifIn.isEmpty() && !ifOut.isEmpty();
    UfwDirection dir;
    if (both || !ifIn.isEmpty()) {
      dir = UfwDirection.IN;
    } else if (!ifOut.isEmpty()) {
      dir = UfwDirection.OUT;
    } else {
      dir = bool(in, 70) ? UfwDirection.IN : UfwDirection.OUT;
    }
    b.direction(dir);
    if (bool(in, 35)) {
      // ufw refuses a comment with a single quote
      b.comment(bool(in, 50) ? pick(in, COMMENTS) : d.text(40).replace('\'', '"'));
    }
    return b.build();
  }

  /** A table entry or, half the time, a drawn network. */
  private static String network(RandomnessSource in, Draws d, String[] table, boolean v6) {
    if (bool(in, 50)) {
      return pick(in, table);
    }
    return v6 ? d.ipv6Network() : d.ipv4Network();
  }

  private static String port(RandomnessSource in, Draws d) {
    return bool(in, 50) ? pick(in, SINGLE) : String.valueOf(d.port());
  }

  private static String iface(RandomnessSource in, Draws d) {
    return bool(in, 50) ? pick(in, IFACES) : d.interfaceName();
  }

  /**
   * A table entry or a drawn list of up to 15 ports and ranges (a range counts as two), in the
   * order ufw stores a list: human-sorted (by first port, a port before a range starting with it).
   */
  private static String portList(RandomnessSource in, Draws d) {
    if (bool(in, 50)) {
      return pick(in, LISTS);
    }
    List<int[]> parts = new ArrayList<>();
    int weight = 0;
    int n = 2 + n(in, 6);
    for (int i = 0; i < n && weight < 14; i++) {
      if (bool(in, 30)) {
        String[] r = d.portRange().split(":", -1);
        parts.add(new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])});
        weight += 2;
      } else {
        parts.add(new int[] {d.port()});
        weight++;
      }
    }
    parts.sort(
        (a, b) ->
            a[0] != b[0]
                ? Integer.compare(a[0], b[0])
                : a.length != b.length
                    ? Integer.compare(a.length, b.length)
                    : Integer.compare(a[a.length - 1], b[b.length - 1]));
    StringBuilder sb = new StringBuilder();
    for (int[] p : parts) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(p[0]);
      if (p.length == 2) {
        sb.append(':').append(p[1]);
      }
    }
    return sb.toString();
  }
}
