package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.SourcePosition;

/**
 * One reason psad 2.4.6 would refuse a psad.conf, in psad's wording, with the position of the line
 * that causes it (the end of the file for a missing key).
 *
 * <pre>{@code
 * for (PsadConfProblem p : PsadConfig.validate(doc, PsadHost.local()))
 *   System.err.println(p);
 * }</pre>
 *
 * @param sourceName the document's name
 * @param position 1-based line and column
 * @param lineText the offending line's text (empty at the end of the file)
 * @param message psad's message without Perl's {@code at ... line N.}
 */
public record PsadConfProblem(
    String sourceName, SourcePosition position, String lineText, String message) {

  /** Validates the parts. */
  public PsadConfProblem {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(position, "position");
    requireNonNull(lineText, "lineText");
    requireNonNull(message, "message");
  }

  static PsadConfProblem of(PsadConfigException e) {
    return new PsadConfProblem(e.sourceName(), e.position(), e.lineText(), e.reason());
  }

  /** {@code source:line:col: message}. */
  @Override
  public String toString() {
    return sourceName + ":" + position + ": " + message;
  }
}
