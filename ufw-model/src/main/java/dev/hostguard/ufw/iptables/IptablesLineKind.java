package dev.hostguard.ufw.iptables;

/**
 * What a line of an iptables-restore file is, as iptables-restore classifies it.
 *
 * <pre>{@code
 * doc.lines().get(0).kind() == IptablesLineKind.COMMENT;
 * doc.lines().stream().filter(l -> l.kind() == IptablesLineKind.RULE).count();
 * }</pre>
 */
public enum IptablesLineKind {
  /** An empty line. */
  BLANK,
  /** A line starting with {@code #} in column 0 (an indented {@code #} is not a comment). */
  COMMENT,
  /** {@code *table}. */
  TABLE,
  /** {@code :chain POLICY [packets:bytes]}. */
  CHAIN,
  /** Exactly {@code COMMIT}. */
  COMMIT,
  /** Anything else: a rule command such as {@code -A chain ...} (maybe invalid). */
  RULE
}
