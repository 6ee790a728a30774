package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * fail2ban's {@code <tag>} substitution ({@code substituteRecursiveTags}): repeated passes, a tag
 * may not refer to itself, at most 25 replacements of one tag inside another, missing tags stay.
 */
final class TagSubstitution {
  static final int MAX_TAG_REPLACE_COUNT = 25;

  private TagSubstitution() {}

  /**
   * The start of the first match of fail2ban's {@code TAG_CRE} ({@code <([^ <>]+)>}) at or after
   * {@code from}, or -1; the match ends at the next {@code >}, see {@link #tagEnd}. Scanned by
   * hand: the class excludes {@code >}, so a {@code <} starts a match exactly when one or more
   * characters other than space, {@code <} and {@code >} follow it and then a {@code >}.
   */
  static int findTag(CharSequence s, int from) {
    int n = s.length();
    int i = indexOf(s, '<', from);
    while (i >= 0) {
      int j = i + 1;
      while (j < n) {
        char c = s.charAt(j);
        if (c == ' ' || c == '<' || c == '>') {
          break;
        }
        j++;
      }
      if (j > i + 1 && j < n && s.charAt(j) == '>') {
        return i;
      }
      // no match starting at i; the next candidate is the next '<' (possibly at j)
      i = j < n && s.charAt(j) == '<' ? j : indexOf(s, '<', j);
    }
    return -1;
  }

  /** The index of the closing {@code >} of the tag that {@link #findTag} found at {@code start}. */
  static int tagEnd(CharSequence s, int start) {
    return indexOf(s, '>', start + 1);
  }

  /** {@code s.indexOf(c, from)}, {@code c} one of {@code <>}, for a string or a builder. */
  private static int indexOf(CharSequence s, char c, int from) {
    if (s instanceof String) {
      return ((String) s).indexOf(c, from);
    }
    // the builder's own search loops over its array, much cheaper than charAt calls when cold
    return ((StringBuilder) s).indexOf(c == '<' ? "<" : ">", from);
  }

  /**
   * Python's {@code value.replace('<rtag>', repl)}, one occurrence being {@code [start, end)}:
   * every occurrence in the text, left to right, never in what was inserted (an earlier replacement
   * may have made one before {@code start}, its text closing a {@code <} left unmatched there). A
   * single occurrence is replaced in place; several are copied once into a new builder (in place,
   * each would move the whole tail: quadratic).
   */
  private static StringBuilder replaceAll(
      StringBuilder value, int start, int end, String rtag, String repl) {
    int len = end - start;
    int first = findLiteral(value, 0, rtag);
    int next = findLiteral(value, first + len, rtag);
    if (next < 0) {
      return value.replace(first, first + len, repl);
    }
    StringBuilder out = new StringBuilder(value.length() + 2 * repl.length() + 16);
    out.append(value, 0, first).append(repl);
    int from = first + len;
    while (next >= 0) {
      out.append(value, from, next).append(repl);
      from = next + len;
      next = findLiteral(value, from, rtag);
    }
    return out.append(value, from, value.length());
  }

  /** The index of the next {@code <rtag>} at or after {@code from}, or -1. */
  private static int findLiteral(StringBuilder s, int from, String rtag) {
    int n = s.length();
    int len = rtag.length();
    int i = indexOf(s, '<', from);
    while (i >= 0 && i + len + 1 < n) {
      if (s.charAt(i + len + 1) == '>' && regionMatches(s, i + 1, rtag)) {
        return i;
      }
      i = indexOf(s, '<', i + 1);
    }
    return -1;
  }

  private static boolean regionMatches(StringBuilder s, int at, String t) {
    for (int k = 0; k < t.length(); k++) {
      if (s.charAt(at + k) != t.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static LinkedHashMap<String, @Nullable Object> substitute(
      LinkedHashMap<String, @Nullable Object> input,
      Set<String> ignore,
      @Nullable Function<String, @Nullable Object> addrepl) {
    return substituteInPlace(new LinkedHashMap<>(input), ignore, addrepl);
  }

  /** {@link #substitute} over a map the caller owns and gives up: {@code tags} is the result. */
  static LinkedHashMap<String, @Nullable Object> substituteInPlace(
      LinkedHashMap<String, @Nullable Object> tags,
      Set<String> ignore,
      @Nullable Function<String, @Nullable Object> addrepl) {
    String[] keys = tags.keySet().toArray(new String[0]);
    // by the index of the key: skipped (ignored, or done) and repCounts[tag]; the keys never
    // change, so the sets and maps fail2ban keys by tag are arrays here
    boolean[] skip = new boolean[keys.length];
    for (int k = 0; k < keys.length; k++) {
      skip[k] = ignore.contains(keys[k]);
    }
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] repCounts = new Map[keys.length];
    while (true) {
      boolean repFlag = false;
      for (int k = 0; k < keys.length; k++) {
        if (skip[k]) {
          continue;
        }
        String tag = keys[k];
        String orgval = PythonText.str(tags.get(tag));
        // the value being substituted: orgval until the first replacement, then edited in place
        StringBuilder value = null;
        int start = findTag(orgval, 0);
        // repCounts.get(tag, {}): created on the first replacement only
        Map<String, Integer> rplc = repCounts[k];
        while (start >= 0) {
          CharSequence cur = value == null ? orgval : value;
          int close = tagEnd(cur, start);
          String rtag = cur.subSequence(start + 1, close).toString();
          if (ignore.contains(rtag)) {
            start = findTag(cur, close + 1);
            continue;
          }
          if (rtag.equals(tag)
              || (rplc != null && rplc.getOrDefault(rtag, 1) > MAX_TAG_REPLACE_COUNT)) {
            throw ConfigError.value(
                "properties contain self referencing definitions and cannot be resolved, fail"
                    + " tag: "
                    + tag
                    + ", found: "
                    + rtag
                    + " in "
                    + PythonText.repr(rplc == null ? Map.of() : rplc)
                    + ", value: "
                    + cur);
          }
          Object repl = tags.get(rtag);
          if (repl == null && addrepl != null) {
            repl = addrepl.apply(rtag);
          }
          if (repl == null) {
            start = findTag(cur, close + 1);
            continue;
          }
          if (value == null) {
            value = new StringBuilder(orgval.length() + 64).append(orgval);
          }
          value = replaceAll(value, start, close + 1, rtag, PythonText.str(repl));
          if (rplc == null) {
            // a dict: its repr in the error above lists the tags in the order first replaced
            rplc = new LinkedHashMap<>();
          }
          rplc.merge(rtag, 1, Integer::sum);
          start = findTag(value, start);
        }
        String result = value == null ? orgval : value.toString();
        if (!orgval.equals(result)) {
          if (findTag(result, 0) >= 0) {
            repCounts[k] = rplc;
            repFlag = true;
          }
          tags.put(tag, result);
        }
        // fail2ban marks a value done when it has no '<' left; a value no tag was replaced in is
        // as done: its tags are ignored or missing, the keys and addrepl's answers never change,
        // so every later pass would scan it to the same end (saves rescanning long regexes)
        if (value == null || result.indexOf('<') < 0) {
          skip[k] = true;
        }
      }
      if (!repFlag) {
        break;
      }
    }
    return tags;
  }
}
