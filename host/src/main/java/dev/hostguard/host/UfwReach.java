package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of the reachability summary of {@link UfwRuleSetAudit}: in one chain ({@code in}, {@code
 * out} or {@code routed}) of one IP version, a rule that decides some packets otherwise than the
 * default policy (what it matches, less what earlier rules decide first), or the default policy for
 * everything else.
 *
 * <pre>{@code
 * reach.line(); // "in  v4 [ 1] limit  22/tcp from anywhere"
 * reach.line(); // "in  v4      deny   everything else (default incoming)"
 * }</pre>
 *
 * @param chain {@code in}, {@code out} or {@code routed}
 * @param v6 whether this is about IPv6
 * @param ruleNumber the deciding rule's number in {@code ufw status numbered}; empty for the policy
 * @param verdict what happens to the packets
 * @param what the packets: ports and protocol, destination, sources, interfaces
 * @param lessRules earlier rules that decide part of what this rule matches first
 */
public record UfwReach(
    String chain,
    boolean v6,
    Optional<Integer> ruleNumber,
    UfwVerdict verdict,
    String what,
    List<Integer> lessRules) {

  /** Checks non-null parts and copies the list. */
  public UfwReach {
    requireNonNull(chain, "chain");
    requireNonNull(ruleNumber, "ruleNumber");
    requireNonNull(verdict, "verdict");
    requireNonNull(what, "what");
    lessRules = ImmutableList.copyOf(lessRules);
  }

  /** The summary line: chain, version, rule number, verdict, packets. */
  public String line() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-6s %s ", chain, v6 ? "v6" : "v4"));
    b.append(ruleNumber.map(AuditFinding::number).orElse("    "));
    b.append(String.format(Locale.ROOT, " %-6s %s", verdict.word(), what));
    if (!lessRules.isEmpty()) {
      b.append(" (less");
      lessRules.forEach(n -> b.append(' ').append(AuditFinding.number(n)));
      b.append(')');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return line();
  }
}
