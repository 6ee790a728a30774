package dev.hostguard.psad;

/**
 * A value or change that psad would not read back as meant (a psad.conf key holding blanks, a value
 * holding {@code ;}, an {@code auto_dl} line psad rejects, a danger level outside 0-5), refused
 * before it reaches a document. {@link #getMessage()} says what is wrong.
 *
 * <pre>{@code
 * try { doc.withValue("HOME_NET", "any; x"); }
 * catch (PsadRefusedException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class PsadRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal with its message. */
  public PsadRefusedException(String message) {
    super(message);
  }
}
