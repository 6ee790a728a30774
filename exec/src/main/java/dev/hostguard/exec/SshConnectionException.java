package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The ssh client could not run the command on the remote host: no connection, a refused host key, a
 * refused login. The command never started, so this is a {@link CommandStartException}; {@link
 * #reason()} says which, {@link #sshStderr()} holds what ssh printed.
 *
 * <pre>{@code
 * catch (SshConnectionException e) { if (e.reason() == SshConnectionException.Reason.HOST_KEY_REJECTED) ... }
 * // [ufw, status] could not be started: ssh root@web1:22: Host key verification failed.
 * }</pre>
 */
public final class SshConnectionException extends CommandStartException {
  private static final long serialVersionUID = 1L;

  /** Why ssh gave up. */
  public enum Reason {
    /** {@code Host key verification failed.}: the host key is unknown or changed. */
    HOST_KEY_REJECTED,
    /** {@code Permission denied (publickey...)}: no key or method the server accepts. */
    AUTHENTICATION_FAILED,
    /** Anything else ssh reported with exit 255: refused, unreachable, unresolvable, closed. */
    CONNECTION_FAILED
  }

  private final Reason reason;
  private final String sshStderr;
  private final String executor;

  private SshConnectionException(
      Command command, String executor, Reason reason, String sshStderr, String line) {
    super(command, executor + ": " + line, null);
    this.reason = requireNonNull(reason, "reason");
    this.sshStderr = sshStderr;
    this.executor = executor;
  }

  /**
   * The connection failure {@code result} shows (exit 255 and a line ssh prints when it fails), or
   * {@code null} when the remote command itself exited 255.
   */
  static @Nullable SshConnectionException recognise(CommandResult result) {
    if (result.exitCode() != 255) {
      return null;
    }
    String err = result.stderr();
    for (String line : err.lines().toList()) {
      Reason reason = classify(line);
      if (reason != null) {
        return new SshConnectionException(
            result.command(), result.executor(), reason, err, line.strip());
      }
    }
    return null;
  }

  private static @Nullable Reason classify(String line) {
    if (line.startsWith("Host key verification failed")
        || line.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
        || line.startsWith("No ED25519 host key is known")
        || (line.startsWith("No ") && line.contains("host key is known for"))) {
      return Reason.HOST_KEY_REJECTED;
    }
    if (line.contains("Permission denied (")) {
      return Reason.AUTHENTICATION_FAILED;
    }
    if (line.startsWith("ssh: ")
        || line.startsWith("kex_exchange_identification:")
        || line.startsWith("Connection closed by")
        || line.startsWith("Connection reset by")
        || line.startsWith("Connection timed out")
        || line.startsWith("banner exchange:")
        || line.startsWith("Bad owner or permissions")
        || line.startsWith("command-line line")
        || line.startsWith("Too many authentication failures")
        || line.startsWith("mux_client_")
        || line.startsWith("Control socket connect")) {
      return Reason.CONNECTION_FAILED;
    }
    return null;
  }

  /** Why ssh gave up. */
  public Reason reason() {
    return reason;
  }

  /** Everything ssh printed on stderr. */
  public String sshStderr() {
    return sshStderr;
  }

  /** The executor that tried, e.g. {@code ssh root@web1:22}. */
  public String executor() {
    return executor;
  }
}
