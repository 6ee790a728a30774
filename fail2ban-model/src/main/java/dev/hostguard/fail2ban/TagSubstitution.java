package dev.hostguard.fail2ban;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * fail2ban's {@code <tag>} substitution ({@code substituteRecursiveTags}): repeated passes, a tag
 * may not refer to itself, at most 25 replacements of one tag inside another, missing tags stay.
 */
final class TagSubstitution {
  static final int MAX_TAG_REPLACE_COUNT = 25;
  private static final Pattern TAG = Pattern.compile("<([^ <>]+)>");

  private TagSubstitution() {}

  static LinkedHashMap<String, @Nullable Object> substitute(
      LinkedHashMap<String, @Nullable Object> input,
      Set<String> ignore,
      @Nullable Function<String, @Nullable Object> addrepl) {
    LinkedHashMap<String, @Nullable Object> tags = new LinkedHashMap<>(input);
    Set<String> done = new HashSet<>();
    Map<String, Map<String, Integer>> repCounts = new HashMap<>();
    while (true) {
      boolean repFlag = false;
      for (String tag : tags.keySet().toArray(new String[0])) {
        if (ignore.contains(tag) || done.contains(tag)) {
          continue;
        }
        String orgval = PythonText.str(tags.get(tag));
        String value = orgval;
        Matcher m = TAG.matcher(value);
        boolean found = m.find();
        Map<String, Integer> rplc = repCounts.getOrDefault(tag, new HashMap<>());
        while (found) {
          String rtag = m.group(1);
          if (ignore.contains(rtag)) {
            found = m.find(m.end());
            continue;
          }
          if (rtag.equals(tag) || rplc.getOrDefault(rtag, 1) > MAX_TAG_REPLACE_COUNT) {
            throw ConfigError.value(
                "properties contain self referencing definitions and cannot be resolved, fail"
                    + " tag: "
                    + tag
                    + ", found: "
                    + rtag
                    + " in "
                    + PythonText.repr(new LinkedHashMap<>(rplc))
                    + ", value: "
                    + value);
          }
          Object repl = tags.get(rtag);
          if (repl == null && addrepl != null) {
            repl = addrepl.apply(rtag);
          }
          if (repl == null) {
            found = m.find(m.end());
            continue;
          }
          String r = PythonText.str(repl);
          int start = m.start();
          value = value.replace("<" + rtag + ">", r);
          rplc.merge(rtag, 1, Integer::sum);
          m = TAG.matcher(value);
          found = m.find(start);
        }
        if (!orgval.equals(value)) {
          if (TAG.matcher(value).find()) {
            repCounts.put(tag, rplc);
            repFlag = true;
          }
          tags.put(tag, value);
        }
        if (value.indexOf('<') < 0) {
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
