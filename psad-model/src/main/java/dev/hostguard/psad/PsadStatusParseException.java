package dev.hostguard.psad;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * Text that is not what {@code psad --Status} prints, with the position of the first line that is
 * not.
 *
 * <pre>{@code
 * try { PsadStatus.parse("<stdin>", text); }
 * catch (PsadStatusParseException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class PsadStatusParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private PsadStatusParseException(
      String sourceName, SourcePosition position, String lineText, String reason) {
    super(sourceName, position, lineText, reason, null);
  }

  static PsadStatusParseException inDocument(
      LineDocument doc, int lineIndex, int column, String reason) {
    if (lineIndex >= doc.size()) {
      return new PsadStatusParseException(
          doc.sourceName(), doc.position(doc.size(), 0), "", reason);
    }
    return new PsadStatusParseException(
        doc.sourceName(), doc.position(lineIndex, column), doc.text(lineIndex), reason);
  }
}
