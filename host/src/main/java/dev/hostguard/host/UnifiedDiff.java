package dev.hostguard.host;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unified diffs as GNU {@code diff -u} prints them (3 lines of context, {@code @@ -1 +1 @@} for
 * one-line ranges, {@code -0,0} before an insertion at the top, {@code \ No newline at end of
 * file}), the differences found by java-diff-utils.
 */
final class UnifiedDiff {
  static final int CONTEXT = 3;

  /** Marks a last line that has no newline, so that {@code "x"} and {@code "x\n"} differ. */
  private static final String NO_NEWLINE_MARK = "\uFFFF\uFFFE";

  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@$");

  private UnifiedDiff() {}

  /** The diff of two texts with these header names; empty when the texts are equal. */
  static String of(String fromName, String toName, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> raw = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, patch, CONTEXT);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(fromName).append('\n');
    out.append("+++ ").append(toName).append('\n');
    // the library's first two lines are its own headers
    for (String line : raw.subList(Math.min(2, raw.size()), raw.size())) {
      Matcher m = HUNK.matcher(line);
      if (m.matches()) {
        out.append("@@ -")
            .append(range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
            .append(" +")
            .append(range(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))))
            .append(" @@\n");
      } else if (line.endsWith(NO_NEWLINE_MARK)) {
        out.append(line, 0, line.length() - NO_NEWLINE_MARK.length())
            .append("\n\\ No newline at end of file\n");
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** GNU's range: {@code start} alone for one line, the line before for none. */
  private static String range(int start, int count) {
    if (count == 1) {
      return Integer.toString(start);
    }
    if (count == 0) {
      return (start - 1) + ",0";
    }
    return start + "," + count;
  }

  /** The lines of a text, split at {@code \n} only, a last line without one marked. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        lines.add(text.substring(start) + NO_NEWLINE_MARK);
        break;
      }
      lines.add(text.substring(start, nl));
      start = nl + 1;
    }
    return lines;
  }
}
