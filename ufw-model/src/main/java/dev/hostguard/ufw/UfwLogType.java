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
    for (UfwLogType t : values()) {
      if (t.word.equals(word)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
