package dev.hostguard.core;

/**
 * How a line ends: {@code \n}, {@code \r\n}, or not at all (the last line of a text without a final
 * newline). A lone {@code \r} is not a terminator; it stays part of the line's text.
 *
 * <pre>{@code
 * LineTerminator.CRLF.text(); // "\r\n"
 * LineTerminator.NONE.text(); // ""
 * }</pre>
 */
public enum LineTerminator {
  /** {@code \n}. */
  LF("\n"),
  /** {@code \r\n}. */
  CRLF("\r\n"),
  /** No terminator: only ever the last line. */
  NONE("");

  private final String text;

  LineTerminator(String text) {
    this.text = text;
  }

  /** The terminator's characters. */
  public String text() {
    return text;
  }
}
