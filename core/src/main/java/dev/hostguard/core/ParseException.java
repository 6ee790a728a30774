package dev.hostguard.core;

import static java.util.Objects.requireNonNull;

/**
 * The root of every text error in hostguard: unchecked, and always carrying where the error is. Its
 * message reads like a compiler's: {@code source:line:column: reason}.
 *
 * <pre>{@code
 * throw ParseException.at("before.rules", SourcePosition.of(12, 5), "-A ufw x", "unknown chain 'x'");
 * // before.rules:12:5: unknown chain 'x'
 * }</pre>
 *
 * <p>Format modules subclass it (for instance an exception that also carries the index of a refused
 * command word); every instance is built through a named factory so a position is never forgotten.
 */
public class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final SourcePosition position;
  private final String lineText;
  private final String reason;

  /**
   * For subclasses; use the static factories otherwise.
   *
   * @param sourceName file name or {@code <stdin>}, {@code <argv>}, ...
   * @param position where the error is
   * @param lineText the text of the offending line (empty if not known)
   * @param reason the message without location, in the real tool's wording where it has one
   * @param cause an underlying cause or {@code null}
   */
  protected ParseException(
      String sourceName, SourcePosition position, String lineText, String reason, Throwable cause) {
    super(
        requireNonNull(sourceName, "sourceName")
            + ":"
            + requireNonNull(position, "position")
            + ": "
            + requireNonNull(reason, "reason"),
        cause);
    this.sourceName = sourceName;
    this.position = position;
    this.lineText = requireNonNull(lineText, "lineText");
    this.reason = reason;
  }

  /** An error at {@code position} in {@code sourceName}, whose line reads {@code lineText}. */
  public static ParseException at(
      String sourceName, SourcePosition position, String lineText, String reason) {
    return new ParseException(sourceName, position, lineText, reason, null);
  }

  /** Like {@link #at}, with a cause. */
  public static ParseException at(
      String sourceName, SourcePosition position, String lineText, String reason, Throwable cause) {
    return new ParseException(sourceName, position, lineText, reason, cause);
  }

  /**
   * An error in a line of a {@link LineDocument}.
   *
   * @param lineIndex 0-based index of the line
   * @param columnIndex 0-based char index inside the line's text
   */
  public static ParseException inLine(
      LineDocument document, int lineIndex, int columnIndex, String reason) {
    return at(
        document.sourceName(),
        document.position(lineIndex, columnIndex),
        document.line(lineIndex).text(),
        reason);
  }

  /** The name of the source: a file name as given, or a pseudo name like {@code <stdin>}. */
  public String sourceName() {
    return sourceName;
  }

  /** Where the error is. */
  public SourcePosition position() {
    return position;
  }

  /** 1-based line. */
  public int line() {
    return position.line();
  }

  /** 1-based column. */
  public int column() {
    return position.column();
  }

  /** The offending line's text, without its terminator (empty if not known). */
  public String lineText() {
    return lineText;
  }

  /** The message without the location prefix. */
  public String reason() {
    return reason;
  }
}
