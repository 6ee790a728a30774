package dev.hostguard.core.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Python 3 string behaviour that ufw and fail2ban inherit from their runtime ({@code str.isspace},
 * {@code strip}, {@code lower}, {@code int()}, {@code repr}, {@code re}'s {@code \d}, {@code \w}
 * and {@code $}, {@code bytes.decode(..., "backslashreplace")}), one method for each, checked
 * against {@code /usr/bin/python3} on generated strings. Not API.
 *
 * <pre>{@code
 * PythonText.strip("\u2003 22 \n"); // "22"
 * PythonText.parseInt("1_000");      // Optional[1000]
 * }</pre>
 */
public final class PythonText {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  public static boolean isSpace(int c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0b:
      case 0x0c:
      case '\r':
      case 0x1c:
      case 0x1d:
      case 0x1e:
      case 0x1f:
      case ' ':
      case 0x85:
      case 0xa0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202f:
      case 0x205f:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200a;
    }
  }

  /** Python's {@code str.strip()} without arguments. */
  public static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && isSpace(s.charAt(b))) {
      b++;
    }
    while (e > b && isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(b, e);
  }

  /** Python's {@code str.rstrip()} without arguments. */
  public static String rstrip(String s) {
    int e = s.length();
    while (e > 0 && isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(0, e);
  }

  /**
   * Python's {@code str.lower()}: the locale-independent full lower-case mapping, with Python's own
   * test for a final capital sigma (which differs from Java's).
   */
  public static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || (c >= 'A' && c <= 'Z')) {
        return s.indexOf(CAPITAL_SIGMA) < 0 ? s.toLowerCase(Locale.ROOT) : lowerWithSigma(s);
      }
    }
    return s;
  }

  private static final char CAPITAL_SIGMA = '\u03a3';

  private static String lowerWithSigma(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int from = 0;
    for (int i = s.indexOf(CAPITAL_SIGMA); i >= 0; i = s.indexOf(CAPITAL_SIGMA, i + 1)) {
      b.append(s.substring(from, i).toLowerCase(Locale.ROOT));
      b.append(isFinalSigma(s, i) ? '\u03c2' : '\u03c3');
      from = i + 1;
    }
    return b.append(s.substring(from).toLowerCase(Locale.ROOT)).toString();
  }

  /** CPython's {@code handle_capital_sigma}: cased before it, and no cased letter after it. */
  private static boolean isFinalSigma(String s, int i) {
    int j = i;
    int before = -1;
    while (j > 0) {
      int c = s.codePointBefore(j);
      j -= Character.charCount(c);
      if (!isCaseIgnorable(c)) {
        before = c;
        break;
      }
    }
    if (before < 0 || !isCased(before)) {
      return false;
    }
    j = i + 1;
    while (j < s.length()) {
      int c = s.codePointAt(j);
      j += Character.charCount(c);
      if (!isCaseIgnorable(c)) {
        return !isCased(c);
      }
    }
    return true;
  }

  private static boolean isCased(int c) {
    return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isTitleCase(c);
  }

  private static boolean isCaseIgnorable(int c) {
    switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.FORMAT:
      case Character.MODIFIER_LETTER:
      case Character.MODIFIER_SYMBOL:
        return true;
      default:
        // Word_Break MidLetter, MidNumLet and Single_Quote
        return c == '\''
            || c == '.'
            || c == ':'
            || c == 0xb7
            || c == 0x387
            || c == 0x55f
            || c == 0x5f4
            || c == 0x2018
            || c == 0x2019
            || c == 0x2024
            || c == 0x2027
            || c == 0xfe13
            || c == 0xfe52
            || c == 0xfe55
            || c == 0xff07
            || c == 0xff0e
            || c == 0xff1a;
    }
  }

  /**
   * Python's {@code str.isdecimal()} for one code point, which is what {@code re}'s {@code \d}
   * matches.
   */
  public static boolean isDigit(int cp) {
    if (cp < 128) {
      return cp >= '0' && cp <= '9';
    }
    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** {@code re}'s {@code \w} for one code point: {@code str.isalnum()} or the underscore. */
  public static boolean isWord(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= '0' && cp <= '9')
          || cp == '_';
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /** {@code re}'s {@code $} without MULTILINE: the end, or just before a final newline. */
  public static String stripFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /** {@code re.match(r'^\d+$', s)}. */
  public static boolean isDigits(String s) {
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

  /**
   * Python's {@code int(s)} for a string, base 10: surrounding whitespace, a sign, single
   * underscores between digits, any Unicode decimal digit; empty when Python raises ValueError.
   */
  public static Optional<BigInteger> parseInt(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isIntSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isIntSpace(s.charAt(end - 1))) {
      end--;
    }
    boolean negative = false;
    if (start < end && (s.charAt(start) == '+' || s.charAt(start) == '-')) {
      negative = s.charAt(start) == '-';
      start++;
    }
    if (start >= end) {
      return Optional.empty();
    }
    long small = 0;
    int digits = 0;
    StringBuilder big = null;
    boolean lastUnderscore = true; // no leading underscore
    for (int i = start; i < end; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        if (lastUnderscore) {
          return Optional.empty();
        }
        lastUnderscore = true;
        continue;
      }
      if (!isDigit(cp)) {
        return Optional.empty();
      }
      int d = Character.digit(cp, 10);
      if (d < 0) {
        return Optional.empty();
      }
      lastUnderscore = false;
      digits++;
      if (big != null) {
        big.append((char) ('0' + d));
      } else if (digits <= 18) {
        small = small * 10 + d;
      } else {
        big = new StringBuilder(Long.toString(small)).append((char) ('0' + d));
      }
    }
    if (lastUnderscore) {
      return Optional.empty();
    }
    BigInteger v = big == null ? BigInteger.valueOf(small) : new BigInteger(big.toString());
    return Optional.of(negative ? v.negate() : v);
  }

  /**
   * The blanks {@code int()} skips around a number: CPython maps non-ASCII whitespace to a space
   * but keeps ASCII as it is, then skips only C's {@code isspace} set, so {@code \x1c}-{@code \x1f}
   * (whitespace to {@code str.isspace}) make {@code int()} fail.
   */
  private static boolean isIntSpace(char c) {
    return c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') : isSpace(c);
  }

  /**
   * {@link #parseInt} as a {@code long}, values beyond the {@code long} range clamped to its ends
   * (for callers that only compare the value with small bounds).
   */
  public static long clampToLong(BigInteger v) {
    if (v.compareTo(LONG_MAX) > 0) {
      return Long.MAX_VALUE;
    }
    if (v.compareTo(LONG_MIN) < 0) {
      return Long.MIN_VALUE;
    }
    return v.longValue();
  }

  /** Python's {@code str.isprintable()} for one code point. */
  public static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /** Python's {@code repr()} of a str. */
  public static String reprString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendReprString(b, s);
    return b.toString();
  }

  private static void appendReprString(StringBuilder b, String s) {
    char quote = '\'';
    if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) {
      quote = '"';
    }
    b.append(quote);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == quote || c == '\\') {
        b.append('\\').append((char) c);
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c < ' ' || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else if (c < 0x7f) {
        b.append((char) c);
      } else if (isPrintable(c)) {
        b.appendCodePoint(c);
      } else if (c <= 0xff) {
        b.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else if (c <= 0xffff) {
        b.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        b.append(String.format(Locale.ROOT, "\\U%08x", c));
      }
    }
    b.append(quote);
  }

  /**
   * Python's {@code str(x)} for None, bool, str and int values ({@link BigInteger}, {@link
   * Integer}, {@link Long}); {@code repr} for lists and dicts.
   */
  public static String str(@Nullable Object v) {
    if (v instanceof String s) {
      return s;
    }
    return repr(v);
  }

  /** Python's {@code repr()} of None, str, int, bool, list and dict values. */
  public static String repr(@Nullable Object v) {
    StringBuilder b = new StringBuilder();
    appendRepr(b, v);
    return b.toString();
  }

  /** Appends Python's {@code repr()} of {@code v} to {@code b}; see {@link #repr}. */
  public static void appendRepr(StringBuilder b, @Nullable Object v) {
    if (v == null) {
      b.append("None");
    } else if (v instanceof String s) {
      appendReprString(b, s);
    } else if (v instanceof Boolean bool) {
      b.append(bool ? "True" : "False");
    } else if (v instanceof BigInteger || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof List<?> list) {
      b.append('[');
      boolean first = true;
      for (Object o : list) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        appendRepr(b, o);
      }
      b.append(']');
    } else if (v instanceof Map<?, ?> map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        appendRepr(b, e.getKey());
        b.append(": ");
        appendRepr(b, e.getValue());
      }
      b.append('}');
    } else {
      throw new IllegalArgumentException("no Python repr for " + v.getClass());
    }
  }

  /** Python's {@code bytes.decode("utf-8", "backslashreplace")}, which ufw uses for comments. */
  public static String decodeUtf8BackslashReplace(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (r.isOverflow()) {
        throw new AssertionError("buffer sized for the worst case");
      }
      if (r.isError()) {
        for (int i = 0; i < r.length(); i++) {
          out.put(String.format(Locale.ROOT, "\\x%02x", in.get() & 0xff));
        }
      }
    }
    out.flip();
    return out.toString();
  }
}
