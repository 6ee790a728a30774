package dev.hostguard.ufw.status;

/**
 * The action column's verb, as ufw prints it in upper case.
 *
 * <pre>{@code
 * StatusAction a = StatusAction.valueOf("LIMIT");
 * a.keyword(); // "limit"
 * }</pre>
 */
public enum StatusAction {
  ALLOW,
  DENY,
  REJECT,
  LIMIT;

  /** The lower-case word ufw uses in rules and commands. */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
