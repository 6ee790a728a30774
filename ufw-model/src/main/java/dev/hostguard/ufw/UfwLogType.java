package dev.hostguard.ufw;

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

  static UfwLogType fromWord(String w) {
    for (UfwLogType t : values()) {
      if (t.word.equals(w)) {
        return t;
      }
    }
    throw new IllegalArgumentException("log type " + w);
  }
}
