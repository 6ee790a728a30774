package dev.hostguard.ufw.status;

import dev.hostguard.core.LosslessDocument;

/**
 * What one of ufw's read-back commands printed: a {@link UfwStatus} ({@code ufw status}, {@code
 * verbose}, {@code numbered}, inactive) or {@link UfwAddedRules} ({@code ufw show added}).
 *
 * <pre>{@code
 * UfwStatusOutput out = UfwStatusOutput.parse("<stdin>", text);
 * assert out.render().equals(text);
 * }</pre>
 */
public sealed interface UfwStatusOutput extends LosslessDocument
    permits AbstractUfwStatus, AbstractUfwAddedRules {

  /** The text exactly as ufw prints it, final newline included. */
  @Override
  String render();

  /** The text as UTF-8 bytes (ufw prints UTF-8). */
  @Override
  default byte[] toBytes() {
    return render().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Parses any of the four outputs; {@link StatusParseException} (with line and column) for text
   * that is not exactly in ufw's layout, so {@code parse(t).render().equals(t)} always holds.
   */
  static UfwStatusOutput parse(String sourceName, String text) {
    return StatusParser.parse(sourceName, text);
  }
}
