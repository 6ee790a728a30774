package dev.hostguard.ufw.conf;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;

/**
 * {@code /etc/ufw/ufw.conf}: whether ufw starts at boot ({@code ENABLED}) and its log level ({@code
 * LOGLEVEL}), over a lossless file.
 *
 * <pre>{@code
 * UfwConf c = UfwConf.parse("/etc/ufw/ufw.conf", text);
 * c.enabled(); // false   c.logLevel(); // "low"   c.withLogLevel("high").render();
 * }</pre>
 */
public final class UfwConf {
  /** The log levels ufw knows. */
  public static final ImmutableSet<String> LOG_LEVELS =
      ImmutableSet.of("off", "low", "medium", "high", "full");

  private final UfwShellFile file;

  private UfwConf(UfwShellFile file) {
    this.file = file;
  }

  /** Reads and validates: only assignments and comments; ENABLED yes/no; a known LOGLEVEL. */
  public static UfwConf parse(String sourceName, String text) {
    return of(UfwShellFile.parse(sourceName, text));
  }

  /** Validates a parsed file. */
  public static UfwConf of(UfwShellFile file) {
    file.requireOnlyAssignments();
    file.assignment("ENABLED")
        .ifPresent(
            a -> {
              String v = a.value().toLowerCase(Locale.ROOT);
              if (!v.equals("yes") && !v.equals("no")) {
                throw ConfParseException.at(
                    file.document(),
                    a.lineIndex(),
                    a.valueColumn(),
                    "Invalid value '" + a.value() + "' for 'ENABLED' (yes or no)");
              }
            });
    file.assignment("LOGLEVEL")
        .ifPresent(
            a -> {
              if (!LOG_LEVELS.contains(a.value().toLowerCase(Locale.ROOT))) {
                throw ConfParseException.at(
                    file.document(),
                    a.lineIndex(),
                    a.valueColumn(),
                    "Invalid log level '" + a.value() + "'");
              }
            });
    return new UfwConf(file);
  }

  /** The lossless file. */
  public UfwShellFile file() {
    return file;
  }

  /** Whether ufw starts at boot ({@code ENABLED=yes}, as ufw reads it). */
  public boolean enabled() {
    return file.ufwValue("ENABLED").map("yes"::equals).orElse(false);
  }

  /** The log level as ufw reads it ({@code ""} when missing: ufw then shows "unknown"). */
  public String logLevel() {
    return file.ufwValue("LOGLEVEL").orElse("");
  }

  /** This file with {@code ENABLED} set as {@code ufw enable}/{@code disable} writes it. */
  public UfwConf withEnabled(boolean enabled) {
    return new UfwConf(file.withValue("ENABLED", enabled ? "yes" : "no"));
  }

  /** This file with {@code LOGLEVEL} set as {@code ufw logging LEVEL} writes it. */
  public UfwConf withLogLevel(String level) {
    if (!LOG_LEVELS.contains(level)) {
      throw new IllegalArgumentException("Invalid log level '" + level + "'");
    }
    return new UfwConf(file.withValue("LOGLEVEL", level));
  }

  /** The text exactly as read (plus edits). */
  public String render() {
    return file.render();
  }

  @Override
  public String toString() {
    return render();
  }
}
