package dev.hostguard.ufw.status;

/**
 * The direction printed after the action: {@code NONE} where ufw leaves it out (incoming rules in
 * plain {@code ufw status}), else IN, OUT or FWD (route rules).
 *
 * <pre>{@code
 * entry.direction() == StatusDirection.FWD; // a route rule
 * StatusDirection.OUT.text(); // "OUT"
 * }</pre>
 */
public enum StatusDirection {
  NONE(""),
  IN("IN"),
  OUT("OUT"),
  FWD("FWD");

  private final String text;

  StatusDirection(String text) {
    this.text = text;
  }

  /** The word as printed ({@code ""} for {@link #NONE}). */
  public String text() {
    return text;
  }
}
