package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.HashMap;
import java.util.HashSet;
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
  static int findTag(String s, int from) {
    int n = s.length();
    int i = s.indexOf('<', from);
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
      i = j < n && s.charAt(j) == '<' ? j : s.indexOf('<', j);
    }
    return -1;
  }

  /** The index of the closing {@code >} of the tag that {@link #findTag} found at {@code start}. */
  static int tagEnd(String s, int start) {
    return s.indexOf('>', start + 1);
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
    Set<String> done = new HashSet<>();
    Map<String, Map<String, Integer>> repCounts = new HashMap<>();
    String[] keys = tags.keySet().toArray(new String[0]);
    while (true) {
      boolean repFlag = false;
      for (String tag : keys) {
        if (ignore.contains(tag) || done.contains(tag)) {
          continue;
        }
        String orgval = PythonText.str(tags.get(tag));
        String value = orgval;
        int start = findTag(value, 0);
        // repCounts.get(tag, {}): created on the first replacement only
        Map<String, Integer> rplc = repCounts.get(tag);
        while (start >= 0) {
          int close = tagEnd(value, start);
          String rtag = value.substring(start + 1, close);
          if (ignore.contains(rtag)) {
            start = findTag(value, close + 1);
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
                    + PythonText.repr(rplc == null ? Map.of() : new LinkedHashMap<>(rplc))
                    + ", value: "
                    + value);
          }
          Object repl = tags.get(rtag);
          if (repl == null && addrepl != null) {
            repl = addrepl.apply(rtag);
          }
          if (repl == null) {
            start = findTag(value, close + 1);
            continue;
          }
          // String.replace sizes its one result exactly (a builder here allocated more)
          value = value.replace(value.substring(start, close + 1), PythonText.str(repl));
          if (rplc == null) {
            rplc = new HashMap<>();
          }
          rplc.merge(rtag, 1, Integer::sum);
          start = findTag(value, start);
        }
        if (!orgval.equals(value)) {
          if (findTag(value, 0) >= 0) {
            repCounts.put(tag, rplc);
            repFlag = true;
          }
          tags.put(tag, value);
        }
        // fail2ban marks a value done when it has no '<' left; a value no tag was replaced in is
        // as done: its tags are ignored or missing, the keys and addrepl's answers never change,
        // so every later pass would scan it to the same end (saves rescanning long regexes)
        if (orgval == value || value.indexOf('<') < 0) {
          done.add(tag);
        }
      }
      if (!repFlag) {
        break;
      }
    }
    return tags;
  }
}
