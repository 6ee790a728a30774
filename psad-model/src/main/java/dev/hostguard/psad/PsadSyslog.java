package dev.hostguard.psad;

import com.google.common.collect.ImmutableList;
import org.jspecify.annotations.Nullable;

/** The syslog facilities and priorities psad accepts (a case-insensitive substring match). */
final class PsadSyslog {
  static final ImmutableList<String> FACILITIES =
      ImmutableList.of(
          "LOG_LOCAL7",
          "LOG_LOCAL6",
          "LOG_LOCAL5",
          "LOG_LOCAL4",
          "LOG_LOCAL3",
          "LOG_LOCAL2",
          "LOG_LOCAL1",
          "LOG_LOCAL0");
  static final ImmutableList<String> PRIORITIES =
      ImmutableList.of(
          "LOG_INFO",
          "LOG_DEBUG",
          "LOG_NOTICE",
          "LOG_WARNING",
          "LOG_ERR",
          "LOG_CRIT",
          "LOG_ALERT",
          "LOG_EMERG");

  private PsadSyslog() {}

  static @Nullable String facilityIn(String value) {
    return firstIn(FACILITIES, value);
  }

  static @Nullable String priorityIn(String value) {
    return firstIn(PRIORITIES, value);
  }

  private static @Nullable String firstIn(ImmutableList<String> names, String value) {
    for (String n : names) {
      if (PerlChars.containsIgnoreCase(value, n)) {
        return n;
      }
    }
    return null;
  }
}
