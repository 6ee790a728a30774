package dev.hostguard.psad;

import org.jspecify.annotations.Nullable;

/**
 * How Perl starts the command of a piped {@code open CMD, "LINE |"} (Perl's {@code do_exec3}):
 * leading blanks are skipped; a line that starts with {@code ". "} or {@code "exec "}, starts with
 * a word followed by {@code =} ({@code VAR=val}) or holds a shell metacharacter ({@code
 * $&*(){}[]'";\|?<>~`} or a newline) goes to {@code /bin/sh -c}, which always starts; any other
 * line is split on blanks and its first word is given to {@code execvp}, whose failure makes the
 * {@code open} fail.
 */
final class PerlPipeCommand {
  private static final String SHELL_METACHARS = "$&*(){}[]'\";\\|?<>~`\n";

  private PerlPipeCommand() {}

  /** The program Perl hands to {@code execvp}, or null when the line runs through the shell. */
  static @Nullable String program(String line) {
    int start = 0;
    while (start < line.length() && PerlChars.isSpace(line.charAt(start))) {
      start++;
    }
    String cmd = line.substring(start);
    if (cmd.length() > 1 && cmd.charAt(0) == '.' && PerlChars.isSpace(cmd.charAt(1))) {
      return null;
    }
    if (cmd.length() > 4 && cmd.startsWith("exec") && PerlChars.isSpace(cmd.charAt(4))) {
      return null;
    }
    int w = 0;
    while (w < cmd.length() && PerlChars.isWord(cmd.charAt(w))) {
      w++;
    }
    if (w < cmd.length() && cmd.charAt(w) == '=') {
      return null;
    }
    for (int i = 0; i < cmd.length(); i++) {
      char c = cmd.charAt(i);
      if (SHELL_METACHARS.indexOf(c) >= 0 && !(c == '\n' && i == cmd.length() - 1)) {
        return null;
      }
    }
    int end = 0;
    while (end < cmd.length() && !PerlChars.isSpace(cmd.charAt(end))) {
      end++;
    }
    return end == 0 ? null : cmd.substring(0, end);
  }
}
