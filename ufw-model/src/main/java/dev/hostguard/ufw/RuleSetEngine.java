package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One rule-set operation in progress: ufw 0.36.2's {@code frontend.set_rule}, {@code
 * frontend.delete_rule} and {@code backend_iptables.set_rule} over mutable working copies of the
 * two rule lists. {@link UfwRuleSet} freezes the result; {@link UfwDryRun} also watches the writes.
 *
 * <p>Failures are thrown the way ufw ends: {@link UfwError} is ufw's UFWError (caught by the loops
 * that ufw catches it in), {@link Fatal} is ufw's {@code error()} (it exits at once, even from a
 * back-out), {@link Crash} is a Python traceback.
 */
final class RuleSetEngine {
  /** How ufw words its results: a dry run, a real run with the firewall off, or on. */
  enum Mode {
    DRY_RUN,
    INACTIVE,
    ACTIVE
  }

  /**
   * Receives every rules file ufw writes, in order, as the engine's working rules (freeze them with
   * {@link #freeze} if needed); may throw {@link UfwError} or {@link Fatal}.
   */
  interface Writer {
    void write(boolean v6, List<RuleDraft> rules);
  }

  /** The working rules as immutable rules. */
  static List<UfwRule> freeze(List<RuleDraft> drafts) {
    List<UfwRule> out = new ArrayList<>(drafts.size());
    for (RuleDraft d : drafts) {
      out.add(d.toRule());
    }
    return out;
  }

