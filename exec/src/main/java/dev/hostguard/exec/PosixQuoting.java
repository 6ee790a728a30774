package dev.hostguard.exec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Quotes words for a POSIX shell on another host: the one shell-aware part of the executor. Each
 * word is single-quoted ({@code '} becomes {@code '\''}, the empty word {@code ''}), so the remote
 * shell hands every byte of it, unchanged, to the program as one argument.
 */
final class PosixQuoting {
  private PosixQuoting() {}

  /** {@code word} single-quoted; refuses NUL and lone surrogates (no byte sequence means them). */
  static String quote(String word) {
    checkWord(word);
    StringBuilder sb = new StringBuilder(word.length() + 2).append('\'');
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'') {
        sb.append("'\\''");
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /**
   * Refuses what cannot arrive as one argument: NUL ends a C string; a lone surrogate has no UTF-8
   * encoding; anything but ASCII when this JVM encodes process arguments in another charset than
   * UTF-8 ({@code sun.jnu.encoding}, from the locale) would arrive as {@code ?}.
   */
  static void checkWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\0') {
        throw new IllegalArgumentException("a word cannot contain NUL: " + visible(word));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < word.length()
          && Character.isLowSurrogate(word.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "a word cannot contain a lone surrogate (no UTF-8 bytes mean it): " + visible(word));
      }
      if (c > 0x7f && !ARGUMENTS_ARE_UTF8) {
        throw new IllegalArgumentException(
            "this JVM passes process arguments as "
                + ARGUMENT_CHARSET
                + ", not UTF-8 (start it with a UTF-8 locale, e.g. LANG=C.UTF-8): "
                + visible(word));
      }
    }
  }

  private static final String ARGUMENT_CHARSET =
      System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());

  private static final boolean ARGUMENTS_ARE_UTF8 = isUtf8(ARGUMENT_CHARSET);

  private static boolean isUtf8(String name) {
    try {
      return Charset.forName(name).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String visible(String word) {
    return word.replace("\0", "\\0");
  }
}
