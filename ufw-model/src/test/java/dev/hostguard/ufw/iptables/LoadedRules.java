package dev.hostguard.ufw.iptables;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.collect.Multiset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Rules as the kernel holds them, compared without their order: each {@code -A} line of {@code
 * iptables -S} (or of a rules file) becomes (chain, matches, target), where the matches are every
 * matching option with its values ({@code -p tcp}, {@code --dport 22}, {@code --comment x}) as a
 * sorted set, whichever {@code -m} module they were written under ({@code iptables -S} adds the
 * implicit {@code -m tcp}), and the target is its name with its options, sorted. A multiset: a rule
 * loaded twice counts twice.
 */
final class LoadedRules {
  private LoadedRules() {}

  /** One rule, its parts in a canonical order. */
  record Rule(String chain, String matches, String target) {
    @Override
    public String toString() {
      return "-A " + chain + " " + matches + " -> " + target;
    }
  }

  /**
   * The rules of {@code iptables -S} output lines (the {@code -P}/{@code -N} lines are skipped).
   */
  static ImmutableMultiset<Rule> of(List<String> lines) {
    Multiset<Rule> out = HashMultiset.create();
    for (String l : lines) {
      if (l.startsWith("-A ")) {
        out.add(rule(IptablesRule.of(IptablesArguments.split(l).arguments())));
      }
    }
    return ImmutableMultiset.copyOf(out);
  }

  /** The {@code -A} rule a file's line adds. */
  static Rule rule(String line) {
    return rule(IptablesRule.of(IptablesArguments.split(line).arguments()));
  }

  static Rule rule(IptablesRule r) {
    TreeSet<String> matches = new TreeSet<>();
    for (IptablesOption o : r.options()) {
      matches.add(option(o));
    }
    for (IptablesMatch m : r.matches()) {
      for (IptablesOption o : m.options()) {
        if (!o.name().isEmpty()) {
          matches.add(option(o));
        }
      }
    }
    String target = "";
    if (r.target().isPresent()) {
      IptablesTarget t = r.target().get();
      TreeSet<String> opts = new TreeSet<>();
      for (IptablesOption o : t.options()) {
        opts.add(option(o));
      }
      target = (t.goTo() ? "goto " : "") + t.name() + " " + String.join(" ", opts);
    }
    return new Rule(r.chain(), String.join(" ", matches), target.strip());
  }

  private static String option(IptablesOption o) {
    List<String> parts = new ArrayList<>();
    if (o.negated()) {
      parts.add("!");
    }
    parts.add(o.name());
    for (String v : o.values()) {
      parts.add("\"" + v + "\"");
    }
    return String.join(" ", parts);
  }
}
