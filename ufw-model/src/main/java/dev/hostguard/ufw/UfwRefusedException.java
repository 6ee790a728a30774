package dev.hostguard.ufw;

/**
 * A value or change ufw refuses (not text): a bad port in a built rule, deleting a rule that does
 * not exist, an insert position out of range. {@link #getMessage()} is ufw's own message, the text
 * ufw prints after {@code ERROR: }. It is the ufw module's one refusal type.
 *
 * <pre>{@code
 * try { UfwRule.builder().destinationPort("99999").build(); }
 * catch (UfwRefusedException e) { e.getMessage(); } // "Bad port '99999'"
 * }</pre>
 */
public final class UfwRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal with ufw's message. */
  public UfwRefusedException(String ufwMessage) {
    super(ufwMessage);
  }
}
