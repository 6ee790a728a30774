package dev.hostguard.fail2ban;

/**
 * A configuration fail2ban cannot resolve (a broken file, an interpolation loop, a missing filter):
 * the message is fail2ban's own ({@code Bad value substitution: ...}).
 *
 * <pre>{@code
 * try { config.jail("sshd"); }
 * catch (Fail2banConfigException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class Fail2banConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Fail2banConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  Fail2banConfigException(String message) {
    super(message);
  }
}
