package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An executor for tests and dry runs: records every command it is given and answers from scripted
 * responses, first match wins. A command no response matches is refused with an {@link
 * IllegalStateException} rather than answered silently. Thread-safe.
 *
 * <pre>{@code
 * RecordingExecutor rec = RecordingExecutor.builder().respond(List.of("ufw", "status"), 0, "Status: inactive\n").build();
 * rec.execute(Command.of("ufw", "status")).stdout(); rec.commands();
 * }</pre>
 */
public final class RecordingExecutor implements CommandExecutor {
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
        CommandResult result =
            CommandResult.of(command, rule.exitCode, rule.stdout, rule.stderr, Duration.ZERO);
        return CommandFailedException.requireAccepted(result);
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

  private static final class Rule {
    final Predicate<Command> matcher;
    final int exitCode;
    final byte[] stdout;
    final byte[] stderr;

    Rule(Predicate<Command> matcher, int exitCode, byte[] stdout, byte[] stderr) {
      this.matcher = matcher;
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }

  /** Builds a {@link RecordingExecutor}. */
  public static final class Builder {
    private final ImmutableList.Builder<Rule> rules = ImmutableList.builder();

    private Builder() {}

    /** Answers commands whose argv equals {@code argv} with this exit code and stdout. */
    public Builder respond(List<String> argv, int exitCode, String stdout) {
      return respond(argv, exitCode, stdout, "");
    }

    /** Answers commands whose argv equals {@code argv} with this exit code, stdout and stderr. */
    public Builder respond(List<String> argv, int exitCode, String stdout, String stderr) {
      ImmutableList<String> expected = ImmutableList.copyOf(argv);
      return respond(c -> c.argv().equals(expected), exitCode, stdout, stderr);
    }

    /** Answers commands matching {@code matcher}. */
    public Builder respond(Predicate<Command> matcher, int exitCode, String stdout, String stderr) {
      rules.add(
          new Rule(
              requireNonNull(matcher, "matcher"),
              exitCode,
              stdout.getBytes(StandardCharsets.UTF_8),
              stderr.getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    /** The executor. */
    public RecordingExecutor build() {
      return new RecordingExecutor(rules.build());
    }
  }
}
