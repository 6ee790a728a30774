package dev.hostguard.ufw;

import java.util.Locale;
import java.util.OptionalLong;

/** The few Python 3 string semantics ufw's parser relies on (int(), \d, \w, lower()). */
final class PythonText {
  private PythonText() {}

  static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || (c >= 'A' && c <= 'Z')) {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }

  /** Python's str.isdigit for the \d class: a Unicode decimal digit. */
  static boolean isDigit(int cp) {
    if (cp < 128) {
      return cp >= '0' && cp <= '9';
    }
    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** Python's \w: alphanumeric or underscore. */
  static boolean isWord(int cp) {
    return cp == '_'
        || Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.LETTER_NUMBER;
  }

  private static boolean isPySpace(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || cp == 0x1c
        || cp == 0x1d
        || cp == 0x1e
        || cp == 0x1f
        || cp == 0x85;
  }

  /** Python's int(s) for base 10, or empty when Python raises ValueError. */
  static OptionalLong parseInt(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPySpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isPySpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    if (start >= end) {
      return OptionalLong.empty();
    }
    boolean negative = false;
    char c0 = s.charAt(start);
    if (c0 == '+' || c0 == '-') {
      negative = c0 == '-';
      start++;
    }
    if (start >= end) {
      return OptionalLong.empty();
    }
    long value = 0;
    boolean lastUnderscore = true; // no leading underscore
    int digits = 0;
    for (int i = start; i < end; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        if (lastUnderscore) {
          return OptionalLong.empty();
        }
        lastUnderscore = true;
        continue;
      }
      if (!isDigit(cp)) {
        return OptionalLong.empty();
      }
      lastUnderscore = false;
      digits++;
      if (value < Long.MAX_VALUE / 20) {
        value = value * 10 + Character.digit(cp, 10);
      } else {
        value = Long.MAX_VALUE / 2; // saturate: only comparisons are made with such values
      }
    }
    if (lastUnderscore || digits == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(negative ? -value : value);
  }

  /** Python's {@code "x$"} anchoring: the end, or just before a final newline. */
  static String stripFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /** re.match(r'^\d+$', s). */
  static boolean isDigits(String s) {
    String t = stripFinalNewline(s);
    if (t.isEmpty()) {
      return false;
    }
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (!isDigit(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** re.match('^\d([0-9,:]*\d+)*$', s): ufw's test for a numeric port list. */
  static boolean isNumericPortList(String s) {
    String t = stripFinalNewline(s);
    if (t.isEmpty() || !isDigit(t.codePointAt(0))) {
      return false;
    }
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (!isDigit(cp) && cp != ',' && cp != ':') {
        return false;
      }
      i += Character.charCount(cp);
    }
    return isDigit(t.codePointBefore(t.length()));
  }
}
