package dev.hostguard.fail2ban;

import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The tag names one {@link TagSubstitution} meets, each a slot found from the text of its {@code
 * <tag>} without copying it out: whether it is ignored, the index of the key of the same name, and
 * the answer of {@code addrepl}. fail2ban hashes the name anew in its {@code ignore} set, the tags,
 * and {@code repCounts} for every tag it finds; here that is one probe of this table.
 */
final class TagSlots {
  /** One tag name: fixed facts about it for the whole substitution. */
  static final class Slot {
    final String name;

    /** Its number, 0.. in the order met; indexes the per-key replacement counts. */
    final int id;

    /** The index of the key of this name in the tags, or -1. */
    final int key;

    final boolean ignored;
    private boolean asked;
    private @Nullable Object answer;

    Slot(String name, int id, int key, boolean ignored) {
      this.name = name;
      this.id = id;
      this.key = key;
      this.ignored = ignored;
    }

    /**
     * {@code addrepl(name)}, asked once: the readers' {@code addrepl} answers from a cache that
     * keeps its first answer, so every later call would return the same.
     */
    @Nullable Object addrepl(Function<String, @Nullable Object> addrepl) {
      if (!asked) {
        answer = addrepl.apply(name);
        asked = true;
      }
      return answer;
    }
  }

  private final Set<String> ignore;
  private Slot[] table;
  private int size;

  /** Slots for {@code keys} (ids 0.. in key order, so the key's slot id is its index). */
  TagSlots(String[] keys, Set<String> ignore) {
    this.ignore = ignore;
    int cap = 16;
    while (cap < keys.length * 4) {
      cap <<= 1;
    }
    table = new Slot[cap];
    for (int k = 0; k < keys.length; k++) {
      String n = keys[k];
      insert(new Slot(n, size++, k, ignore.contains(n)));
    }
  }

  int size() {
    return size;
  }

  /** The slot of the name {@code s[from, to)}, made (not a key) when first met. */
  Slot find(CharSequence s, int from, int to) {
    int h = hash(s, from, to);
    int mask = table.length - 1;
    int len = to - from;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Slot e = table[i];
      if (e == null) {
        break;
      }
      if (e.name.length() == len && sameChars(e.name, s, from)) {
        return e;
      }
    }
    String name = s.subSequence(from, to).toString();
    Slot slot = new Slot(name, size++, -1, ignore.contains(name));
    if (size * 2 > table.length) {
      Slot[] old = table;
      table = new Slot[old.length * 2];
      for (Slot o : old) {
        if (o != null) {
          insert(o);
        }
      }
    }
    insert(slot);
    return slot;
  }

  private void insert(Slot slot) {
    int mask = table.length - 1;
    int i = hash(slot.name, 0, slot.name.length()) & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = slot;
  }

  private static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h ^ (h >>> 16);
  }

  private static boolean sameChars(String name, CharSequence s, int from) {
    for (int k = 0; k < name.length(); k++) {
      if (name.charAt(k) != s.charAt(from + k)) {
        return false;
      }
    }
    return true;
  }
}
