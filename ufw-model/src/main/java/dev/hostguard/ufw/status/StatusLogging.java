package dev.hostguard.ufw.status;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Logging:} line of a verbose status: off, one of ufw's four levels, or unknown (what
 * ufw shows for a {@code LOGLEVEL} it does not know).
 *
 * <pre>{@code
 * StatusLogging.LOW.text(); // "on (low)"
 * StatusLogging.fromWord("off"); // Optional[OFF]
 * }</pre>
 */
public enum StatusLogging {
  OFF,
  LOW,
  MEDIUM,
  HIGH,
  FULL,
  UNKNOWN;

  /**
   * The level word: ufw.conf's {@code LOGLEVEL} value ({@code off}, {@code low}, ...) or {@code
   * unknown}.
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What follows {@code Logging: }: {@code off}, {@code unknown} or {@code on (LEVEL)}. */
  public String text() {
    return switch (this) {
      case OFF, UNKNOWN -> word();
      default -> "on (" + word() + ")";
    };
  }

  /**
   * The logging of a level word ({@code off}, {@code low}, ..., {@code unknown}), exactly spelled.
   */
  public static Optional<StatusLogging> fromWord(String word) {
    for (StatusLogging l : values()) {
      if (l.word().equals(word)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The logging whose {@link #text()} is {@code text}, if any. */
  static Optional<StatusLogging> fromText(String text) {
    for (StatusLogging l : values()) {
      if (l.text().equals(text)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
