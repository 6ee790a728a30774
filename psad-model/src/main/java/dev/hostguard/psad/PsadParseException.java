package dev.hostguard.psad;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * Text that is not what psad prints ({@code --Status}, {@code --fw-analyze}) or not an {@code
 * auto_dl} line psad reads, with its position.
 *
 * <pre>{@code
 * try { PsadStatus.parse("<stdin>", text); }
 * catch (PsadParseException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class PsadParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private PsadParseException(
      String sourceName, SourcePosition position, String lineText, String reason) {
    super(sourceName, position, lineText, reason, null);
  }

  static PsadParseException inDocument(LineDocument doc, int lineIndex, int column, String reason) {
    if (lineIndex >= doc.size()) {
      return new PsadParseException(doc.sourceName(), doc.position(doc.size(), 0), "", reason);
    }
    return new PsadParseException(
        doc.sourceName(), doc.position(lineIndex, column), doc.text(lineIndex), reason);
  }
}
