package dev.hostguard.fail2ban.client;

import java.util.ArrayList;
import java.util.List;

/** Splits client output into lines; the output must end with the newline {@code print} adds. */
final class OutputLines {
  private OutputLines() {}

  static List<String> split(String source, String text) {
    if (!text.endsWith("\n")) {
      throw Fail2banOutputParseException.at(
          source,
          Math.max(0, text.split("\n", -1).length - 1),
          "",
          "output does not end with a newline");
    }
    List<String> out = new ArrayList<>();
    for (String l : text.substring(0, text.length() - 1).split("\n", -1)) {
      out.add(l);
    }
    return out;
  }
}
