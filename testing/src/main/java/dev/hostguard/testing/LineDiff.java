package dev.hostguard.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A longest-common-subsequence diff of two line lists, after trimming their common ends. */
final class LineDiff {
  final Set<Integer> removedFromBefore = new TreeSet<>();
  final Set<Integer> addedInAfter = new TreeSet<>();

  private LineDiff() {}

  static LineDiff of(List<String> before, List<String> after) {
    LineDiff d = new LineDiff();
    int start = 0;
    while (start < before.size()
        && start < after.size()
        && before.get(start).equals(after.get(start))) {
      start++;
    }
    int endB = before.size();
    int endA = after.size();
    while (endB > start && endA > start && before.get(endB - 1).equals(after.get(endA - 1))) {
      endB--;
      endA--;
    }
    int n = endB - start;
    int m = endA - start;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            before.get(start + i).equals(after.get(start + j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (before.get(start + i).equals(after.get(start + j))) {
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        d.removedFromBefore.add(start + i);
        i++;
      } else {
        d.addedInAfter.add(start + j);
        j++;
      }
    }
    for (; i < n; i++) {
      d.removedFromBefore.add(start + i);
    }
    for (; j < m; j++) {
      d.addedInAfter.add(start + j);
    }
    return d;
  }
}
