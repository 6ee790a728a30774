package dev.hostguard.core;

/**
 * A place in a source text: 1-based line and column, and the 0-based character offset of that place
 * from the start of the text.
 *
 * <pre>{@code
 * SourcePosition p = SourcePosition.of(12, 5, 311);
 * p.toString(); // "12:5"
 * }</pre>
 *
 * @param line 1-based line number
 * @param column 1-based column, counted in UTF-16 chars of the decoded line
 * @param offset 0-based offset from the start of the text, or -1 when unknown
 */
public record SourcePosition(int line, int column, long offset) {

  /** Checks the invariants: line and column are at least 1, offset at least -1. */
  public SourcePosition {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("column must be >= 1: " + column);
    }
    if (offset < -1) {
      throw new IllegalArgumentException("offset must be >= -1: " + offset);
    }
  }

  /** A position with a known offset. */
  public static SourcePosition of(int line, int column, long offset) {
    return new SourcePosition(line, column, offset);
  }

  /** A position whose offset is not known (for instance a word of a command line). */
  public static SourcePosition of(int line, int column) {
    return new SourcePosition(line, column, -1);
  }

  /** Renders {@code line:column}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
