package dev.hostguard.host;

import java.util.Locale;

/**
 * What ufw does with a packet: the target of the rule or policy that decides it.
 *
 * <pre>{@code
 * UfwVerdict v = evaluator.evaluate(packet).verdict();
 * v.accepts(); // true for ALLOW and LIMIT
 * }</pre>
 */
public enum UfwVerdict {
  /** Accepted. */
  ALLOW,
  /** Dropped silently. */
  DENY,
  /** Refused (TCP reset or ICMP unreachable). */
  REJECT,
  /** Accepted by a {@code limit} rule (a single new connection; the seventh in 30 s is refused). */
  LIMIT;

  /** {@code allow}, {@code deny}, {@code reject} or {@code limit}, as ufw names actions. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the packet gets through (ALLOW or LIMIT). */
  public boolean accepts() {
    return this == ALLOW || this == LIMIT;
  }
}
