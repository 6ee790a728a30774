package dev.hostguard.fail2ban.client;

import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * Output of {@code fail2ban-client} that does not have the shape fail2ban 1.0.2 prints.
 *
 * <pre>{@code
 * Fail2banStatus.parse("<stdin>", "Status\nbogus\n");
 * // <stdin>:2:1: expected "|- Number of jail:\t..."
 * }</pre>
 */
public final class Fail2banOutputParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private Fail2banOutputParseException(
      String source, SourcePosition position, String lineText, String reason) {
    super(source, position, lineText, reason, null);
  }

  static Fail2banOutputParseException at(String source, int line0, String lineText, String reason) {
    return new Fail2banOutputParseException(
        source, SourcePosition.of(line0 + 1, 1), lineText, reason);
  }
}
