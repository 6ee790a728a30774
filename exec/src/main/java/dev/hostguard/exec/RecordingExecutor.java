package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An executor for tests and dry runs: records every command it is given and answers from scripted
 * responses, first match wins. A response is an exit code with output, a timeout ({@link
 * CommandTimeoutException}) or a start failure ({@link CommandStartException}). A command no
 * response matches is refused with an {@link IllegalStateException} rather than answered silently;
 * {@link #verifyAllResponsesUsed()} fails if a scripted response never matched. Results name the
 * executor {@code recording} on host {@code recording}. Thread-safe.
 *
 * <pre>{@code
 * RecordingExecutor rec = RecordingExecutor.builder().respond(List.of("ufw", "status"), 0, "Status: inactive\n").build();
 * rec.execute(Command.of("ufw", "status")).stdout(); rec.commands(); rec.verifyAllResponsesUsed();
 * }</pre>
 */
public final class RecordingExecutor implements CommandExecutor {
  /** How results name this executor, and the host they ran on. */
  static final String DESCRIPTION = "recording";

  private final ImmutableList<Rule> rules;
  private final List<Command> recorded = new ArrayList<>();

  private RecordingExecutor(ImmutableList<Rule> rules) {
    this.rules = rules;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CommandResult execute(Command command) {
    requireNonNull(command, "command");
    synchronized (recorded) {
      recorded.add(command);
    }
    for (Rule rule : rules) {
      if (rule.matcher.test(command)) {
        rule.uses.incrementAndGet();
        if (rule.kind == Kind.START_FAILURE) {
          throw CommandStartException.of(command, rule.stderr());
        }
        if (rule.kind == Kind.TIMEOUT) {
          throw CommandTimeoutException.of(
              CommandResult.of(command, 137, rule.stdout, rule.stderr, command.timeout())
                  .ranBy(DESCRIPTION, DESCRIPTION));
        }
        return CommandResult.of(command, rule.exitCode, rule.stdout, rule.stderr, Duration.ZERO)
            .ranBy(DESCRIPTION, DESCRIPTION)
            .requireAccepted();
      }
    }
    throw new IllegalStateException("no scripted response for " + command);
  }

  /** The commands executed so far, in order. */
  public ImmutableList<Command> commands() {
    synchronized (recorded) {
      return ImmutableList.copyOf(recorded);
    }
  }

  /**
   * Throws {@link AssertionError} naming every scripted response that no command has matched yet (a
   * script that answers commands nobody runs any more is a stale test).
   */
  public void verifyAllResponsesUsed() {
    List<String> unused = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.uses.get() == 0) {
        unused.add(rule.description);
      }
    }
    if (!unused.isEmpty()) {
      throw new AssertionError(
          "scripted responses never used: " + unused + "; commands run: " + commands());
    }
  }

  private enum Kind {
    EXIT,
    TIMEOUT,
    START_FAILURE
  }

  private static final class Rule {
    final String description;
    final Predicate<Command> matcher;
    final Kind kind;
    final int exitCode;
    final byte[] stdout;
    final byte[] stderr;
    final AtomicInteger uses = new AtomicInteger();

    Rule(
        String description,
        Predicate<Command> matcher,
        Kind kind,
        int exitCode,
        String stdout,
        String stderr) {
      this.description = description;
      this.matcher = requireNonNull(matcher, "matcher");
      this.kind = kind;
      this.exitCode = exitCode;
      this.stdout = stdout.getBytes(StandardCharsets.UTF_8);
      this.stderr = stderr.getBytes(StandardCharsets.UTF_8);
    }

    String stderr() {
      return new String(stderr, StandardCharsets.UTF_8);
    }
  }

  /** Builds a {@link RecordingExecutor}. */
  public static final class Builder {
    private final ImmutableList.Builder<Rule> rules = ImmutableList.builder();
    private int count;

    private Builder() {}

    /** Answers commands whose argv equals {@code argv} with this exit code and stdout. */
    public Builder respond(List<String> argv, int exitCode, String stdout) {
      return respond(argv, exitCode, stdout, "");
    }

    /** Answers commands whose argv equals {@code argv} with this exit code, stdout and stderr. */
    public Builder respond(List<String> argv, int exitCode, String stdout, String stderr) {
      ImmutableList<String> expected = ImmutableList.copyOf(argv);
      return add(
          expected.toString(), c -> c.argv().equals(expected), Kind.EXIT, exitCode, stdout, stderr);
    }

    /** Answers commands matching {@code matcher}. */
    public Builder respond(Predicate<Command> matcher, int exitCode, String stdout, String stderr) {
      return add(null, matcher, Kind.EXIT, exitCode, stdout, stderr);
    }

    /**
     * Commands whose argv equals {@code argv} time out: {@link CommandTimeoutException} with this
     * partial stdout and stderr and exit code 137 (killed).
     */
    public Builder timeOut(List<String> argv, String partialStdout, String partialStderr) {
      ImmutableList<String> expected = ImmutableList.copyOf(argv);
      return add(
          expected.toString(),
          c -> c.argv().equals(expected),
          Kind.TIMEOUT,
          137,
          partialStdout,
          partialStderr);
    }

    /** Commands matching {@code matcher} time out, printing nothing. */
    public Builder timeOut(Predicate<Command> matcher) {
      return add(null, matcher, Kind.TIMEOUT, 137, "", "");
    }

    /**
     * Commands whose argv equals {@code argv} cannot start: {@link CommandStartException} with this
     * reason.
     */
    public Builder failToStart(List<String> argv, String reason) {
      ImmutableList<String> expected = ImmutableList.copyOf(argv);
      return add(
          expected.toString(), c -> c.argv().equals(expected), Kind.START_FAILURE, 0, "", reason);
    }

    /** Commands matching {@code matcher} cannot start, for this reason. */
    public Builder failToStart(Predicate<Command> matcher, String reason) {
      return add(null, matcher, Kind.START_FAILURE, 0, "", reason);
    }

    private Builder add(
        @org.jspecify.annotations.Nullable String description,
        Predicate<Command> matcher,
        Kind kind,
        int exitCode,
        String stdout,
        String stderr) {
      count++;
      String name =
          (description == null ? "matcher #" + count : description)
              + " -> "
              + switch (kind) {
                case EXIT -> "exit " + exitCode;
                case TIMEOUT -> "timeout";
                case START_FAILURE -> "start failure";
              };
      rules.add(new Rule(name, matcher, kind, exitCode, stdout, stderr));
      return this;
    }

    /** The executor. */
    public RecordingExecutor build() {
      return new RecordingExecutor(rules.build());
    }
  }

  /** {@code recording}. */
  @Override
  public String toString() {
    return DESCRIPTION;
  }
}
