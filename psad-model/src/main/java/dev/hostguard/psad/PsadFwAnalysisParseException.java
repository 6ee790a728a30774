package dev.hostguard.psad;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * Text that is not what {@code psad --fw-analyze} prints, with the position of the first line that
 * is not.
 *
 * <pre>{@code
 * try { PsadFwAnalysis.parse("<stdin>", text); }
 * catch (PsadFwAnalysisParseException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class PsadFwAnalysisParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private PsadFwAnalysisParseException(
      String sourceName, SourcePosition position, String lineText, String reason) {
    super(sourceName, position, lineText, reason, null);
  }

  static PsadFwAnalysisParseException inDocument(
      LineDocument doc, int lineIndex, int column, String reason) {
    if (lineIndex >= doc.size()) {
      return new PsadFwAnalysisParseException(
          doc.sourceName(), doc.position(doc.size(), 0), "", reason);
    }
    return new PsadFwAnalysisParseException(
        doc.sourceName(), doc.position(lineIndex, column), doc.text(lineIndex), reason);
  }
}
