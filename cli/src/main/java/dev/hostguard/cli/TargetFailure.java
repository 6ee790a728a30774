package dev.hostguard.cli;

import dev.hostguard.core.ParseException;
import dev.hostguard.exec.CommandException;
import dev.hostguard.exec.CommandStartException;
import dev.hostguard.exec.CommandTimeoutException;
import dev.hostguard.exec.SshConnectionException;
import dev.hostguard.exec.SudoFailedException;
import dev.hostguard.host.ToolRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a failure on the target means to the user of {@code status} and {@code unban}: the exit code
 * of the CLI contract (1 the tool refused, with its message; 2 the target could not be read) and
 * one line naming the command or host and what to do. Anything else is not a failure of the target
 * but a bug of ours, left to the internal-error handler (exit 70).
 *
 * @param exitCode 1 or 2
 * @param line the line for stderr, without a newline
 */
record TargetFailure(int exitCode, String line) {
  /** The package that installs each program the clients run (Debian's names). */
  private static final Map<String, String> PACKAGES =
      Map.of("ufw", "ufw", "psad", "psad", "fail2ban-client", "fail2ban", "sudo", "sudo");

  static final int REFUSED = 1;
  static final int UNREADABLE = 2;

  /** The failure {@code e} on host {@code host}, or empty when it is not one (a bug of ours). */
  static Optional<TargetFailure> of(RuntimeException e, String host) {
    if (e instanceof ToolRefusedException r) {
      return Optional.of(refused(r.command().argv(), host, r.getMessage()));
    }
    if (e instanceof ParseException p) {
      return Optional.of(
          new TargetFailure(
              UNREADABLE,
              p.sourceName()
                  + ":"
                  + p.line()
                  + ":"
                  + p.column()
                  + ": "
                  + oneLine(p.reason())
                  + " (on "
                  + host
                  + "; hostguard cannot read this output: report it with the --debug trace)"));
    }
    if (e instanceof SshConnectionException s) {
      return Optional.of(
          new TargetFailure(
              UNREADABLE,
              host
                  + ": "
                  + oneLine(s.getMessage())
                  + " (check --host and --identity, and that plain ssh reaches the host)"));
    }
    if (e instanceof SudoFailedException s) {
      return Optional.of(
          new TargetFailure(
              UNREADABLE,
              host
                  + ": "
                  + oneLine(s.getMessage())
                  + " (allow the command with NOPASSWD in sudoers, or run as root)"));
    }
    if (e instanceof CommandTimeoutException t) {
      return Optional.of(
          new TargetFailure(
              UNREADABLE,
              host + ": " + oneLine(t.getMessage()) + " (the host is slow or the tool hung)"));
    }
    if (e instanceof CommandStartException s) {
      List<String> argv = s.command().argv();
      String program = argv.isEmpty() ? "" : argv.get(0);
      String pkg = PACKAGES.get(program);
      String hint =
          pkg == null
              ? "is it installed there?"
              : "is " + pkg + " installed there? apt-get install " + pkg;
      return Optional.of(
          new TargetFailure(UNREADABLE, host + ": " + oneLine(s.getMessage()) + " (" + hint + ")"));
    }
    if (e instanceof CommandException c) {
      return Optional.of(new TargetFailure(UNREADABLE, host + ": " + oneLine(c.getMessage())));
    }
    return Optional.empty();
  }

  private static TargetFailure refused(List<String> argv, String host, String message) {
    return new TargetFailure(
        REFUSED, String.join(" ", argv) + " on " + host + " refused: " + oneLine(message));
  }

  /** The first line of {@code text}, stripped (a message never spans lines on stderr). */
  static String oneLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
