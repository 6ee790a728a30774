package dev.hostguard.ufw.status;

import java.util.Locale;

/**
 * The {@code Logging:} line of a verbose status: off, one of ufw's four levels, or unknown.
 *
 * <pre>{@code
 * StatusLogging.LOW.text(); // "on (low)"
 * StatusLogging.fromText("off"); // OFF
 * }</pre>
 */
public enum StatusLogging {
  OFF,
  LOW,
  MEDIUM,
  HIGH,
  FULL,
  UNKNOWN;

  /** The level word of ufw.conf's {@code LOGLEVEL} ({@code off}, {@code low}, ...). */
  public String level() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What follows {@code Logging: }: {@code off}, {@code unknown} or {@code on (LEVEL)}. */
  public String text() {
    return switch (this) {
      case OFF, UNKNOWN -> level();
      default -> "on (" + level() + ")";
    };
  }

  /** The logging whose {@link #text()} is {@code text}; IllegalArgumentException if none. */
  public static StatusLogging fromText(String text) {
    for (StatusLogging l : values()) {
      if (l.text().equals(text)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown logging '" + text + "'");
  }

  /** The logging ufw shows for a {@code LOGLEVEL} value (unknown for anything else). */
  public static StatusLogging fromLevel(String level) {
    for (StatusLogging l : values()) {
      if (l != UNKNOWN && l.level().equals(level)) {
        return l;
      }
    }
    return UNKNOWN;
  }
}
