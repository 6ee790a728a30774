package dev.hostguard.ufw.status;

/**
 * A rule's logging attribute: none, {@code log} or {@code log-all}.
 *
 * <pre>{@code
 * StatusLogType t = StatusLogType.fromKeyword("log-all");
 * t.keyword(); // "log-all"
 * }</pre>
 */
public enum StatusLogType {
  NONE(""),
  LOG("log"),
  LOG_ALL("log-all");

  private final String keyword;

  StatusLogType(String keyword) {
    this.keyword = keyword;
  }

  /** The word in rules and attributes ({@code ""} for none). */
  public String keyword() {
    return keyword;
  }

  /** The log type of this word ({@code ""}, {@code log}, {@code log-all}). */
  public static StatusLogType fromKeyword(String word) {
    for (StatusLogType t : values()) {
      if (t.keyword.equals(word)) {
        return t;
      }
    }
    throw new IllegalArgumentException("Invalid log type '" + word + "'");
  }
}
