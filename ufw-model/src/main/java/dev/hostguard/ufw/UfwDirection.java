package dev.hostguard.ufw;

import java.util.Locale;

/**
 * The direction of a ufw rule (route rules keep ufw's {@code in} unless the interface says more).
 *
 * <pre>{@code
 * UfwDirection d = UfwDirection.OUT;
 * d.word(); // "out"
 * }</pre>
 */
public enum UfwDirection {
  IN,
  OUT;

  /** {@code in} or {@code out}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
