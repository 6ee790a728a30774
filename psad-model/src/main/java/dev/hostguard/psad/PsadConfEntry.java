package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code KEY<whitespace>VALUE;} line of psad.conf, split the way psad 2.4.6 splits it: the key
 * is the first run of non-blanks, the value runs from after the blanks to the first {@code ;}, and
 * whatever follows the {@code ;} is ignored by psad (kept here as {@link #trailer()}).
 *
 * <pre>{@code
 * PsadConfEntry e = doc.variables().get("DANGER_LEVEL1"); // DANGER_LEVEL1   5;  ### packets
 * e.key(); e.value(); e.trailer(); // "DANGER_LEVEL1", "5", "  ### packets"
 * }</pre>
 *
 * @param lineIndex 0-based index of the line in its document
 * @param indent blanks before the key
 * @param key the variable name
 * @param separator blanks between key and value (never empty)
 * @param value text between the separator and the first {@code ;}
 * @param trailer the text after that {@code ;}
 */
public record PsadConfEntry(
    int lineIndex, String indent, String key, String separator, String value, String trailer) {

  /** Validates the parts. */
  public PsadConfEntry {
    requireNonNull(indent, "indent");
    requireNonNull(key, "key");
    requireNonNull(separator, "separator");
    requireNonNull(value, "value");
    requireNonNull(trailer, "trailer");
    if (key.isEmpty() || separator.isEmpty()) {
      throw new PsadRefusedException("an entry needs a key and a separator");
    }
  }

  /**
   * Splits a line as psad's {@code /^\s*(\S+)\s+(.*?)\;/} does, or returns null when psad skips it
   * (comment, blank, or no {@code ;} after a key and blanks).
   */
  static @Nullable PsadConfEntry parse(int lineIndex, String line) {
    int n = line.length();
    int i = 0;
    while (i < n && PerlChars.isSpace(line.charAt(i))) {
      i++;
    }
    if (i == n || line.charAt(i) == '#') {
      return null;
    }
    // \S+ is greedy but backtracks: the key may contain ';' when the first ';' lies inside it.
    int keyStart = i;
    while (i < n && !PerlChars.isSpace(line.charAt(i))) {
      i++;
    }
    int keyEnd = i;
    while (i < n && PerlChars.isSpace(line.charAt(i))) {
      i++;
    }
    int valueStart = i;
    if (keyEnd == n) {
      return null;
    }
    int semi = line.indexOf(';', valueStart);
    if (semi < 0) {
      return null;
    }
    return new PsadConfEntry(
        lineIndex,
        line.substring(0, keyStart),
        line.substring(keyStart, keyEnd),
        line.substring(keyEnd, valueStart),
        line.substring(valueStart, semi),
        line.substring(semi + 1));
  }

  /** 0-based column of the key in the line. */
  public int keyColumn() {
    return indent.length();
  }

  /** 0-based column of the value in the line. */
  public int valueColumn() {
    return indent.length() + key.length() + separator.length();
  }

  /** The line's text as psad read it. */
  public String text() {
    return indent + key + separator + value + ";" + trailer;
  }

  /** This entry with another value; blanks and the text after {@code ;} are kept. */
  public PsadConfEntry withValue(String newValue) {
    return new PsadConfEntry(lineIndex, indent, key, separator, newValue, trailer);
  }

  /**
   * For a key ending in {@code Cmd} whose value holds a path ({@code /} followed by something), the
   * name psad files it under in its command table; empty for ordinary variables.
   */
  public Optional<String> commandName() {
    if (key.length() > 3 && key.endsWith("Cmd")) {
      int slash = value.indexOf('/');
      if (slash >= 0 && slash < value.length() - 1) {
        return Optional.of(key.substring(0, key.length() - 3));
      }
    }
    return Optional.empty();
  }
}
