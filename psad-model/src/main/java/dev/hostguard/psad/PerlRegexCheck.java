package dev.hostguard.psad;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The structural mistakes for which Perl (5.36, as psad 2.4.6 runs it) refuses to compile a regex
 * given through a variable ({@code qr/$re/}), with Perl's message: an unmatched {@code (}, {@code
 * )} or {@code [}, a trailing backslash, an unterminated {@code (?#...)}, a quantifier at the very
 * start. A mistake is only reported when Java's {@link Pattern} refuses the text too, so a
 * misreading here can never refuse a pattern both engines accept. Everything else Perl may refuse
 * (unknown properties, code blocks, variable-length lookbehind, unknown POSIX classes, references
 * to missing groups, patterns using {@code (?x)}) is not checked.
 */
final class PerlRegexCheck {
  private static final Pattern EXTENDED_FLAG = Pattern.compile("\\(\\?\\^?[a-zA-Z]*x");

  private PerlRegexCheck() {}

  /** Perl's error and the offset it marks (or -1), or null when nothing is found. */
  record Failure(String message, int offset) {}

  static @Nullable Failure check(String re) {
    if (EXTENDED_FLAG.matcher(re).find()) {
      return null;
    }
    Failure f = scan(re);
    if (f == null) {
      return null;
    }
    try {
      Pattern.compile(re);
      return null;
    } catch (PatternSyntaxException e) {
      return f;
    }
  }

  private static Failure marked(String what, String re, int end) {
    return new Failure(
        what
            + " in regex; marked by <-- HERE in m/"
            + re.substring(0, end)
            + " <-- HERE "
            + re.substring(end)
            + "/",
        end);
  }

  private static @Nullable Failure scan(String re) {
    Deque<Integer> open = new ArrayDeque<>();
    int n = re.length();
    if (n > 0 && (re.charAt(0) == '*' || re.charAt(0) == '+' || re.charAt(0) == '?')) {
      return marked("Quantifier follows nothing", re, 1);
    }
    int i = 0;
    while (i < n) {
      char c = re.charAt(i);
      switch (c) {
        case '\\':
          if (i + 1 == n) {
            return new Failure("Trailing \\ in regex m/" + re + "/", -1);
          }
          i += 2;
          break;
        case '[':
          int end = classEnd(re, i);
          if (end < 0) {
            return marked("Unmatched [", re, i + 1);
          }
          i = end + 1;
          break;
        case '(':
          if (re.startsWith("(?#", i)) {
            int close = re.indexOf(')', i);
            if (close < 0) {
              return new Failure("Sequence (?#... not terminated in regex m/" + re + "/", -1);
            }
            i = close + 1;
            break;
          }
          open.push(i);
          i++;
          break;
        case ')':
          if (open.isEmpty()) {
            return marked("Unmatched )", re, i + 1);
          }
          open.pop();
          i++;
          break;
        default:
          i++;
      }
    }
    if (!open.isEmpty()) {
      return marked("Unmatched (", re, open.peekLast() + 1);
    }
    return null;
  }

  /** The index of the {@code ]} closing the class opened at {@code start}, or -1. */
  private static int classEnd(String re, int start) {
    int n = re.length();
    int j = start + 1;
    if (j < n && re.charAt(j) == '^') {
      j++;
    }
    if (j < n && re.charAt(j) == ']') {
      j++;
    }
    while (j < n) {
      char c = re.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '[' && j + 1 < n && ":.=".indexOf(re.charAt(j + 1)) >= 0) {
        int close = re.indexOf(re.charAt(j + 1) + "]", j + 2);
        j = close < 0 ? j + 1 : close + 2;
      } else if (c == ']') {
        return j;
      } else {
        j++;
      }
    }
    return -1;
  }
}
