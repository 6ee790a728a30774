package dev.hostguard.fail2ban;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * fail2ban's {@code repCounts[tag]} in {@link TagSubstitution}: how often each tag was replaced in
 * one value, by the tag's slot; the tags in the order first replaced, for the error message.
 */
final class ReplaceCounts {
  private int[] counts = new int[16];
  private TagSlots.Slot[] order = new TagSlots.Slot[8];
  private int size;

  /** The count of {@code tag}, 0 when never replaced. */
  int get(TagSlots.Slot tag) {
    return tag.id < counts.length ? counts[tag.id] : 0;
  }

  void increment(TagSlots.Slot tag) {
    if (tag.id >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(counts.length * 2, tag.id + 1));
    }
    if (counts[tag.id]++ == 0) {
      if (size == order.length) {
        order = Arrays.copyOf(order, size * 2);
      }
      order[size++] = tag;
    }
  }

  /**
   * The counts as the map the message prints: a {@link HashMap} filled in the order first replaced,
   * so it iterates as the one the substitution kept before these counts.
   */
  Map<String, Integer> asMap() {
    HashMap<String, Integer> m = new HashMap<>();
    for (int i = 0; i < size; i++) {
      m.put(order[i].name, counts[order[i].id]);
    }
    return new LinkedHashMap<>(m);
  }
}
