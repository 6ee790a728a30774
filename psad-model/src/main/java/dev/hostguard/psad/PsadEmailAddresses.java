package dev.hostguard.psad;

import com.google.common.collect.ImmutableList;

/** How psad reads {@code EMAIL_ADDRESSES}: {@code s/\s*\,\s/ /g}, then the mail command's words. */
final class PsadEmailAddresses {
  private PsadEmailAddresses() {}

  /**
   * psad's {@code s/\s*\,\s/ /g}: a comma followed by one blank (blanks before it too) -> space.
   */
  static String translateCommas(String value) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = value.length();
    while (i < n) {
      // leftmost match: blanks* ',' blank
      int j = i;
      while (j < n && PerlChars.isSpace(value.charAt(j))) {
        j++;
      }
      if (j + 1 < n && value.charAt(j) == ',' && PerlChars.isSpace(value.charAt(j + 1))) {
        out.append(' ');
        i = j + 2;
      } else {
        out.append(value.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** The addresses psad mails: the translated value split on blanks. */
  static ImmutableList<String> split(String value) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    String t = translateCommas(value);
    int i = 0;
    while (i < t.length()) {
      while (i < t.length() && PerlChars.isSpace(t.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < t.length() && !PerlChars.isSpace(t.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(t.substring(start, i));
      }
    }
    return out.build();
  }
}
