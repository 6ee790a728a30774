package dev.hostguard.testing.gen;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of ufw rule command lines (the words after {@code ufw}), covering the
 * simple and extended syntax, route rules, positions, deletes, application rules, comments and
 * logging, plus mutated (mostly invalid) variants.
 *
 * <pre>{@code
 * qt().withFixedSeed(42).forAll(UfwCommandGens.commandLines())
 *     .checkAssert(argv -> UfwDryRun.of(dir, services).run(argv));
 * }</pre>
 */
public final class UfwCommandGens {
  private UfwCommandGens() {}

  private static final String[] ACTIONS = {"allow", "deny", "reject", "limit"};
  private static final String[] V4 = {
    "10.0.0.1",
    "10.0.0.0/8",
    "10.1.2.3/8",
    "192.168.1.7/24",
    "192.168.1.7/255.255.255.0",
    "172.16.5.4/255.255.0.0",
    "10.0.0.1/32",
    "10.0.0.1/255.255.255.255",
    "1.2.3.4/0",
    "203.0.113.9/28",
    "198.51.100.0/24",
    "10.0.0.1/255.0.255.0",
    "10.0.0.1/016",
    "127.0.0.1"
  };
  private static final String[] V6 = {
    "2001:db8::1",
    "2001:db8::/32",
    "2001:DB8::1/64",
    "fe80::1/128",
    "::1",
    "::",
    "2001:0db8:0000:0000:0000:0000:0000:0001",
    "::ffff:1.2.3.4",
    "2001:db8::1/0",
    "fe80::/10"
  };
  private static final String[] BAD_ADDR = {
    "10.0.0.256",
    "10.0.0",
    "1.2.3.4/33",
    "01.2.3.4",
    "2001:db8:::1",
    "fe80::1/129",
    "host.example",
    "1.2.3.4/",
    "1.2.3.4/255.255.255.256",
    "::g",
    "1.2.3.4/1/2",
    ""
  };
  private static final String[] PORTS = {
    "22",
    "80",
    "443",
    "53",
    "123",
    "1",
    "65535",
    "8080",
    "6000:6007",
    "80,443",
    "22,80,443",
    "1000:2000,3000",
    "25,110,143,993,995",
    "07",
    "0",
    "65536",
    "99999",
    "2000:1000",
    "5:5",
    "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15",
    "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
    "1:2,3:4,5:6,7:8,9:10,11:12,13:14,15",
    "1:2,3:4,5:6,7:8,9:10,11:12,13:14,15:16",
    ",22",
    "22,",
    ":22",
    "22:",
    "a:b",
    "ssh",
    "http",
    "https",
    "domain",
    "ntp",
    "ftp",
    "whois",
    "bootps",
    "smtp",
    "nosuchservice",
    "ssh,http",
    "x",
    "-22",
    "22a",
    "1_000",
    "٢٢"
  };
  private static final String[] PROTOS = {
    "tcp", "udp", "any", "esp", "ah", "gre", "ipv6", "igmp", "vrrp", "TCP", "icmp", "sctp"
  };
  private static final String[] IFACES = {
    "eth0",
    "eth1",
    "wlan0",
    "br-1",
    "lo",
    "eth0.100",
    "veth+",
    "a,b",
    "x=y%z@q",
    "eth0:1",
    "eth!0",
    ".",
    "..",
    "averyveryverylongname",
    "eth 0",
    "e/th"
  };
  private static final String[] APPS = {
    "OpenSSH",
    "openssh",
    "WWW Full",
    "WWW",
    "www full",
    "Samba",
    "CUPS",
    "Bind9",
    "NoSuchApp",
    "Deluge",
    "KTorrent",
    "Transmission",
    "Kerberos Full",
    "DNS",
    "Mail submission",
    "all",
    "22",
    "bad/app"
  };
  private static final String[] COMMENTS = {
    "allow SSH connections in",
    "dns",
    "",
    "é ü ß 日本",
    "with 'quote'",
    "x",
    "a comment with spaces",
    "tab\there",
    "comment"
  };
  private static final String[] NOISE = {
    "in", "out", "on", "to", "from", "port", "proto", "app", "log", "log-all", "comment", "any",
    "route", "delete", "insert", "prepend", "1", "ALLOW", "IN", "Out", "rule", "2"
  };

