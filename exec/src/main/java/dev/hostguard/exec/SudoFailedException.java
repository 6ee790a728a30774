package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * sudo, not the command, refused: the command never ran. A {@link CommandFailedException} (sudo
 * exits 1), so callers that only catch that still see it; {@link #reason()} says which refusal.
 *
 * <pre>{@code
 * catch (SudoFailedException e) { if (e.reason() == SudoFailedException.Reason.PASSWORD_REQUIRED) ... }
 * // [cat, /etc/shadow] exited 1 (accepted: [0]) via sudo via local: sudo refused: a password is required ...
 * }</pre>
 */
public final class SudoFailedException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  /** Which refusal sudo printed. */
  public enum Reason {
    /**
     * {@code sudo: a password is required}: {@code sudo -n} never prompts, and the user has no
     * {@code NOPASSWD} rule for this command (sudo says the same when the command is not allowed at
     * all).
     */
    PASSWORD_REQUIRED("sudo: a password is required"),
    /**
     * {@code sudo: sorry, you are not allowed to set the following environment variables: NAME}:
     * the rule lacks {@code SETENV} (and {@code env_keep} does not list the variable).
     */
    ENVIRONMENT_REFUSED(
        "sudo: sorry, you are not allowed to set the following environment variables"),
    /** {@code Sorry, user X is not allowed to execute ...}. */
    NOT_ALLOWED("Sorry, user "),
    /** {@code sudo: unknown user X}: the target user does not exist. */
    UNKNOWN_USER("sudo: unknown user");

    private final String marker;

    Reason(String marker) {
      this.marker = marker;
    }
  }

  private final Reason reason;

  private SudoFailedException(CommandResult result, Reason reason, String note) {
    super(result, message(result, note));
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * The refusal sudo printed on {@code result}'s stderr (exit 1, a line starting with a reason's
   * words), or {@code null}. A command that exits 1 and prints such a line itself is taken for
   * sudo's refusal.
   */
  static @Nullable SudoFailedException recognise(CommandResult result) {
    if (result.exitCode() != 1) {
      return null;
    }
    for (String line : result.stderr().lines().toList()) {
      for (Reason r : Reason.values()) {
        if (line.startsWith(r.marker)) {
          return new SudoFailedException(result, r, "sudo refused: " + line.strip());
        }
      }
    }
    return null;
  }

  /** Which refusal this is. */
  public Reason reason() {
    return reason;
  }
}
