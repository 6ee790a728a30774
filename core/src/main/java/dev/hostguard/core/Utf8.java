package dev.hostguard.core;

/** The strict UTF-8 test of Java's REPORT decoder, over a part of an array and without copying. */
final class Utf8 {
  private Utf8() {}

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8: no overlong forms, no surrogates, nothing
   * above U+10FFFF, no truncated sequence (the Unicode definition Java's decoder reports against).
   */
  static boolean isWellFormed(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min2 = 0x80;
      int max2 = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c == 0xe0) {
          min2 = 0xa0;
        } else if (c == 0xed) {
          max2 = 0x9f;
        }
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c == 0xf0) {
          min2 = 0x90;
        } else if (c == 0xf4) {
          max2 = 0x8f;
        }
      } else {
        return false;
      }
      if (i + need >= to) {
        return false;
      }
      int c2 = b[i + 1] & 0xff;
      if (c2 < min2 || c2 > max2) {
        return false;
      }
      for (int k = 2; k <= need; k++) {
        int ck = b[i + k] & 0xff;
        if (ck < 0x80 || ck > 0xbf) {
          return false;
        }
      }
      i += need + 1;
    }
    return true;
  }
}
