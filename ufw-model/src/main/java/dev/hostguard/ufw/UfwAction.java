package dev.hostguard.ufw;

import java.util.Locale;
import java.util.Optional;

/**
 * What a ufw rule does with matching traffic.
 *
 * <pre>{@code
 * UfwAction a = UfwAction.fromWord("limit").orElseThrow();
 * a.word(); // "limit"
 * }</pre>
 */
public enum UfwAction {
  ALLOW,
  DENY,
  REJECT,
  LIMIT;

  private final String word = name().toLowerCase(Locale.ROOT);

  /** The word ufw uses ({@code allow}, {@code deny}, ...). */
  public String word() {
    return word;
  }

  /** The action ufw's word names ({@code allow}, {@code deny}, {@code reject}, {@code limit}). */
  public static Optional<UfwAction> fromWord(String word) {
    return switch (word) {
      case "allow" -> Optional.of(ALLOW);
      case "deny" -> Optional.of(DENY);
      case "reject" -> Optional.of(REJECT);
      case "limit" -> Optional.of(LIMIT);
      default -> Optional.empty();
    };
  }
}
