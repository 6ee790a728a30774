package dev.hostguard.ufw;

import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;
import java.util.List;

/**
 * A command line ufw refuses: carries ufw's own {@code ERROR:} message and the index of the
 * offending argv word.
 *
 * <pre>{@code
 * try { UfwRuleParser.system().parse(List.of("allow", "99999")); }
 * catch (UfwRuleException e) { e.reason(); } // "Bad port"
 * }</pre>
 */
public final class UfwRuleException extends ParseException {
  private static final long serialVersionUID = 1L;

  /** The source name used for command lines. */
  public static final String ARGV = "<argv>";

  private final int wordIndex;
  private final boolean syntaxError;
  private final String detail;

  private UfwRuleException(
      SourcePosition position,
      String lineText,
      String reason,
      int wordIndex,
      boolean syntaxError,
      String detail) {
    super(ARGV, position, lineText, reason, null);
    this.wordIndex = wordIndex;
    this.syntaxError = syntaxError;
    this.detail = detail;
  }

  /** ufw prints {@code ERROR: reason} and exits 1. */
  static UfwRuleException error(List<String> argv, int wordIndex, String reason) {
    return create(argv, wordIndex, reason, false, reason);
  }

  /**
   * ufw's parser raised a plain ValueError: it prints {@code ERROR: Invalid syntax} and its usage;
   * {@code detail} keeps the underlying reason (for instance the comment quote refusal).
   */
  static UfwRuleException syntax(List<String> argv, int wordIndex, String detail) {
    return create(argv, wordIndex, "Invalid syntax", true, detail);
  }

  /** ufw prints {@code ERROR: reason}, then its usage, and exits 1. */
  static UfwRuleException usage(List<String> argv, int wordIndex, String reason) {
    return create(argv, wordIndex, reason, true, reason);
  }

  private static UfwRuleException create(
      List<String> argv, int wordIndex, String reason, boolean syntax, String detail) {
    int column = 1;
    int idx = Math.max(0, Math.min(wordIndex, argv.size()));
    for (int i = 0; i < idx; i++) {
      column += argv.get(i).length() + 1;
    }
    String line = String.join(" ", argv);
    return new UfwRuleException(
        SourcePosition.of(1, column), line, reason, wordIndex, syntax, detail);
  }

  /** 0-based index of the offending word in the argv given to the parser (-1 if none). */
  public int wordIndex() {
    return wordIndex;
  }

  /** True when ufw reports {@code Invalid syntax} and prints its usage. */
  public boolean isSyntaxError() {
    return syntaxError;
  }

  /** The underlying reason; equals {@link #reason()} unless this is a syntax error. */
  public String detail() {
    return detail;
  }
}
