package dev.hostguard.ufw.gen;

import com.google.common.collect.ImmutableList;
import dev.hostguard.ufw.iptables.IptablesChain;
import dev.hostguard.ufw.iptables.IptablesRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of iptables-restore content as ufw's rules files hold it: tables with
 * built-in and user chains, and rules with drawn addresses, ports, port ranges, interfaces, state
 * and comment matches, LOG prefixes with wide characters, and jumps to built-in targets or the
 * table's own chains.
 *
 * <pre>{@code
 * qt().forAll(IptablesGens.tables()).checkAssert(tables ->
 *     tables.forEach((name, t) -> assertThat(t.chains()).isNotEmpty()));
 * }</pre>
 */
public final class IptablesGens {
  private static final String[] TABLES = {"filter", "nat", "mangle", "raw", "security"};
  private static final String[] BUILTIN = {"INPUT", "FORWARD", "OUTPUT"};
  private static final String[] POLICIES = {"ACCEPT", "DROP"};
  private static final String[] TARGETS = {"ACCEPT", "DROP", "RETURN", "LOG", "REJECT"};
  private static final String[] STATES = {"NEW", "RELATED,ESTABLISHED", "INVALID", "ESTABLISHED"};

  private IptablesGens() {}

  /**
   * One table's generated content: its chain declarations and its rules (whose chains and jumps
   * name only those chains).
   *
   * @param chains the {@code :chain} declarations in order
   * @param rules the rules in order
   */
  public record Table(ImmutableList<IptablesChain> chains, ImmutableList<IptablesRule> rules) {}

  /** One to three distinct tables, in file order, each with chains and 0 to 12 rules. */
  public static Gen<Map<String, Table>> tables() {
    return in -> {
      Draws d = new Draws(in);
      Map<String, Table> out = new LinkedHashMap<>();
      int n = 1 + d.n(3);
      for (int i = 0; i < n; i++) {
        String name = d.pick(TABLES);
        if (!out.containsKey(name)) {
          out.put(name, table(d));
        }
      }
      return out;
    };
  }

  /** Rules for a table holding {@code chains}, as {@link #tables()} draws them. */
  public static Gen<IptablesRule> rules(List<String> chains) {
    return in -> rule(new Draws(in), chains);
  }

  private static Table table(Draws d) {
    List<IptablesChain> chains = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String b : BUILTIN) {
      chains.add(
          new IptablesChain(
              b,
              Optional.of(d.pick(POLICIES)),
              d.percent(80) ? Optional.of("[0:0]") : Optional.empty()));
      names.add(b);
    }
    int user = d.n(5);
    for (int i = 0; i < user; i++) {
      String name =
          "ufw-" + d.pick(new String[] {"before", "after", "user", "logging"}) + "-" + d.n(1000);
      if (!names.contains(name)) {
        chains.add(new IptablesChain(name, Optional.of("-"), Optional.of("[0:0]")));
        names.add(name);
      }
    }
    List<IptablesRule> rules = new ArrayList<>();
    int n = d.n(13);
    for (int i = 0; i < n; i++) {
      rules.add(rule(d, names));
    }
    return new Table(ImmutableList.copyOf(chains), ImmutableList.copyOf(rules));
  }

  /**
   * A drawn text as an option value: iptables would read a leading {@code -} as an option (and
   * iptables-restore refuses any argument starting {@code -t}), so such a text gets an {@code x}.
   */
  private static String value(String text) {
    return text.startsWith("-") ? "x" + text : text;
  }

  private static IptablesRule rule(Draws d, List<String> chains) {
    List<String> a = new ArrayList<>();
    a.add(d.percent(85) ? "-A" : "-I");
    a.add(chains.get(d.n(chains.size())));
    boolean v6 = d.percent(30);
    String proto = d.pick(new String[] {"tcp", "udp", "icmp", ""});
    if (!proto.isEmpty()) {
      a.add("-p");
      a.add(proto);
    }
    if (d.percent(40)) {
      if (d.percent(15)) {
        a.add("!");
      }
      a.add("-s");
      a.add(v6 ? d.ipv6Network() : d.ipv4Network());
    }
    if (d.percent(30)) {
      a.add("-d");
      a.add(v6 ? d.ipv6Network() : d.ipv4Network());
    }
    if (d.percent(25)) {
      a.add(d.percent(50) ? "-i" : "-o");
      a.add(d.interfaceName());
    }
    if (proto.equals("tcp") || proto.equals("udp")) {
      if (d.percent(50)) {
        a.addAll(List.of("-m", "multiport", "--dports", d.port() + "," + d.portRange()));
      } else {
        a.addAll(List.of("-m", proto, "--dport", d.percent(70) ? "" + d.port() : d.portRange()));
      }
    }
    if (d.percent(30)) {
      a.addAll(List.of("-m", "conntrack", "--ctstate", d.pick(STATES)));
    }
    if (d.percent(30)) {
      a.addAll(List.of("-m", "comment", "--comment", value(d.text(40))));
    }
    int t = d.n(10);
    if (t < 5) {
      String target = d.pick(TARGETS);
      a.add("-j");
      a.add(target);
      if (target.equals("LOG")) {
        a.addAll(List.of("--log-prefix", "[" + d.text(20) + "] "));
      }
    } else if (t < 9) {
      a.add(d.percent(85) ? "-j" : "-g");
      a.add(chains.get(d.n(chains.size())));
    }
    return IptablesRule.of(a);
  }
}
