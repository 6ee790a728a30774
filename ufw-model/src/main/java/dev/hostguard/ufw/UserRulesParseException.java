package dev.hostguard.ufw;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;

/**
 * A {@code user.rules} or {@code user6.rules} file that ufw cannot read: a malformed {@code ###
 * tuple ###} line (ufw itself skips it with a warning; the strict parse refuses it).
 *
 * <pre>{@code
 * try { UserRulesFile.parse("user.rules", text); }
 * catch (UserRulesParseException e) { System.err.println(e.getMessage()); // user.rules:4:1: malformed tuple (bad length): allow tcp 22 }
 * }</pre>
 */
public final class UserRulesParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private UserRulesParseException(
      LineDocument document, int lineIndex, int columnIndex, String reason) {
    super(
        document.sourceName(),
        document.position(lineIndex, columnIndex),
        document.text(lineIndex),
        reason,
        null);
  }

  /**
   * An error in a line of the parsed text.
   *
   * @param lineIndex 0-based index of the line
   * @param columnIndex 0-based char index inside the line's text
   */
  static UserRulesParseException atLine(
      LineDocument document, int lineIndex, int columnIndex, String reason) {
    return new UserRulesParseException(document, lineIndex, columnIndex, reason);
  }

  private UserRulesParseException(Diagnostic d) {
    super(d.sourceName(), d.position(), d.lineText(), d.message(), null);
  }

  /** Input past hostguard's limits (docs/reliability.md), as {@code InputLimits} reports it. */
  static UserRulesParseException of(Diagnostic d) {
    return new UserRulesParseException(d);
  }
}
