package dev.hostguard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 10,000 mixed ufw rule command lines of {@link UfwRuleBenchmark} (fixed seed), printable as
 * JSON lines for the Python side of {@code scripts/ufw-parser-ratio.sh}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.hostguard.benchmarks.UfwRuleCorpus > rules.jsonl
 * }</pre>
 */
public final class UfwRuleCorpus {
  private UfwRuleCorpus() {}

  private static final String[] ACTIONS = {"allow", "deny", "reject", "limit"};
  private static final String[] PORTS = {
    "22", "80", "443", "53", "123", "6000:6007", "80,443", "ssh", "http", "https", "domain", "25"
  };
  private static final String[] SINGLE_PORTS = {"22", "80", "443", "ssh", "https", "8080"};
  private static final String[] ADDRS = {
    "10.0.0.0/8",
    "192.168.1.7/24",
    "203.0.113.9",
    "2001:db8::/32",
    "fe80::1",
    "any",
    "172.16.0.0/255.240.0.0"
  };
  private static final String[] IFACES = {"eth0", "eth1", "wlan0", "br0"};

  /** The corpus. */
  public static List<List<String>> rules(int n) {
    SplittableRandom r = new SplittableRandom(20261125L);
    List<List<String>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> a = new ArrayList<>();
      String action = ACTIONS[r.nextInt(ACTIONS.length)];
      switch (r.nextInt(4)) {
        case 0 -> {
          a.add(action);
          if (r.nextBoolean()) {
            a.add(r.nextBoolean() ? "in" : "out");
          }
          String p = PORTS[r.nextInt(PORTS.length)];
          a.add(p.contains(",") || p.contains(":") ? p + "/tcp" : p);
        }
        case 1 -> {
          a.add(action);
          a.add("from");
          String from = ADDRS[r.nextInt(ADDRS.length)];
          a.add(from);
          a.add("to");
          a.add(from.contains(":") ? "2001:db8::1" : from.equals("any") ? "any" : "10.1.2.3");
          a.add("port");
          a.add(String.valueOf(1 + r.nextInt(65535)));
          a.add("proto");
          a.add(r.nextBoolean() ? "tcp" : "udp");
        }
        case 2 -> {
          a.add(action);
          a.add("in");
          a.add("on");
          a.add(IFACES[r.nextInt(IFACES.length)]);
          a.add("to");
          a.add("any");
          a.add("port");
          a.add(SINGLE_PORTS[r.nextInt(SINGLE_PORTS.length)]);
          a.add("comment");
          a.add("rule number " + i);
        }
        default -> {
          a.add("route");
          a.add(action);
          a.add("in");
          a.add("on");
          a.add(IFACES[r.nextInt(IFACES.length)]);
          a.add("out");
          a.add("on");
          a.add(IFACES[r.nextInt(IFACES.length)]);
          a.add("to");
          a.add(ADDRS[r.nextInt(3)]);
        }
      }
      out.add(a);
    }
    return out;
  }

  /** Prints the 10,000 rules as JSON lists, one a line. */
  public static void main(String[] args) {
    StringBuilder sb = new StringBuilder();
    for (List<String> a : rules(10_000)) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        sb.append(i == 0 ? "" : ",").append('"').append(a.get(i)).append('"');
      }
      sb.append("]\n");
    }
    System.out.print(sb);
  }
}
