package dev.hostguard.ufw.status;

/**
 * Which command printed a status: plain {@code ufw status}, {@code verbose}, {@code numbered}, or
 * the one-line {@code Status: inactive} all three print on a stopped firewall.
 *
 * <pre>{@code
 * UfwStatus s = (UfwStatus) UfwStatusOutput.parse("<stdin>", text);
 * if (s.form() == StatusForm.NUMBERED) { ... }
 * }</pre>
 */
public enum StatusForm {
  /** {@code Status: inactive}. */
  INACTIVE,
  /** {@code ufw status}: incoming, outgoing and routed groups, app names, no numbers. */
  PLAIN,
  /** {@code ufw status verbose}: header lines, ports with app names, IN shown. */
  VERBOSE,
  /** {@code ufw status numbered}: {@code [ N] } prefixes, file order, no groups. */
  NUMBERED
}
