package dev.hostguard.core;

/**
 * A text document that keeps every byte of what it was parsed from: {@code render()} of a parsed
 * document is the text it was parsed from, {@code toBytes()} its bytes. Every format model in
 * hostguard implements it, so generic code (round-trip assertions, the command line's {@code
 * roundtrip}, a user's own tests) handles every format through this one type.
 *
 * <pre>{@code
 * LosslessDocument doc = UserRulesFile.parse("user.rules", text);
 * assert doc.render().equals(text);
 * }</pre>
 */
public interface LosslessDocument {

  /** The name the document was parsed under: a file name as given, or {@code <stdin>}. */
  String sourceName();

  /** The document as text; for a parsed, unedited document the exact text it was parsed from. */
  String render();

  /**
   * The document as bytes; for a parsed, unedited document the exact bytes it was parsed from (text
   * formats encode as UTF-8, keeping lines that were not UTF-8 byte for byte).
   */
  byte[] toBytes();
}
