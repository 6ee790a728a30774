package dev.hostguard.fail2ban;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the mutable command lists of the dump stream (they may hold {@code None}). */
final class DumpCommands {
  private DumpCommands() {}

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }
}
