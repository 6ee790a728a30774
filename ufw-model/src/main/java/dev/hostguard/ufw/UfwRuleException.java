package dev.hostguard.ufw;

import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;
import java.util.List;

/**
 * A command line ufw refuses. {@link #reason()} says what is wrong, {@link #wordIndex()} which argv
 * word, and {@link #ufwMessage()} is what ufw itself prints after {@code ERROR: } ({@code Invalid
 * syntax} for many reasons). The position is line 1, column = the 1-based word number.
 *
 * <pre>{@code
 * try { UfwRuleParser.of(services).parse(List.of("allow", "22", "comment", "it's")); }
 * catch (UfwRuleException e) { e.getMessage(); } // <argv>: word 4 'it's': Comment may not contain "'"
 * }</pre>
 */
public final class UfwRuleException extends ParseException {
  private static final long serialVersionUID = 1L;

  /** The source name used for command lines. */
  public static final String ARGV = "<argv>";

  private final int wordIndex;
  private final boolean syntaxError;
  private final String ufwMessage;
  private final String message;

  private UfwRuleException(
      SourcePosition position,
      String lineText,
      String reason,
      int wordIndex,
      boolean syntaxError,
      String ufwMessage,
      String message) {
    super(ARGV, position, lineText, reason, null);
    this.wordIndex = wordIndex;
    this.syntaxError = syntaxError;
    this.ufwMessage = ufwMessage;
    this.message = message;
  }

  /** ufw prints {@code ERROR: reason} and exits 1. */
  static UfwRuleException error(List<String> argv, int wordIndex, String reason) {
    return create(argv, wordIndex, reason, false, reason);
  }

  /**
   * ufw's parser raised a plain ValueError: it prints {@code ERROR: Invalid syntax} and its usage;
   * {@code reason} says what is wrong (for instance the comment quote refusal).
   */
  static UfwRuleException syntax(List<String> argv, int wordIndex, String reason) {
    return create(argv, wordIndex, reason, true, "Invalid syntax");
  }

  /** ufw prints {@code ERROR: reason}, then its usage, and exits 1. */
  static UfwRuleException usage(List<String> argv, int wordIndex, String reason) {
    return create(argv, wordIndex, reason, true, reason);
  }

  private static UfwRuleException create(
      List<String> argv, int wordIndex, String reason, boolean syntax, String ufwMessage) {
    String where;
    if (wordIndex >= 0 && wordIndex < argv.size()) {
      where = "word " + (wordIndex + 1) + " '" + argv.get(wordIndex) + "'";
    } else if (wordIndex >= argv.size()) {
      where = "after word " + argv.size();
    } else {
      where = "";
    }
    String message = ARGV + ": " + (where.isEmpty() ? "" : where + ": ") + reason;
    int column = Math.max(1, Math.min(wordIndex, argv.size()) + 1);
    return new UfwRuleException(
        SourcePosition.of(1, column),
        String.join(" ", argv),
        reason,
        wordIndex,
        syntax,
        ufwMessage,
        message);
  }

  /**
   * {@code <argv>: word N 'WORD': reason}: what is wrong and which word ({@code after word N} when
   * a word is missing at the end, no word when the refusal is not about one).
   */
  @Override
  public String getMessage() {
    return message;
  }

  /** 0-based index of the refused word in the argv given to the parser (-1 if none). */
  public int wordIndex() {
    return wordIndex;
  }

  /** True when ufw prints its usage after the error (as for {@code Invalid syntax}). */
  public boolean isSyntaxError() {
    return syntaxError;
  }

  /** What ufw prints after {@code ERROR: } for this command line; may be less precise. */
  public String ufwMessage() {
    return ufwMessage;
  }
}
