package dev.hostguard.core.internal;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.SourcePosition;
import java.util.Optional;

/**
 * The input limits every hostguard parser applies where the real tool has none
 * (docs/reliability.md, "Limits"): a file of at most {@value #MAX_BYTES} bytes and lines of at most
 * {@value #MAX_LINE_LENGTH} characters. Checked before a text is decoded or split into lines, so
 * input past a limit is refused at once with a positioned error, never with an {@link
 * OutOfMemoryError}.
 *
 * <pre>{@code
 * InputLimits.check("before.rules", bytes).ifPresent(d -> { throw IptablesParseException.of(d); });
 * }</pre>
 */
public final class InputLimits {
  /**
   * The largest file a parser reads: 32 MiB (real configurations are kilobytes; a 300,000-line, 21
   * MB iptables-restore file must still round-trip, issue #15).
   */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  /** The longest line a parser reads, in characters (bytes for byte input): 64 KiB. */
  public static final int MAX_LINE_LENGTH = 64 * 1024;

  /** How much of an overlong line an error quotes. */
  private static final int QUOTED = 80;

  private InputLimits() {}

  /** The error for a file of {@code size} bytes, if it is over {@link #MAX_BYTES}. */
  public static Optional<Diagnostic> checkSize(String sourceName, long size) {
    if (size <= MAX_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        Diagnostic.error(
            sourceName,
            SourcePosition.of(1, 1, 0),
            "",
            "file too large: over " + MAX_BYTES + " bytes"));
  }

  /** The first limit {@code bytes} passes (size, then line length), as an error, if any. */
  public static Optional<Diagnostic> check(String sourceName, byte[] bytes) {
    Optional<Diagnostic> size = checkSize(sourceName, bytes.length);
    if (size.isPresent()) {
      return size;
    }
    if (bytes.length <= MAX_LINE_LENGTH) {
      return Optional.empty(); // no line is longer than the whole file: nothing to scan
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r') {
        if (i - start > MAX_LINE_LENGTH) {
          String quoted =
              new String(
                  bytes,
                  start,
                  Math.min(QUOTED, i - start),
                  java.nio.charset.StandardCharsets.UTF_8);
          return Optional.of(tooLong(sourceName, line, start, quoted));
        }
        if (i < bytes.length && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
          i++;
        }
        line++;
        start = i + 1;
      }
    }
    return Optional.empty();
  }

  /** The first limit {@code text} passes (size in chars, then line length), as an error, if any. */
  public static Optional<Diagnostic> check(String sourceName, String text) {
    if (text.length() > MAX_BYTES) {
      return Optional.of(
          Diagnostic.error(
              sourceName,
              SourcePosition.of(1, 1, 0),
              "",
              "file too large: over " + MAX_BYTES + " bytes"));
    }
    if (text.length() <= MAX_LINE_LENGTH) {
      return Optional.empty(); // no line is longer than the whole text: nothing to scan
    }
    int line = 1;
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char c = i == n ? '\n' : text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (i - start > MAX_LINE_LENGTH) {
          return Optional.of(
              tooLong(sourceName, line, start, text.substring(start, start + QUOTED)));
        }
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        start = i + 1;
      }
    }
    return Optional.empty();
  }

  private static Diagnostic tooLong(String sourceName, int line, long offset, String quoted) {
    return Diagnostic.error(
        sourceName,
        SourcePosition.of(line, MAX_LINE_LENGTH + 1, offset + MAX_LINE_LENGTH),
        quoted + "…",
        "line too long: over " + MAX_LINE_LENGTH + " characters");
  }
}
