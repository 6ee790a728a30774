package dev.hostguard.ufw;

import java.util.Optional;

/**
 * The logging option of a ufw rule.
 *
 * <pre>{@code
 * UfwLogType t = UfwLogType.LOG_ALL;
 * t.word(); // "log-all"
 * }</pre>
 */
public enum UfwLogType {
  NONE(""),
  LOG("log"),
  LOG_ALL("log-all");

  private final String word;

  UfwLogType(String word) {
    this.word = word;
  }

  /** {@code ""}, {@code log} or {@code log-all}. */
  public String word() {
    return word;
  }

  /** The log type ufw's word names: {@code log}, {@code log-all}, or {@code ""} for none. */
  public static Optional<UfwLogType> fromWord(String word) {
    return switch (word) {
      case "" -> Optional.of(NONE);
      case "log" -> Optional.of(LOG);
      case "log-all" -> Optional.of(LOG_ALL);
      default -> Optional.empty();
    };
  }
}
