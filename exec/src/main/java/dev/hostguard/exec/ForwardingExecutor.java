package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

/**
 * The base of executors that decorate another one: sudo, a namespace, logging, retries. By default
 * it runs every command on its delegate unchanged. A subclass that builds another command around
 * the caller's (as {@link SudoExecutor} does) overrides {@link #wrap}, {@link #describe} and, to
 * turn known output into a more precise failure, {@link #inspect}; {@link #execute} then runs the
 * wrapped command on the delegate accepting any exit code, and hands back a result for the caller's
 * own command (so the caller's accepted exit codes judge it) whose {@link CommandResult#executor()}
 * names the whole chain. A start failure passes through as the delegate threw it: it names the
 * program that could not start.
 *
 * <pre>{@code
 * class Logged extends ForwardingExecutor { Logged(CommandExecutor d) { super(d); }
 *   public CommandResult execute(Command c) { log(c); return super.execute(c); } }
 * }</pre>
 */
public abstract class ForwardingExecutor implements CommandExecutor {
  private final CommandExecutor delegate;

  /** Decorates {@code delegate}. */
  protected ForwardingExecutor(CommandExecutor delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** The executor this one runs its commands on. */
  protected final CommandExecutor delegate() {
    return delegate;
  }

  /**
   * The command the delegate runs for the caller's {@code command}; by default the command itself.
   * Called before anything runs, so it may refuse a command with {@link IllegalArgumentException}.
   */
  protected Command wrap(Command command) {
    return command;
  }

  /**
   * This executor's description, given the one of the executor that ran the wrapped command ({@link
   * CommandResult#executor()}); by default the delegate's, unchanged.
   */
  protected String describe(String delegateDescription) {
    return delegateDescription;
  }

  /**
   * The host commands run on, given the one the delegate reported ({@link CommandResult#host()});
   * by default the delegate's. A remote executor running its client locally names the remote host.
   */
  protected String host(String delegateHost) {
    return delegateHost;
  }

  /**
   * Looks at a finished result (already reported for the caller's command and this executor) before
   * its exit code is judged; throws a more precise {@link CommandException} if the output shows the
   * wrapper, not the command, failed. By default does nothing.
   */
  protected void inspect(CommandResult result) {}

  /**
   * Runs {@link #wrap wrap(command)} on the delegate, accepting any exit code there, then reports
   * the result for {@code command}, lets {@link #inspect} see it, and judges its exit code by
   * {@code command}'s accepted codes.
   */
  @Override
  public CommandResult execute(Command command) {
    Command wrapped = wrap(command).toBuilder().acceptAnyExitCode().build();
    CommandResult raw;
    try {
      raw = delegate.execute(wrapped);
    } catch (CommandTimeoutException e) {
      CommandResult partial = e.partialResult();
      throw CommandTimeoutException.of(
          partial.forCommand(command).ranBy(describe(partial.executor()), host(partial.host())),
          e.killed());
    }
    CommandResult result =
        raw.forCommand(command).ranBy(describe(raw.executor()), host(raw.host()));
    inspect(result);
    return result.requireAccepted();
  }

  @Override
  public String toString() {
    return describe(delegate.toString());
  }
}
