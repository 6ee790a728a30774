package dev.hostguard.ufw;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;

/**
 * A file of {@code /etc/ufw/applications.d} that Python's RawConfigParser refuses (ufw then skips
 * the whole file): a duplicate section or option, text before the first section, a line that is
 * neither a section nor an option, bytes that are not UTF-8.
 *
 * <pre>{@code
 * try { AppProfileFile.parse("f", "[A]\ntitle=x\n[A]\n"); }
 * catch (AppProfileParseException e) { System.err.println(e.getMessage()); // f:3:1: section 'A' already exists }
 * }</pre>
 */
public final class AppProfileParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private AppProfileParseException(
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
  static AppProfileParseException atLine(
      LineDocument document, int lineIndex, int columnIndex, String reason) {
    return new AppProfileParseException(document, lineIndex, columnIndex, reason);
  }

  private AppProfileParseException(Diagnostic d) {
    super(d.sourceName(), d.position(), d.lineText(), d.message(), null);
  }

  /** Input past hostguard's limits (docs/reliability.md), as {@code InputLimits} reports it. */
  static AppProfileParseException of(Diagnostic d) {
    return new AppProfileParseException(d);
  }
}