  /** ufw's {@code error()}: prints {@code ERROR: message} and exits 1 at once. */
  static final class Fatal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fatal(String message) {
      super(message, null, false, false);
    }
  }

  /** ufw stops with a Python traceback (its own bug, reproduced). */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message, null, false, false);
    }
  }

  final List<RuleDraft> rules = new ArrayList<>();
  final List<RuleDraft> rules6 = new ArrayList<>();
  private final boolean ipv6;
  private final boolean ipv6Limit;
  private final AppProfiles profiles;
  private final ServicesDatabase services;
  private final Mode mode;
  private final Writer writer;
  private final Consumer<String> warn;
  private boolean warnedNormalization;

  RuleSetEngine(
      List<UfwRule> v4,
      List<UfwRule> v6,
      boolean ipv6,
      boolean ipv6Limit,
      AppProfiles profiles,
      Mode mode,
      Writer writer,
      Consumer<String> warn) {
    for (UfwRule r : v4) {
      rules.add(RuleDraft.of(r));
    }
    for (UfwRule r : v6) {
      rules6.add(RuleDraft.of(r));
    }
    this.ipv6 = ipv6;
    // ufw probes the kernel only when it really runs as root; a dry run assumes no IPv6 limit
    this.ipv6Limit = ipv6Limit && mode != Mode.DRY_RUN;
    this.profiles = profiles;
    this.services = profiles.services();
    this.mode = mode;
    this.writer = writer;
    this.warn = warn;
  }

  static Fatal error(String msg) {
    return new Fatal(msg);
  }

  // ---- frontend.do_action for rule actions
  String doRuleAction(RuleDraft rule, UfwCommand.IpVersion ipv) {
    if (!rule.dapp.isEmpty()) {
      try {
        String tmp = profiles.findName(rule.dapp);
        if (!tmp.equals(rule.dapp)) {
          rule.dapp = tmp;
          rule.setPort(tmp, true, services);
        }
      } catch (UfwError e) {
        if (!rule.remove) {
          throw error(requireNonNull(e.getMessage()));
        }
        if (!UfwRuleParser.isValidProfileName(rule.dapp)) {
          throw error("Invalid profile name");
        }
      }
    }
    if (!rule.sapp.isEmpty()) {
      try {
        String tmp = profiles.findName(rule.sapp);
        if (!tmp.equals(rule.sapp)) {
          rule.sapp = tmp;
          rule.setPort(tmp, true, services);
        }
      } catch (UfwError e) {
        if (!rule.remove) {
          throw error(requireNonNull(e.getMessage()));
        }
        if (!UfwRuleParser.isValidProfileName(rule.sapp)) {
          throw error("Invalid profile name");
        }
      }
    }
    return setRule(rule, ipv);
  }

  int rulesCount(boolean v6) {
    int count = 0;
    // made at the first application rule: most lists have none
    Set<String> seen = null;
    for (RuleDraft r : v6 ? rules6 : rules) {
      if (!r.dapp.isEmpty() || !r.sapp.isEmpty()) {
        if (seen == null) {
          seen = new HashSet<>();
        }
        if (!seen.add(r.appTuple())) {
          continue;
        }
      }
      count++;
    }
    return count;
  }

  private List<RuleDraft> appRulesFromSystem(RuleDraft template, boolean v6) {
    RuleDraft norm = template.copy();
    norm.setV6(v6);
    norm.normalize();
    String tupl = norm.appTuple();
    List<RuleDraft> res = new ArrayList<>();
    for (RuleDraft r : v6 ? rules6 : rules) {
      RuleDraft tmp = r.copy();
      tmp.normalize();
      if (tmp.appTuple().equals(tupl)) {
        res.add(tmp);
      }
    }
    return res;
  }

  private List<RuleDraft> appRulesFromTemplate(RuleDraft template) {
    List<RuleDraft> res = new ArrayList<>();
    Map<String, AppProfile> byName = profiles.byName();
    if (byName.containsKey(template.dport) && byName.containsKey(template.sport)) {
      List<String> dports = byName.get(template.dport).ports();
      List<String> sports = byName.get(template.sport).ports();
      for (String i : dports) {
        RuleDraft tmp = template.copy();
        tmp.dapp = "";
        tmp.setPort("any", false, services);
        String[] pp = portProto(i);
        tmp.setProtocol(pp[1]);
        tmp.setPort(pp[0], true, services);
        tmp.dapp = template.dapp;
        if (template.dport.equals(template.sport)) {
          tmp.sapp = "";
          tmp.setProtocol(pp[1]);
          tmp.setPort(pp[0], false, services);
          tmp.sapp = template.sapp;
          res.add(tmp);
        } else {
          for (String j : sports) {
            RuleDraft rule = tmp.copy();
            rule.sapp = "";
            String[] sp = portProto(j);
            rule.setProtocol(sp[1]);
            rule.setPort(sp[0], false, services);
            if (rule.protocol == UfwProtocol.ANY) {
              rule.protocol = tmp.protocol;
            }
            rule.sapp = template.sapp;
            res.add(rule);
          }
        }
      }
    } else if (byName.containsKey(template.sport)) {
      for (String p : byName.get(template.sport).ports()) {
        RuleDraft rule = template.copy();
        rule.sapp = "";
        String[] pp = portProto(p);
        rule.setProtocol(pp[1]);
        rule.setPort(pp[0], false, services);
        rule.sapp = template.sapp;
        res.add(rule);
      }
    } else if (byName.containsKey(template.dport)) {
      for (String p : byName.get(template.dport).ports()) {
        RuleDraft rule = template.copy();
        rule.dapp = "";
        String[] pp = portProto(p);
        rule.setProtocol(pp[1]);
        rule.setPort(pp[0], true, services);
        rule.dapp = template.dapp;
        res.add(rule);
      }
    }
    if (res.isEmpty()) {
      throw new UfwError("No rules found for application profile");
    }
    return res;
  }

  private static String[] portProto(String p) {
    String[] tmp = p.split("/", -1);
    if (tmp.length == 1) {
      return new String[] {tmp[0], "any"};
    } else if (tmp.length == 2) {
      if (UfwProtocol.fromWord(tmp[1]).map(x -> !x.hasPorts()).orElse(false)) {
        throw new UfwError("Invalid port with protocol '" + tmp[1] + "'");
      }
      return new String[] {tmp[0], tmp[1]};
    }
    throw new UfwError("Bad port");
  }

  /** find_other_position; ufw raises ValueError or IndexError where this throws {@link Crash}. */
  private int findOtherPosition(int position, boolean v6) {
    List<RuleDraft> list = v6 ? rules6 : rules;
    if (position > list.size() || position < 1) {
      throw new Crash("ValueError in find_other_position: position " + position);
    }
    Set<String> appRules = new HashSet<>();
    int tupleOffset = 0;
    for (int i = 0; i < list.size() && i < position; i++) {
      RuleDraft r = list.get(i);
      if (!r.dapp.isEmpty() || !r.sapp.isEmpty()) {
        if (!appRules.add(r.appTuple())) {
          tupleOffset++;
        }
      }
    }
    int index = position - 1 + tupleOffset;
    if (index >= list.size()) {
      throw new Crash("IndexError in find_other_position: position " + position);
    }
    RuleDraft match = list.get(index).copy();
    match.setV6(!v6);
    int count = 1;
    for (RuleDraft r : v6 ? rules : rules6) {
      if (r.match(match) == 0) {
        return count;
      }
      count++;
    }
    return 0;
  }

  // ---- frontend.set_rule

  /** The rule counts set_rule reads once and updates after a v4 insert of a "both" rule. */
  private static final class Counts {
    int v4;
    final int v6;

    Counts(int v4, int v6) {
      this.v4 = v4;
      this.v6 = v6;
    }
  }

  String setRule(RuleDraft rule, UfwCommand.IpVersion ipv) {
    List<RuleDraft> list;
    try {
      list = rulesToSet(rule, ipv);
    } catch (UfwError e) {
      throw error(requireNonNull(e.getMessage()));
    }
    if (list.isEmpty()) {
      // removing absent application rules: a real run does not process it, a dry run says nothing
      return mode == Mode.DRY_RUN ? "" : nonExistent(ipv);
    }
    String tmp = "";
    Counts n = new Counts(rulesCount(false), rulesCount(true));
    for (int count = 0; count < list.size(); count++) {
      RuleDraft r = list.get(count);
      if (r.position > n.v4 + n.v6) {
        throw error("Invalid position '" + r.position + "'");
      }
      try {
        tmp = setOne(r, ipv, count, n);
      } catch (UfwError e) {
        throw backOut(list, count, ipv, requireNonNull(e.getMessage()));
      }
      if (r.updated && !warnedNormalization) {
        // ufw's warnings.warn: Python prints a warning once per place in the code, per process
        warnedNormalization = true;
        warn.accept("Rule changed after normalization");
      }
    }
    return tmp;
  }

  /**
   * The rules one set_rule call applies: the rule itself, the system's rules matching an
   * application rule to delete, or one rule per port of its application profiles (reversed for an
   * insert).
   */
  private List<RuleDraft> rulesToSet(RuleDraft rule, UfwCommand.IpVersion ipv) {
    if (rule.dapp.isEmpty() && rule.sapp.isEmpty()) {
      List<RuleDraft> list = new ArrayList<>(1);
      list.add(rule);
      return list;
    } else if (rule.remove) {
      return appRulesToDelete(rule, ipv);
    }
    List<RuleDraft> list = appRulesFromTemplate(rule);
    if (rule.position != 0) {
      Collections.reverse(list);
    }
    return list;
  }

  /** The application rules to delete, found in the system's rules, with the rule's action. */
  private List<RuleDraft> appRulesToDelete(RuleDraft rule, UfwCommand.IpVersion ipv) {
    List<RuleDraft> tmprules;
    if (ipv == UfwCommand.IpVersion.V4) {
      tmprules = appRulesFromSystem(rule, false);
    } else if (ipv == UfwCommand.IpVersion.V6) {
      tmprules = appRulesFromSystem(rule, true);
    } else {
      tmprules = appRulesFromSystem(rule, false);
      List<RuleDraft> tmprules6 = appRulesFromSystem(rule, true);
      // ufw appends to the list it walks, so the walk sees the appended rules too
      for (int xi = 0; xi < tmprules.size(); xi++) {
        RuleDraft x = tmprules.get(xi);
        for (RuleDraft y : tmprules6) {
          boolean prev6 = y.v6;
          y.v6 = false;
          if (x.match(y) == 0) {
            y.v6 = prev6;
            tmprules.add(y);
          }
        }
      }
    }
    List<RuleDraft> list = new ArrayList<>(tmprules.size());
    for (RuleDraft t : tmprules) {
      RuleDraft r = t.copy();
      r.remove = rule.remove;
      r.action = rule.action;
      r.logType = rule.logType;
      list.add(r);
    }
    return list;
  }

  private static String nonExistent(UfwCommand.IpVersion ipv) {
    String gone = "Could not delete non-existent rule";
    return switch (ipv) {
      case V4 -> gone;
      case V6 -> gone + " (v6)";
      case BOTH -> gone + "\n" + gone + " (v6)";
    };
  }

  /** The position a prepended rule takes: 0 (append) into an empty list at first, else 1. */
  private static int prependPosition(int count, int rulesInList) {
    return count == 0 && rulesInList == 0 ? 0 : 1;
  }

  /** One rule of the list, into the list or lists its IP version names. */
  private String setOne(RuleDraft r, UfwCommand.IpVersion ipv, int count, Counts n) {
    if (!ipv6) {
      if (r.position == -1) {
        r.position = prependPosition(count, n.v4);
      }
      if (ipv == UfwCommand.IpVersion.V6) {
        throw new UfwError("IPv6 support not enabled");
      }
      r.setV6(false);
      return backendSetRule(r);
    }
    return switch (ipv) {
      case V4 -> setV4(r, count, n);
      case V6 -> setV6(r, count, n);
      case BOTH -> setBoth(r, count, n);
    };
  }

  private String setV4(RuleDraft r, int count, Counts n) {
    if (r.position == -1) {
      r.position = prependPosition(count, n.v4);
    } else if (r.position > n.v4) {
      throw new UfwError("Invalid position '" + r.position + "'");
    }
    r.setV6(false);
    return backendSetRule(r);
  }

  /** A v6 rule's position counts after the v4 rules. */
  private String setV6(RuleDraft r, int count, Counts n) {
    if (r.position == -1) {
      r.position = prependPosition(count, n.v6);
    } else if (r.position > n.v4) {
      r.position = r.position - n.v4;
    } else if (r.position != 0 && r.position <= n.v4) {
      throw new UfwError("Invalid position '" + r.position + "'");
    }
    r.setV6(true);
    return backendSetRule(r);
  }

  /** The rule into both lists, an insert position translated to the other list's. */
  private String setBoth(RuleDraft r, int count, Counts n) {
    int userPos = r.position;
    r.setV6(false);
    if (userPos == -1) {
      r.position = prependPosition(count, n.v4);
    } else if (!r.remove && userPos > n.v4) {
      int p = findOtherPosition(userPos - n.v4 + count, true);
      r.position = p > 0 ? p : 0;
    }
    String tmp = backendSetRule(r);
    if (!r.remove && userPos > 0) {
      n.v4 = rulesCount(false);
      r.position = userPos + 1;
    }
    r.setV6(true);
    if (userPos == -1) {
      r.position = prependPosition(count, n.v6);
    } else if (!r.remove && r.position > 0 && r.position <= n.v4) {
      int p = findOtherPosition(r.position, false);
      r.position = p > 0 ? p - count : 0;
    }
    if (!tmp.isEmpty()) {
      tmp += "\n";
    }
    if (!r.remove && r.position > n.v4 && userPos != -1) {
      r.position = r.position - n.v4;
    }
    return tmp + backendSetRule(r);
  }

  /**
   * A failed rule of the list: a single rule ends the run; otherwise the rules already applied are
   * backed out, newest first (ufw backs out nothing when the first rule failed, and its error()
   * inside ends the run).
   */
  private RuntimeException backOut(
      List<RuleDraft> list, int count, UfwCommand.IpVersion ipv, String errMsg) {
    if (list.size() == 1) {
      return error(errMsg);
    }
    boolean undoError = false;
    for (int j = count; j >= 0; j--) {
      if (count > 0) {
        RuleDraft backout = list.get(j).copy();
        backout.remove = true;
        try {
          setRule(backout, ipv);
        } catch (UfwError e) {
          undoError = true;
          warn.accept(
              "Could not back out rule '" + RuleIptables.format(list.get(count).toRule()) + "'");
        }
      }
    }
    return new UfwError(
        errMsg
            + "\nError applying application rules."
            + (undoError
                ? " Some rules could not be unapplied."
                : " Attempted rules successfully unapplied."));
  }

  // ---- backend_iptables.set_rule
  private String backendSetRule(RuleDraft rule) {
    if (rule.v6) {
      if (!ipv6) {
        throw new UfwError("Adding IPv6 rule failed: IPv6 not enabled");
      }
      if (rule.action == UfwAction.LIMIT && !ipv6Limit) {
        return "Skipping unsupported IPv6 'limit' rule";
      }
    }
    if (rule.multi() && rule.protocol != UfwProtocol.UDP && rule.protocol != UfwProtocol.TCP) {
      throw new UfwError("Must specify 'tcp' or 'udp' with multiple ports");
    }
    List<RuleDraft> current = rule.v6 ? rules6 : rules;
    if (rule.position < 0 || rule.position > current.size()) {
      throw new UfwError("Invalid position '" + rule.position + "'");
    }
    if (rule.position > 0 && rule.remove) {
      throw new UfwError("Cannot specify insert and delete");
    }
    rule.normalize();
    Merge m = new Merge(rule);
    for (RuleDraft r : current) {
      m.next(r);
    }
    String v6s = rule.v6 ? " (v6)" : "";
    String skipped = m.skipped(mode, v6s);
    if (!skipped.isEmpty()) {
      return skipped;
    }
    current.clear();
    current.addAll(m.newrules);
    writer.write(rule.v6, current);
    if (mode != Mode.ACTIVE) {
      return "Rules updated" + v6s;
    }
    // the live firewall's wording, assuming its chains exist (no forced reload)
    if (m.inserted) {
      return "Rule inserted" + v6s;
    } else if (m.modified) {
      return "Rule updated" + v6s;
    } else if (m.found && rule.remove) {
      return "Rule deleted" + v6s;
    }
    return "Rule added" + v6s;
  }

  /**
   * backend_iptables.set_rule's walk over the current rules: the new list with the rule inserted,
   * updated in place, deleted or appended.
   */
  private static final class Merge {
    final RuleDraft rule;
    final List<RuleDraft> newrules = new ArrayList<>();
    boolean found;
    boolean modified;
    boolean inserted;
    int matches;

    /** The insert position, moved past the rules of one application tuple. */
    int position;

    int count = 1;
    String[] last = {"", "", "", ""};

    Merge(RuleDraft rule) {
      this.rule = rule;
      this.position = rule.position;
    }

    void next(RuleDraft r) {
      r.normalize();
      String[] cur = {r.dst, r.src, r.dapp, r.sapp};
      if (count == position) {
        insertBefore(cur);
      }
      last = cur;
      count++;
      int ret = r.match(rule);
      if (ret < 1) {
        matches++;
      }
      if (ret == 0 && !found && !inserted) {
        // the same rule: kept (or dropped by a delete)
        found = true;
        if (!rule.remove) {
          newrules.add(rule.copy());
        }
      } else if (ret == -2 && rule.remove && rule.comment.isEmpty()) {
        found = true;
      } else if (ret < 0 && !rule.remove && !inserted) {
        // the same rule with another action or comment: updated in place
        found = true;
        modified = true;
        newrules.add(rule.copy());
      } else {
        newrules.add(r);
      }
    }

    /** At the insert position: inserts, unless that splits one application tuple's rules. */
    private void insertBefore(String[] cur) {
      if ((last[2].isEmpty() && last[3].isEmpty() && count > 1)
          || (cur[2].isEmpty() && cur[3].isEmpty())
          || !Arrays.equals(last, cur)) {
        inserted = true;
        newrules.add(rule.copy());
        last = new String[] {"", "", "", ""};
      } else {
        position++;
      }
    }

    /** The message when nothing is written (an existing rule, an absent one), else "". */
    String skipped(Mode mode, String v6s) {
      if (inserted) {
        return matches > 0 ? "Skipping inserting existing rule" + v6s : "";
      }
      if (!found && !rule.remove) {
        newrules.add(rule.copy());
      }
      if (!found && rule.remove && mode != Mode.DRY_RUN) {
        return "Could not delete non-existent rule" + v6s;
      }
      if (found && !rule.remove && !modified) {
        return "Skipping adding existing rule" + v6s;
      }
      return "";
    }
  }

  /**
   * The rule {@code ufw delete N} removes: the N-th rule as {@code status numbered} counts them
   * (application rules once per tuple), or null.
   */
  RuleDraft numbered(long n) {
    if (n <= 0 || n > rules.size() + rules6.size()) {
      return null;
    }
    int count = 1;
    Set<String> seen = new HashSet<>();
    for (List<RuleDraft> list : List.of(rules, rules6)) {
      for (RuleDraft r : list) {
        if (!r.dapp.isEmpty() || !r.sapp.isEmpty()) {
          if (!seen.add(r.appTuple())) {
            continue;
          }
        }
        if (count == n) {
          return r;
        }
        count++;
      }
    }
    return null;
  }

  /** frontend.delete_rule after its prompt: deletes the rule {@link #numbered} returned. */
  String deleteNumbered(RuleDraft rule) {
    rule.remove = true;
    return setRule(rule, rule.v6 ? UfwCommand.IpVersion.V6 : UfwCommand.IpVersion.V4);
  }
}
