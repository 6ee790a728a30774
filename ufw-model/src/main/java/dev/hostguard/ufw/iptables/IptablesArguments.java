package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * iptables-restore's splitting of a rule line into arguments (double quotes group, a backslash
 * escapes inside quotes, single quotes are ordinary), and the reverse quoting.
 *
 * @param arguments the arguments
 * @param starts 0-based column where each argument starts
 * @param quoted whether each argument had a double quote in it
 * @param unterminatedQuote column of a quote never closed, or -1
 */
record IptablesArguments(
    ImmutableList<String> arguments,
    ImmutableList<Integer> starts,
    ImmutableList<Boolean> quoted,
    int unterminatedQuote) {

  static IptablesArguments split(String line) {
    ImmutableList.Builder<String> args = ImmutableList.builder();
    ImmutableList.Builder<Integer> starts = ImmutableList.builder();
    ImmutableList.Builder<Boolean> quotedFlags = ImmutableList.builder();
    StringBuilder param = new StringBuilder();
    boolean open = false;
    boolean escaped = false;
    boolean quoted = false;
    boolean pending = false;
    int start = -1;
    int quoteAt = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (open) {
        if (escaped) {
          param.append(c);
          escaped = false;
          continue;
        } else if (c == '\\') {
          escaped = true;
          continue;
        } else if (c != '"') {
          param.append(c);
          continue;
        }
        open = false;
      } else if (c == '"') {
        open = true;
        quoted = true;
        quoteAt = i;
        if (start < 0) {
          start = i;
        }
        pending = true;
        continue;
      }
      if (c == '"') {
        // closing quote ends the argument, even an empty one
      } else if (c == ' ' || c == '\t') {
        if (param.length() == 0 && !pending) {
          continue;
        }
      } else {
        if (start < 0) {
          start = i;
        }
        param.append(c);
        pending = true;
        continue;
      }
      args.add(param.toString());
      starts.add(start);
      quotedFlags.add(quoted);
      param.setLength(0);
      start = -1;
      quoted = false;
      pending = false;
    }
    if (open) {
      return new IptablesArguments(args.build(), starts.build(), quotedFlags.build(), quoteAt);
    }
    if (pending) {
      args.add(param.toString());
      starts.add(start);
      quotedFlags.add(quoted);
    }
    return new IptablesArguments(args.build(), starts.build(), quotedFlags.build(), -1);
  }

  /** A rule line whose {@link #split} gives back {@code arguments}. */
  static String join(List<String> arguments) {
    StringBuilder sb = new StringBuilder();
    for (String a : arguments) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (needsQuotes(a) || (sb.length() == 0 && startsAnotherKind(a))) {
        sb.append('"');
        for (int i = 0; i < a.length(); i++) {
          char c = a.charAt(i);
          if (c == '"' || c == '\\') {
            sb.append('\\');
          }
          sb.append(c);
        }
        sb.append('"');
      } else {
        sb.append(a);
      }
    }
    return sb.toString();
  }

  /**
   * Whether a line starting with this word would read as another kind of line (a table, a chain
   * policy, a comment or COMMIT) rather than a rule: as the first word it is quoted (found by
   * fuzzing).
   */
  private static boolean startsAnotherKind(String a) {
    return a.startsWith("*") || a.startsWith(":") || a.startsWith("COMMIT");
  }

  private static boolean needsQuotes(String a) {
    return a.isEmpty()
        || a.indexOf(' ') >= 0
        || a.indexOf('\t') >= 0
        || a.indexOf('"') >= 0
        || a.startsWith("#");
  }
}
