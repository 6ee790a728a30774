package dev.hostguard.ufw.iptables;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * An iptables-restore file that iptables-restore would refuse, with the position of the problem.
 *
 * <pre>{@code
 * try { IptablesRestoreDocument.parseValid("before.rules", text); }
 * catch (IptablesParseException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class IptablesParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private IptablesParseException(
      String source, SourcePosition position, String lineText, String reason) {
    super(source, position, lineText, reason, null);
  }

  static IptablesParseException of(Diagnostic d) {
    return new IptablesParseException(d.sourceName(), d.position(), d.lineText(), d.message());
  }
}
