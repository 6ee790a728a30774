package dev.hostguard.ufw;

import java.util.Locale;
import java.util.Optional;

/**
 * ufw's logging level ({@code ufw logging LEVEL}, {@code LOGLEVEL=} in {@code ufw.conf}): it
 * chooses the LOGGING lines of the rules files.
 *
 * <pre>{@code
 * UfwLogLevel l = UfwLogLevel.fromWord("medium").orElseThrow();
 * l.word(); // "medium"
 * }</pre>
 */
public enum UfwLogLevel {
  /** {@code off}. */
  OFF(0),
  /** {@code low}, Debian's default. */
  LOW(100),
  /** {@code medium}. */
  MEDIUM(200),
  /** {@code high}. */
  HIGH(300),
  /** {@code full}. */
  FULL(400);

  private final int level;

  UfwLogLevel(int level) {
    this.level = level;
  }

  /** The word ufw uses: {@code off}, {@code low}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** ufw's numeric level (0, 100, ... 400). */
  int level() {
    return level;
  }

  /** The level ufw's word names, exactly spelled. */
  public static Optional<UfwLogLevel> fromWord(String word) {
    for (UfwLogLevel l : values()) {
      if (l.word().equals(word)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
