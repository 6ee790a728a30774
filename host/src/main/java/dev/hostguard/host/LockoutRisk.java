package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.net.InetAddresses;
import dev.hostguard.ufw.UfwRuleFormat;

/**
 * Why a change would lock the operator out: the new SSH connection that ufw would drop or reject
 * after it, and what decides that (a rule, a default policy, or IPv6 being off). {@link #message()}
 * names it, for a refusal.
 *
 * <pre>{@code
 * LockoutGuard.check(after, access).ifPresent(r -> { throw new IllegalStateException(r.message()); });
 * // a new SSH connection from 198.51.100.7 to port 22 would be dropped by rule 1 'deny 22'
 * }</pre>
 *
 * @param connection the first TCP packet of the SSH connection checked
 * @param decision what ufw does with it (a verdict that does not accept)
 * @param sourceKnown whether the source is the operator's address (else one no rule singles out)
 */
public record LockoutRisk(Packet connection, UfwDecision decision, boolean sourceKnown) {
  /** Checks non-null parts and that the decision does not accept the packet. */
  public LockoutRisk {
    requireNonNull(connection, "connection");
    requireNonNull(decision, "decision");
    if (decision.accepts()) {
      throw new IllegalArgumentException("not a risk: the connection is accepted: " + decision);
    }
  }

  /**
   * The refusal: which connection, dropped or rejected, by which rule (its number in {@code ufw
   * status numbered} and its command), default policy, or IPv6 being off.
   */
  public String message() {
    String from =
        sourceKnown
            ? InetAddresses.toAddrString(connection.source())
            : "anywhere (" + InetAddresses.toAddrString(connection.source()) + ")";
    String what =
        "a new SSH connection (IPv"
            + (connection.v6() ? "6" : "4")
            + ") from "
            + from
            + " to port "
            + connection.destinationPort()
            + " would be "
            + (decision.verdict() == UfwVerdict.REJECT ? "rejected" : "dropped");
    if (decision.rule().isPresent()) {
      return what
          + " by rule "
          + decision.ruleNumber().orElseThrow()
          + " '"
          + UfwRuleFormat.command(decision.rule().get())
          + (decision.rule().get().v6() ? " (v6)" : "")
          + "'";
    }
    if (decision.policy().isPresent()) {
      return what + " by the default incoming policy (" + decision.policy().get().word() + ")";
    }
    if (decision.builtIn().orElseThrow() == UfwBuiltInRule.IPV6_DISABLED) {
      return what + ": IPv6 is off (IPV6=no in /etc/default/ufw), so ufw drops every IPv6 packet";
    }
    return what + " by ufw's built-in rule " + decision.builtIn().get();
  }

  @Override
  public String toString() {
    return message();
  }
}
