package dev.hostguard.ufw.status;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;

/**
 * A text that is not output of {@code ufw status} / {@code show added} in ufw's exact layout.
 *
 * <pre>{@code
 * try { UfwStatusOutput.parse("<stdin>", "Status: maybe\n"); }
 * catch (StatusParseException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class StatusParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private StatusParseException(LineDocument doc, int lineIndex, int column, String reason) {
    super(
        doc.sourceName(),
        doc.position(lineIndex, column),
        lineIndex < doc.size() ? doc.text(lineIndex) : "",
        reason,
        null);
  }

  static StatusParseException at(LineDocument doc, int lineIndex, int column, String reason) {
    return new StatusParseException(doc, lineIndex, column, reason);
  }

  private StatusParseException(Diagnostic d) {
    super(d.sourceName(), d.position(), d.lineText(), d.message(), null);
  }

  /** Input past hostguard's limits (docs/reliability.md), as {@code InputLimits} reports it. */
  static StatusParseException of(Diagnostic d) {
    return new StatusParseException(d);
  }
}
