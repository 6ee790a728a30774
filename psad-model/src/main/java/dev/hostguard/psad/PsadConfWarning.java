package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.SourcePosition;

/**
 * Something in psad.conf that psad reads differently from how it looks: a line without {@code ;}
 * that psad skips, or a later duplicate of a key that psad ignores.
 *
 * <pre>{@code
 * for (PsadConfWarning w : PsadConfDocument.parse("psad.conf", text).warnings())
 *   System.err.println(w);
 * }</pre>
 *
 * @param sourceName the document's name
 * @param position 1-based line and column
 * @param lineText the line's text
 * @param message what psad does with it
 */
public record PsadConfWarning(
    String sourceName, SourcePosition position, String lineText, String message) {

  /** Validates the parts. */
  public PsadConfWarning {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(position, "position");
    requireNonNull(lineText, "lineText");
    requireNonNull(message, "message");
  }

  /** {@code source:line:col: warning: message}. */
  @Override
  public String toString() {
    return sourceName + ":" + position + ": warning: " + message;
  }
}
