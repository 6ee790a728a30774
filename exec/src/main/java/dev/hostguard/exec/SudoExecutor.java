package dev.hostguard.exec;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs commands through {@code sudo} on another executor: {@code sudo -n [-u USER] [NAME=VALUE...]
 * -- ARGV}. {@code -n} means sudo never prompts: a command the sudoers rules do not let run without
 * a password fails with {@link SudoFailedException} ({@link
 * SudoFailedException.Reason#PASSWORD_REQUIRED}), as does an environment addition the rules do not
 * allow ({@link SudoFailedException.Reason#ENVIRONMENT_REFUSED}); sudo passes the additions only
 * where the rule has {@code SETENV} or the variables are in {@code env_keep}. Immutable and
 * thread-safe as its delegate is.
 *
 * <pre>{@code
 * CommandExecutor root = new SudoExecutor(ssh);             // sudo -n -- ufw status
 * CommandExecutor backup = new SudoExecutor(local).asUser("backup");
 * }</pre>
 */
public final class SudoExecutor extends ForwardingExecutor {
  private final @Nullable String user;
  private final String sudoProgram;

  /** Runs commands as root through {@code sudo} on {@code delegate}. */
  public SudoExecutor(CommandExecutor delegate) {
    this(delegate, null, "sudo");
  }

  private SudoExecutor(CommandExecutor delegate, @Nullable String user, String sudoProgram) {
    super(delegate);
    this.user = user;
    this.sudoProgram = sudoProgram;
  }

  /** This executor running commands as {@code user} ({@code sudo -u USER}) instead of root. */
  public SudoExecutor asUser(String user) {
    if (user.isEmpty() || user.startsWith("-") || user.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("bad sudo user: '" + user + "'");
    }
    return new SudoExecutor(delegate(), user, sudoProgram);
  }

  /** This executor running another sudo program (a path, say). */
  public SudoExecutor withSudoProgram(String program) {
    if (program.isEmpty()) {
      throw new IllegalArgumentException("the sudo program is empty");
    }
    return new SudoExecutor(delegate(), user, program);
  }

  /** The user commands run as; empty means root. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /**
   * {@code sudo -n [-u USER] [NAME=VALUE...] -- ARGV}, with the command's environment additions
   * moved into sudo's arguments (sudo resets the environment it is given) and everything else
   * (stdin, working directory, timeout) kept.
   */
  @Override
  protected Command wrap(Command command) {
    Command.Builder b = Command.builder().arg(sudoProgram).arg("-n");
    if (user != null) {
      b.arg("-u").arg(user);
    }
    for (Map.Entry<String, String> e : command.environment().entrySet()) {
      b.arg(e.getKey() + "=" + e.getValue());
    }
    b.arg("--").args(command.argv());
    b.stdin(command.stdin()).timeout(command.timeout()).maxOutputBytes(command.maxOutputBytes());
    command.workingDirectory().ifPresent(b::workingDirectory);
    return b.build();
  }

  @Override
  protected String describe(String delegateDescription) {
    return (user == null ? "sudo" : "sudo -u " + user) + " via " + delegateDescription;
  }

  @Override
  protected void inspect(CommandResult result) {
    SudoFailedException refused = SudoFailedException.recognise(result);
    if (refused != null) {
      throw refused;
    }
  }
}
