package dev.hostguard.host;

import com.google.common.collect.ImmutableList;
import dev.hostguard.ufw.iptables.IptablesMatch;
import dev.hostguard.ufw.iptables.IptablesOption;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import dev.hostguard.ufw.iptables.IptablesRule;
import dev.hostguard.ufw.iptables.IptablesTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * psad's LOG lines in ufw's before rules, recognised in any equivalent form: an appended rule of
 * the {@code *filter} table in {@code INPUT} (or ufw's {@code ufw-before-input} / {@code
 * ufw6-before-input}; the same for {@code FORWARD}), with no match but a {@code comment}, target
 * {@code LOG} with {@code --log-tcp-options} and the same {@code --log-prefix} after unquoting, its
 * options in any order. Only the missing lines are added, before the table's {@code COMMIT}.
 */
final class PsadLogRules {
  static final String TABLE = "filter";
  static final String COMMENT = "# log all traffic so psad can analyze";

  private static final Set<String> INPUT = Set.of("INPUT", "ufw-before-input", "ufw6-before-input");
  private static final Set<String> FORWARD =
      Set.of("FORWARD", "ufw-before-forward", "ufw6-before-forward");

  private PsadLogRules() {}

  /** The document with the missing LOG lines added (itself when none is missing). */
  static IptablesRestoreDocument ensure(IptablesRestoreDocument doc, String prefix) {
    List<String> block = new ArrayList<>();
    if (!has(doc, INPUT, prefix)) {
      block.add(line("INPUT", prefix));
    }
    if (!has(doc, FORWARD, prefix)) {
      block.add(line("FORWARD", prefix));
    }
    if (block.isEmpty()) {
      return doc;
    }
    block.add(0, COMMENT);
    if (!doc.tables().contains(TABLE)) {
      throw new IllegalArgumentException(doc.sourceName() + " has no *" + TABLE + " table");
    }
    return doc.withLinesBeforeCommit(TABLE, block);
  }

  private static String line(String chain, String prefix) {
    return IptablesRule.append(
            chain, ImmutableList.of("-j", "LOG", "--log-tcp-options", "--log-prefix", prefix))
        .toLine();
  }

  static boolean has(IptablesRestoreDocument doc, Set<String> chains, String prefix) {
    if (!doc.tables().contains(TABLE)) {
      return false;
    }
    for (IptablesRule r : doc.rules(TABLE)) {
      if (isLogAll(r, chains, prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLogAll(IptablesRule r, Set<String> chains, String prefix) {
    if (!(r.command().equals("-A") || r.command().equals("--append"))
        || !chains.contains(r.chain())
        || !r.options().isEmpty()
        || r.target().isEmpty()) {
      return false;
    }
    for (IptablesMatch m : r.matches()) {
      if (!m.module().equals("comment")) {
        return false;
      }
    }
    IptablesTarget t = r.target().get();
    if (t.goTo() || !t.name().equals("LOG")) {
      return false;
    }
    boolean tcpOptions = false;
    boolean samePrefix = false;
    for (IptablesOption o : t.options()) {
      if (o.negated()) {
        return false;
      }
      if (o.name().equals("--log-tcp-options") && o.values().isEmpty()) {
        tcpOptions = true;
      } else if (o.name().equals("--log-prefix")) {
        samePrefix = o.values().equals(List.of(prefix));
      }
    }
    return tcpOptions && samePrefix;
  }
}
