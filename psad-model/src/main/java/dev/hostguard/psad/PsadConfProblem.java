package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.SourcePosition;

/**
 * One problem in a psad file with the position of the line that causes it (the end of the file for
 * a missing key): either a reason psad 2.4.6 refuses psad.conf ({@link #fatal()}, psad's wording),
 * or a warning about something psad reads differently from how it looks or cannot use as meant (a
 * line it skips, a duplicate it ignores, danger levels out of order or out of 1-5).
 *
 * <pre>{@code
 * for (PsadConfProblem p : PsadConfig.validate(doc, PsadHost.local()))
 *   System.err.println(p);
 * }</pre>
 *
 * @param sourceName the document's name
 * @param position 1-based line and column
 * @param lineText the offending line's text (empty at the end of the file)
 * @param message the message (psad's, without Perl's {@code at ... line N.}, where psad has one)
 * @param fatal whether psad dies on it
 */
public record PsadConfProblem(
    String sourceName, SourcePosition position, String lineText, String message, boolean fatal) {

  /** Validates the parts. */
  public PsadConfProblem {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(position, "position");
    requireNonNull(lineText, "lineText");
    requireNonNull(message, "message");
  }

  /** {@code source:line:col: message}, with {@code warning: } before a non-fatal message. */
  @Override
  public String toString() {
    return sourceName + ":" + position + ": " + (fatal ? "" : "warning: ") + message;
  }
}
