package dev.hostguard.fail2ban;

/**
 * A value or change that fail2ban (or the file it would be written to) refuses, with fail2ban's
 * message where it has one: a time expression it cannot evaluate, a jail that does not exist, an
 * option that cannot be written so that fail2ban reads it back.
 *
 * <pre>{@code
 * Fail2banTime.of("10 parsecs");  // Fail2banRefusedException: not a fail2ban time: '10 parsecs'
 * config.jail("nope");            // Sorry but the jail 'nope' does not exist
 * }</pre>
 */
public final class Fail2banRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal whose message is {@code message} (fail2ban's wording where it has one). */
  public Fail2banRefusedException(String message) {
    super(message);
  }
}