  private static final class R {
    final RandomnessSource in;

    R(RandomnessSource in) {
      this.in = in;
    }

    int n(int bound) {
      return (int) in.next(Constraint.between(0, bound - 1));
    }

    boolean p(int percent) {
      return n(100) < percent;
    }

    String pick(String[] a) {
      return a[n(a.length)];
    }

    String addr() {
      int k = n(10);
      if (k < 1) {
        return "any";
      }
      if (k < 6) {
        return pick(V4);
      }
      if (k < 9) {
        return pick(V6);
      }
      return pick(BAD_ADDR);
    }

    String port() {
      return pick(PORTS);
    }
  }

  /** Command lines: 70% grammatical rule commands, 30% mutated ones. */
  public static Gen<List<String>> commandLines() {
    return in -> {
      R r = new R(in);
      if (r.p(5)) {
        List<String> del = new ArrayList<>();
        if (r.p(80)) {
          del.add("--force");
        }
        del.add("delete");
        del.add(r.pick(new String[] {"1", "2", "3", "4", "5", "7", "12", "0", "-1", "+2", " 3"}));
        return del;
      }
      List<String> argv = r.p(40) ? simple(r) : extended(r);
      if (r.p(30)) {
        mutate(r, argv);
      }
      return argv;
    };
  }

  /** Grammatical simple-syntax commands ({@code allow out 53/udp comment 'x'}). */
  public static Gen<List<String>> simpleCommands() {
    return in -> simple(new R(in));
  }

  /**
   * Grammatical extended-syntax commands ({@code deny in on eth0 from X to Y port P proto tcp}).
   */
  public static Gen<List<String>> extendedCommands() {
    return in -> extended(new R(in));
  }

  private static final String[][] SESSION_RULES = {
    {"22/tcp"},
    {"80"},
    {"53/udp"},
    {"in", "log", "443"},
    {"out", "123/udp"},
    {"from", "10.0.0.0/8"},
    {"from", "10.1.2.3/8", "to", "any", "port", "25", "proto", "tcp"},
    {"from", "2001:db8::/32", "to", "any", "port", "443", "proto", "tcp"},
    {"to", "2001:db8::1", "port", "22,80", "proto", "tcp"},
    {"in", "on", "eth0", "to", "any", "port", "8080"},
    {"proto", "esp", "from", "192.168.1.0/24"},
    {"DNS"},
    {"WWW Full"},
    {"CIFS"},
    {"from", "any", "to", "any", "app", "WWW Full"},
    {"in", "on", "eth1", "from", "10.0.0.0/8", "app", "DNS"}
  };
  private static final String[][] SESSION_ROUTES = {
    {"in", "on", "eth0", "out", "on", "eth1"},
    {"in", "on", "eth0", "to", "10.0.0.0/8", "port", "22", "proto", "tcp"}
  };

