package dev.hostguard.core;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link LineDocument}: its text and how it ends. A line read from bytes that are not
 * well-formed UTF-8 keeps those bytes and renders them unchanged; its {@link #text()} shows U+FFFD
 * in their place.
 *
 * <pre>{@code
 * Line l = Line.of("COMMIT", LineTerminator.LF);
 * l.render(); // "COMMIT\n"
 * }</pre>
 */
public final class Line {
  private final String text;
  private final LineTerminator terminator;
  private final byte @Nullable [] malformedBytes;

  private Line(String text, LineTerminator terminator, byte @Nullable [] malformedBytes) {
    this.text = text;
    this.terminator = terminator;
    this.malformedBytes = malformedBytes;
  }

  /**
   * A line with this text and terminator. The text must not contain {@code \n}, and must not end
   * with {@code \r} when the terminator is {@link LineTerminator#LF} (that would be CRLF).
   */
  public static Line of(String text, LineTerminator terminator) {
    requireNonNull(text, "text");
    requireNonNull(terminator, "terminator");
    if (text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a line's text cannot contain \\n: " + text);
    }
    if (terminator == LineTerminator.LF && text.endsWith("\r")) {
      throw new IllegalArgumentException("text ending in \\r before \\n would read back as CRLF");
    }
    return new Line(text, terminator, null);
  }

  static Line malformed(byte[] content, LineTerminator terminator) {
    String decoded = new String(content, StandardCharsets.UTF_8);
    return new Line(decoded, terminator, content.clone());
  }

  /** The decoded text without the terminator. */
  public String text() {
    return text;
  }

  /** How the line ends. */
  public LineTerminator terminator() {
    return terminator;
  }

  /** Whether the line's bytes were well-formed UTF-8 (always true for lines built from text). */
  public boolean isWellFormed() {
    return malformedBytes == null;
  }

  /** This line with another terminator, keeping its bytes. */
  public Line withTerminator(LineTerminator newTerminator) {
    requireNonNull(newTerminator, "newTerminator");
    if (newTerminator == terminator) {
      return this;
    }
    if (newTerminator == LineTerminator.LF && text.endsWith("\r")) {
      throw new IllegalArgumentException("text ending in \\r before \\n would read back as CRLF");
    }
    return new Line(text, newTerminator, malformedBytes);
  }

  /** The text followed by the terminator (lossy only for a malformed line: see {@link #text}). */
  public String render() {
    return text + terminator.text();
  }

  void appendBytes(java.io.ByteArrayOutputStream out) {
    byte[] content =
        malformedBytes != null ? malformedBytes : text.getBytes(StandardCharsets.UTF_8);
    out.write(content, 0, content.length);
    byte[] end = terminator.text().getBytes(StandardCharsets.US_ASCII);
    out.write(end, 0, end.length);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Line other)) {
      return false;
    }
    return text.equals(other.text)
        && terminator == other.terminator
        && Arrays.equals(malformedBytes, other.malformedBytes);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + terminator.hashCode();
  }

  @Override
  public String toString() {
    return render();
  }
}
