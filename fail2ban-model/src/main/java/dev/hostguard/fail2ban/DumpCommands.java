package dev.hostguard.fail2ban;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds the mutable command lists of the dump stream (they may hold {@code None}). */
final class DumpCommands {
  private DumpCommands() {}

  static List<Object> list(Object... items) {
    // filled from the varargs array directly: ArrayList(Arrays.asList(items)) copies it twice
    ArrayList<Object> l = new ArrayList<>(items.length);
    Collections.addAll(l, items);
    return l;
  }
}
