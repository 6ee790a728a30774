package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fail2ban time value ({@code bantime}, {@code findtime}, {@code bantime.maxtime}) with its
 * seconds as fail2ban's {@code MyTime.str2seconds} computes them: units {@code s m h d w mo y} and
 * their long forms ({@code m} is minutes, {@code mo} months of 30.4375 days), parts side by side
 * added ({@code 1d12h}), arithmetic ({@code 1h+30m}), {@code -1} for permanent.
 *
 * <pre>{@code
 * Fail2banTime.of("1d12h").seconds(); // 129600.0
 * Fail2banTime.of("-1").isPermanent(); // true
 * }</pre>
 */
public record Fail2banTime(String text, double seconds) {
  private static final Pattern PREP = Pattern.compile("(?<=[a-z])(\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FINI = Pattern.compile("(\\d)\\s+(\\d)");
  private static final String SUB = "(?<=[\\d\\s])(%s)\\b";
  private static final Object[][] PARTS = {
    {"days?|da|dd?", "*86400"},
    {"weeks?|wee?|ww?", "*604800"},
    {"months?|mon?", "*2629800.0"},
    {"years?|yea?|yy?", "*31557600.0"},
    {"seconds?|sec?|ss?", "*1"},
    {"minutes?|min?|mm?", "*60"},
    {"hours?|hou?|hh?", "*3600"},
  };
  private static final Pattern[] PART_PATTERNS = new Pattern[PARTS.length];

  static {
    for (int i = 0; i < PARTS.length; i++) {
      PART_PATTERNS[i] =
          Pattern.compile(
              String.format(SUB, PARTS[i][0]),
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    }
  }

  /** Validates. */
  public Fail2banTime {
    requireNonNull(text, "text");
  }

  /**
   * The time {@code text} means to fail2ban.
   *
   * @throws Fail2banRefusedException when fail2ban could not evaluate it either
   */
  public static Fail2banTime of(String text) {
    String expr = arithmetic(requireNonNull(text, "text"));
    return new Fail2banTime(text, new Evaluator(expr, text).evaluate());
  }

  /** Whether the value means "forever" (negative). */
  public boolean isPermanent() {
    return seconds < 0;
  }

  /** The seconds, truncated to a long. */
  public long wholeSeconds() {
    return (long) seconds;
  }

  /** The arithmetic expression fail2ban evaluates for {@code text}. */
  static String arithmetic(String text) {
    String val = PREP.matcher(text).replaceAll(" $1");
    for (int i = 0; i < PARTS.length; i++) {
      val =
          PART_PATTERNS[i].matcher(val).replaceAll(Matcher.quoteReplacement((String) PARTS[i][1]));
    }
    return FINI.matcher(val).replaceAll("$1+$2");
  }

  /** A small evaluator for + - * / and parentheses (Python's eval of the same expression). */
  private static final class Evaluator {
    private final String s;
    private final String original;
    private int pos;

    Evaluator(String s, String original) {
      this.s = s;
      this.original = original;
    }

    double evaluate() {
      double v = sum();
      skip();
      if (pos != s.length()) {
        throw error();
      }
      return v;
    }

    private Fail2banRefusedException error() {
      return new Fail2banRefusedException("not a fail2ban time: '" + original + "'");
    }

    private void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private double sum() {
      double v = product();
      while (true) {
        skip();
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          char op = s.charAt(pos++);
          double r = product();
          v = op == '+' ? v + r : v - r;
        } else {
          return v;
        }
      }
    }

    private double product() {
      double v = unary();
      while (true) {
        skip();
        if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
          char op = s.charAt(pos++);
          double r = unary();
          if (op == '/' && r == 0) {
            throw error();
          }
          v = op == '*' ? v * r : v / r;
        } else {
          return v;
        }
      }
    }

    private double unary() {
      skip();
      if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
        char op = s.charAt(pos++);
        double v = unary();
        return op == '-' ? -v : v;
      }
      return atom();
    }

    private double atom() {
      skip();
      if (pos < s.length() && s.charAt(pos) == '(') {
        pos++;
        double v = sum();
        skip();
        if (pos >= s.length() || s.charAt(pos) != ')') {
          throw error();
        }
        pos++;
        return v;
      }
      int start = pos;
      while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      if (start == pos) {
        throw error();
      }
      try {
        return Double.parseDouble(s.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error();
      }
    }
  }
}
