package dev.hostguard.fail2ban;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one process-wide cache of the module, documented in the package and in {@code
 * docs/fail2ban.md}: parses shared between resolutions (and threads), by file name. An entry is
 * used only when the bytes just read are equal to the bytes it was parsed from, so a changed file
 * is always parsed again, whatever its size or timestamps; the parse is a function of the name and
 * the bytes, and results are immutable, so the cache can never change a result, only save time.
 * Bounded: at most {@link #MAX_WEIGHT} by weight (about four times a file's size), least recently
 * used entries evicted first. Failed parses are not kept. A synchronized access-ordered map: a
 * handful of classes, where a general-purpose cache costs dozens on the first resolution of a
 * process.
 */
final class ParseCache {
  static final long MAX_WEIGHT = 64L << 20;

  /** A file's bytes and what they parse to. */
  private static final class Entry {
    final byte[] bytes;
    final IniParser.Result result;
    final long weight;

    Entry(byte[] bytes, IniParser.Result result, long weight) {
      this.bytes = bytes;
      this.result = result;
      this.weight = weight;
    }
  }

  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final long maxWeight;
  private long weight;

  ParseCache(long maxWeight) {
    this.maxWeight = maxWeight;
  }

  /** The parse of {@code bytes} kept for {@code name}, if it was parsed from equal bytes. */
  synchronized IniParser.@Nullable Result get(String name, byte[] bytes) {
    Entry e = entries.get(name);
    return e != null && Arrays.equals(e.bytes, bytes) ? e.result : null;
  }

  /** Keeps {@code result} as the parse of a copy of {@code bytes}, evicting the least recent. */
  synchronized void put(String name, byte[] bytes, IniParser.Result result) {
    long w = Math.min(Integer.MAX_VALUE, 4L * bytes.length + 2L * name.length() + 256);
    // a copy: the file source may reuse its array
    Entry old = entries.put(name, new Entry(bytes.clone(), result, w));
    if (old != null) {
      weight -= old.weight;
    }
    weight += w;
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (weight > maxWeight && it.hasNext()) {
      Entry e = it.next().getValue();
      weight -= e.weight;
      it.remove();
    }
  }
}
