package dev.hostguard.ufw;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;

/**
 * An {@code /etc/services} text with a port that is not a number in 0..65535 (lines without a
 * {@code port/proto} are skipped, as glibc skips them).
 *
 * <pre>{@code
 * try { ServicesDatabase.parse("services", "ssh 99999/tcp\n"); }
 * catch (ServicesParseException e) { System.err.println(e.getMessage()); // services:1:5: bad port '99999' }
 * }</pre>
 */
public final class ServicesParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private ServicesParseException(
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
  static ServicesParseException atLine(
      LineDocument document, int lineIndex, int columnIndex, String reason) {
    return new ServicesParseException(document, lineIndex, columnIndex, reason);
  }

  private ServicesParseException(Diagnostic d) {
    super(d.sourceName(), d.position(), d.lineText(), d.message(), null);
  }

  /** Input past hostguard's limits (docs/reliability.md), as {@code InputLimits} reports it. */
  static ServicesParseException of(Diagnostic d) {
    return new ServicesParseException(d);
  }
}
