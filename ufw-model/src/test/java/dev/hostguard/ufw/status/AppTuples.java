package dev.hostguard.ufw.status;

import dev.hostguard.ufw.UfwRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The test's own reading of ufw 0.36.2's {@code UFWRule.get_app_tuple} (common.py), written from
 * its semantics for the laws and differential tests: the key under which {@code status} and {@code
 * status numbered} print an application rule once. It names the profiles, addresses and the other
 * side's port, then the interfaces ({@code in_eth0}, {@code out_eth1}, both) or, only when the rule
 * has none, the direction. Neither the protocol, the route flag, the action, the log type nor the
 * comment is part of it, so rules ufw holds side by side (an input rule and a route rule for the
 * same profile and interface; two route rules typed {@code in on A out on B} and {@code out on B in
 * on A}) share a key, and the status shows only the first.
 *
 * <pre>{@code
 * List<UfwRule> shown = AppTuples.shownOnce(rules);
 * }</pre>
 */
final class AppTuples {
  private AppTuples() {}

  /** ufw's get_app_tuple of an application rule. */
  static String key(UfwRule r) {
    String dapp = r.destinationApp().orElse("");
    String sapp = r.sourceApp().orElse("");
    StringBuilder t = new StringBuilder();
    t.append(dapp.isEmpty() ? r.destinationPort() : dapp).append(' ').append(r.destination());
    t.append(' ').append(sapp.isEmpty() ? r.sourcePort() : sapp).append(' ').append(r.source());
    if (r.interfaceIn().isEmpty() && r.interfaceOut().isEmpty()) {
      t.append(' ').append(r.direction().word());
    }
    r.interfaceIn().ifPresent(i -> t.append(" in_").append(i));
    r.interfaceOut().ifPresent(o -> t.append(" out_").append(o));
    return t.toString();
  }

  /**
   * The rules the non-verbose statuses print, in order: every rule that is not an application rule,
   * and the first application rule of each key.
   */
  static List<UfwRule> shownOnce(List<UfwRule> rules) {
    Set<String> seen = new HashSet<>();
    List<UfwRule> shown = new ArrayList<>();
    for (UfwRule r : rules) {
      if (!r.isAppRule() || seen.add(key(r))) {
        shown.add(r);
      }
    }
    return shown;
  }
}
