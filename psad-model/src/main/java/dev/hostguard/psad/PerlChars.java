package dev.hostguard.psad;

import java.nio.charset.StandardCharsets;

/** Perl's character classes on byte strings ({@code \s}, {@code \w}, {@code \d}, {@code uc}). */
final class PerlChars {
  private PerlChars() {}

  /** Perl's {@code \s} on a byte string: space, tab, LF, VT, FF, CR. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Perl's {@code \w} on a byte string: ASCII letters, digits and underscore. */
  static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text matches {@code ^\d+$}. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text matches {@code ^\w+$}. */
  static boolean isWordString(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isWord(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text matches {@code \S+\@\S+}. */
  static boolean hasNonSpaceAtNonSpace(String s) {
    for (int i = 1; i < s.length() - 1; i++) {
      if (s.charAt(i) == '@' && !isSpace(s.charAt(i - 1)) && !isSpace(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Perl's {@code uc} on a byte string: only ASCII letters change. */
  static String upper(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    return sb.toString();
  }

  /** Case-insensitive (ASCII) substring test, like {@code =~ /needle/i} for a plain needle. */
  static boolean containsIgnoreCase(String haystack, String needle) {
    return upper(haystack).contains(upper(needle));
  }

  /**
   * Perl's {@code sort} order on the bytes: code point order, which for UTF-8 is byte order (and
   * for text decoded as ISO-8859-1 is byte order too).
   */
  static int compareBytes(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Perl's {@code %-Ns} pads by bytes: the UTF-8 length of the text. */
  static int byteLength(String s, boolean latin1) {
    return latin1 ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
