package dev.hostguard.psad;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * A psad.conf that psad 2.4.6 refuses: psad would {@code die} with {@link #reason()} (its own
 * wording, without Perl's {@code at ... line N.}) and exit with {@link #exitStatus()} before
 * printing anything. The position names the line that causes it (the end of the file for a missing
 * key). Also thrown for a psad file past hostguard's input limits (32 MiB, 64 Ki characters a
 * line), which psad has none of.
 *
 * <pre>{@code
 * try { PsadConfig.of(doc, PsadHost.local()); }
 * catch (PsadConfParseException e) { System.err.println(e.reason()); }
 * }</pre>
 */
public final class PsadConfParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private final int exitStatus;

  private PsadConfParseException(
      String sourceName, SourcePosition position, String lineText, String reason, int exitStatus) {
    super(sourceName, position, lineText, reason, null);
    this.exitStatus = exitStatus;
  }

  static PsadConfParseException atLine(
      LineDocument doc, int lineIndex, int column, String reason, int exitStatus) {
    if (lineIndex < 0 || lineIndex >= doc.size()) {
      return atEnd(doc, reason, exitStatus);
    }
    return new PsadConfParseException(
        doc.sourceName(), doc.position(lineIndex, column), doc.text(lineIndex), reason, exitStatus);
  }

  /**
   * Input past hostguard's limits (docs/reliability.md): psad itself reads any size, so this is
   * ours; the exit status is Perl's {@code die} status, 255.
   */
  static PsadConfParseException beyondLimit(Diagnostic d) {
    return new PsadConfParseException(d.sourceName(), d.position(), d.lineText(), d.message(), 255);
  }

  static PsadConfParseException atEnd(LineDocument doc, String reason, int exitStatus) {
    return new PsadConfParseException(
        doc.sourceName(), doc.position(doc.size(), 0), "", reason, exitStatus);
  }

  /**
   * psad's exit status for this error: Perl's {@code die} exits with errno when a file test just
   * failed (2, ENOENT, for a missing command or {@code FW_MSG_READ_CMD}) or its {@code psCmd} could
   * not be started (2, 13 EACCES, 20 ENOTDIR, 40 ELOOP...), 255 otherwise.
   */
  public int exitStatus() {
    return exitStatus;
  }
}
