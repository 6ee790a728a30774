package dev.hostguard.fail2ban;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python 3 string semantics that fail2ban's behaviour depends on: {@code str.isspace}, {@code
 * strip}, {@code repr}, {@code int()} and fail2ban's boolean words.
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int c) {
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

  static String strip(String s) {
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

  static String rstrip(String s) {
    int e = s.length();
    while (e > 0 && isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(0, e);
  }

  /** Python's {@code str.lower()} (close enough: locale-independent full lowercase mapping). */
  static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  /** fail2ban's {@code _as_bool}. */
  static boolean asBool(String v) {
    String l = lower(v);
    return l.equals("1") || l.equals("on") || l.equals("true") || l.equals("yes");
  }

  /** Python's {@code str(x)} for the values fail2ban handles. */
  static String str(@Nullable Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? "True" : "False";
    }
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof BigInteger) {
      return v.toString();
    }
    return repr(v);
  }

  /**
   * Python's {@code int(s)} for a string, base 10: surrounding whitespace, a sign, underscores
   * between digits, any Unicode decimal digit; {@code null} when Python raises ValueError.
   */
  static @Nullable BigInteger parseInt(String s) {
    String t = strip(s);
    int i = 0;
    boolean neg = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      neg = t.charAt(0) == '-';
      i = 1;
    }
    if (i >= t.length()) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    boolean lastUnderscore = true;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        if (lastUnderscore) {
          return null;
        }
        lastUnderscore = true;
        continue;
      }
      if (Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
        return null;
      }
      int d = Character.digit(cp, 10);
      if (d < 0) {
        return null;
      }
      digits.append((char) ('0' + d));
      lastUnderscore = false;
    }
    if (lastUnderscore) {
      return null;
    }
    BigInteger v = new BigInteger(digits.toString());
    return neg ? v.negate() : v;
  }

  /** Python's {@code str.isprintable()} for one code point. */
  static boolean isPrintable(int c) {
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
  static String reprString(String s) {
    char quote = '\'';
    if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) {
      quote = '"';
    }
    StringBuilder b = new StringBuilder(s.length() + 2);
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
        b.append(String.format("\\x%02x", c));
      } else if (c < 0x7f) {
        b.append((char) c);
      } else if (isPrintable(c)) {
        b.appendCodePoint(c);
      } else if (c <= 0xff) {
        b.append(String.format("\\x%02x", c));
      } else if (c <= 0xffff) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.append(String.format("\\U%08x", c));
      }
    }
    return b.append(quote).toString();
  }

  /** Python's {@code repr()} of str, int, bool, None, list and dict values. */
  static String repr(@Nullable Object v) {
    StringBuilder b = new StringBuilder();
    appendRepr(b, v);
    return b.toString();
  }

  static void appendRepr(StringBuilder b, @Nullable Object v) {
    if (v == null) {
      b.append("None");
    } else if (v instanceof String) {
      b.append(reprString((String) v));
    } else if (v instanceof Boolean) {
      b.append(((Boolean) v) ? "True" : "False");
    } else if (v instanceof BigInteger || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof List) {
      b.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        appendRepr(b, o);
      }
      b.append(']');
    } else if (v instanceof Map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
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
}