  /**
   * Sequences of {@code length} rule commands drawn from a small pool of rules, so that they meet:
   * re-adding a rule, changing only its action or comment, inserting at positions in and out of
   * range, prepending, deleting by rule (present or not) and by number ({@code --force delete N}).
   * Application rules use the profiles ufw ships (DNS, WWW Full, CIFS).
   */
  public static Gen<List<List<String>>> sessions(int length) {
    return in -> {
      R r = new R(in);
      List<List<String>> session = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        session.add(sessionCommand(r));
      }
      return session;
    };
  }

  private static List<String> sessionCommand(R r) {
    List<String> argv = new ArrayList<>();
    if (r.p(12)) {
      argv.add("--force");
      argv.add("delete");
      argv.add(Integer.toString(1 + r.n(9)));
      return argv;
    }
    boolean route = r.p(10);
    if (route) {
      argv.add("route");
    }
    int op = r.n(100);
    if (op < 14) {
      argv.add("delete");
    } else if (op < 24) {
      argv.add("insert");
      argv.add(Integer.toString(1 + r.n(12)));
    } else if (op < 29) {
      argv.add("prepend");
    }
    argv.add(r.n(8) == 0 ? "limit" : r.pick(new String[] {"allow", "allow", "deny", "reject"}));
    String[] body =
        route
            ? SESSION_ROUTES[r.n(SESSION_ROUTES.length)]
            : SESSION_RULES[r.n(SESSION_RULES.length)];
    argv.addAll(List.of(body));
    int c = r.n(4);
    if (c > 0) {
      argv.add("comment");
      argv.add(new String[] {"", "web", "ops"}[c - 1]);
    }
    return argv;
  }

  private static void prefix(R r, List<String> argv) {
    int k = r.n(20);
    if (k == 0) {
      argv.add("insert");
      argv.add(r.pick(new String[] {"1", "2", "3", "5", "9", "0", "-1", "x", "1a"}));
    } else if (k == 1) {
      argv.add("prepend");
    } else if (k <= 3) {
      argv.add("delete");
    }
  }

  private static List<String> simple(R r) {
    List<String> argv = new ArrayList<>();
    prefix(r, argv);
    argv.add(r.pick(ACTIONS));
    if (r.p(40)) {
      argv.add(r.p(50) ? "in" : "out");
    }
    if (r.p(15)) {
      argv.add(r.p(50) ? "log" : "log-all");
    }
    int k = r.n(10);
    if (k < 2) {
      argv.add(r.pick(APPS));
    } else if (k < 6) {
      argv.add(r.port());
    } else {
      argv.add(r.port() + "/" + r.pick(PROTOS));
    }
    if (r.p(25)) {
      argv.add("comment");
      argv.add(r.pick(COMMENTS));
    }
    return argv;
  }

  private static List<String> extended(R r) {
    List<String> argv = new ArrayList<>();
    boolean route = r.p(20);
    if (route) {
      argv.add("route");
    }
    prefix(r, argv);
    argv.add(r.pick(ACTIONS));
    List<List<String>> clauses = new ArrayList<>();
    if (r.p(35)) {
      List<String> c = new ArrayList<>();
      c.add(r.p(60) ? "in" : "out");
      c.add("on");
      c.add(r.pick(IFACES));
      argv.addAll(c);
      if (route && r.p(40)) {
        argv.add(c.get(0).equals("in") ? "out" : "in");
        argv.add("on");
        argv.add(r.pick(IFACES));
      }
    } else if (r.p(30)) {
      argv.add(r.p(50) ? "in" : "out");
    }
    if (r.p(12)) {
      argv.add(r.p(50) ? "log" : "log-all");
    }
    boolean hasApp = false;
    for (String side : new String[] {"from", "to"}) {
      if (r.p(65)) {
        List<String> c = new ArrayList<>();
        c.add(side);
        c.add(r.addr());
        int k = r.n(10);
        if (k < 4) {
          c.add("port");
          c.add(r.port());
        } else if (k < 6) {
          c.add("app");
          c.add(r.pick(APPS));
          hasApp = true;
        }
        clauses.add(c);
      }
    }
    if ((!hasApp && r.p(45)) || r.p(5)) {
      clauses.add(List.of("proto", r.pick(PROTOS)));
    }
    if (r.p(15)) {
      // ufw accepts clauses in any order
      java.util.Collections.reverse(clauses);
    }
    for (List<String> c : clauses) {
      argv.addAll(c);
    }
    if (clauses.isEmpty() && r.p(70)) {
      argv.add("to");
      argv.add("any");
    }
    if (r.p(20)) {
      argv.add("comment");
      argv.add(r.pick(COMMENTS));
    }
    return argv;
  }

  private static void mutate(R r, List<String> argv) {
    int times = 1 + r.n(2);
    for (int t = 0; t < times && !argv.isEmpty(); t++) {
      int i = r.n(argv.size());
      switch (r.n(4)) {
        case 0 -> argv.remove(i);
        case 1 -> argv.add(i, r.pick(NOISE));
        case 2 -> argv.add(i, argv.get(i));
        default -> {
          int j = r.n(argv.size());
          String tmp = argv.get(i);
          argv.set(i, argv.get(j));
          argv.set(j, tmp);
        }
      }
    }
  }
}
