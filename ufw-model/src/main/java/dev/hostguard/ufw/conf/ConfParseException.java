package dev.hostguard.ufw.conf;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * A ufw.conf or /etc/default/ufw that ufw would refuse or misread, with ufw's message where it has
 * one ({@code Invalid policy 'x' for 'input'}).
 *
 * <pre>{@code
 * try { UfwDefaults.parseValid("/etc/default/ufw", text); }
 * catch (ConfParseException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class ConfParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private ConfParseException(
      String source, SourcePosition position, String lineText, String reason) {
    super(source, position, lineText, reason, null);
  }

  static ConfParseException of(Diagnostic d) {
    return new ConfParseException(d.sourceName(), d.position(), d.lineText(), d.message());
  }
}
