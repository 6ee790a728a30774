package dev.hostguard.fail2ban;

import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;

/**
 * A fail2ban ini file that fail2ban itself refuses: a duplicate key or section in one file, a line
 * that is neither a section, an option nor a comment, text before the first section, bad UTF-8.
 *
 * <pre>{@code
 * Fail2banIniDocument.parse("jail.local", "[sshd]\nport = 22\nport = 2222\n");
 * // jail.local:3:1: While reading from 'jail.local' [line  3]: option 'port' in section 'sshd' already exists
 * }</pre>
 */
public final class Fail2banIniParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private Fail2banIniParseException(
      String sourceName, SourcePosition position, String lineText, String reason, Throwable cause) {
    super(sourceName, position, lineText, reason, cause);
  }

  static Fail2banIniParseException of(
      String sourceName, SourcePosition position, String lineText, String reason) {
    return new Fail2banIniParseException(sourceName, position, lineText, reason, null);
  }
}
