package dev.hostguard.fail2ban;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code shlex.split(s)} (POSIX mode, no comments), used for journal matches. */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean inToken = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (inToken) {
          out.add(token.toString());
          token.setLength(0);
          inToken = false;
        }
        i++;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw ConfigError.value("No escaped character");
        }
        token.append(s.charAt(i + 1));
        inToken = true;
        i += 2;
      } else if (c == '\'' || c == '"') {
        inToken = true;
        i++;
        while (true) {
          if (i >= n) {
            throw ConfigError.value("No closing quotation");
          }
          char d = s.charAt(i);
          if (d == c) {
            i++;
            break;
          }
          if (c == '"' && d == '\\') {
            if (i + 1 >= n) {
              throw ConfigError.value("No closing quotation");
            }
            char e = s.charAt(i + 1);
            if (e != '"' && e != '\\') {
              token.append('\\');
            }
            token.append(e);
            i += 2;
            continue;
          }
          token.append(d);
          i++;
        }
      } else {
        token.append(c);
        inToken = true;
        i++;
      }
    }
    if (inToken) {
      out.add(token.toString());
    }
    return out;
  }
}
