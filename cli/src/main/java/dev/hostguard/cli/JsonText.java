package dev.hostguard.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** JSON values written by hand, for the command line's {@code --json} documents. */
final class JsonText {
  private JsonText() {}

  /** {@code s} as a JSON string (quotes, backslashes and control characters escaped). */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** A JSON string, or {@code null} when empty. */
  static void optional(StringBuilder sb, Optional<String> value) {
    if (value.isPresent()) {
      string(sb, value.get());
    } else {
      sb.append("null");
    }
  }

  /** A JSON array of strings. */
  static void strings(StringBuilder sb, List<String> values) {
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, values.get(i));
    }
    sb.append(']');
  }
}
