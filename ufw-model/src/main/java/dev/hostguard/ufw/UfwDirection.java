package dev.hostguard.ufw;

import java.util.Locale;
import java.util.Optional;

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

  private final String word = name().toLowerCase(Locale.ROOT);

  /** {@code in} or {@code out}. */
  public String word() {
    return word;
  }

  /** The direction ufw's word names ({@code in} or {@code out}). */
  public static Optional<UfwDirection> fromWord(String word) {
    return switch (word) {
      case "in" -> Optional.of(IN);
      case "out" -> Optional.of(OUT);
      default -> Optional.empty();
    };
  }
}
