package dev.hostguard.ufw;

/** ufw's UFWError inside the engine: a message ufw prints as {@code ERROR: message}. */
final class UfwError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UfwError(String message) {
    super(message, null, false, false);
  }
}
