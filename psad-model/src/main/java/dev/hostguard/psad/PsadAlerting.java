package dev.hostguard.psad;

import java.util.regex.Pattern;

/** psad's reading of {@code ALERTING_METHODS} ({@code /no.?e?mail/i}, {@code /no.?syslog/i}). */
final class PsadAlerting {
  private static final Pattern NO_EMAIL = Pattern.compile("no.?e?mail", Pattern.CASE_INSENSITIVE);
  private static final Pattern NO_SYSLOG = Pattern.compile("no.?syslog", Pattern.CASE_INSENSITIVE);

  private PsadAlerting() {}

  static boolean noEmail(String value) {
    return NO_EMAIL.matcher(value).find();
  }

  static boolean noSyslog(String value) {
    return NO_SYSLOG.matcher(value).find();
  }
}
