package com.example.embedding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandFailedException;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.CommandStartException;
import dev.hostguard.exec.CommandTimeoutException;
import dev.hostguard.exec.ForwardingExecutor;
import dev.hostguard.exec.RecordingExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Executors written outside {@code dev.hostguard.exec}, as a tool embedding hostguard would: they
 * implement the SPI, throw each failure the interface promises, and decorate other executors.
 */
class EmbeddingSpiTest {
  private final CommandExecutor tempFile = new TempFileExecutor();

  @Test
  void implementationRunsCommandsWithStdinEnvironmentAndWorkingDirectory() {
    CommandResult r = tempFile.execute(Command.of("cat").withStdin("bytes in".getBytes(UTF_8)));
    assertThat(r.stdout()).isEqualTo("bytes in");
    assertThat(r.executor()).isEqualTo("tempfile");
    assertThat(r.host()).isEqualTo("localhost");
    Command env =
        Command.builder()
            .args(List.of("printenv", "HG_EMBED"))
            .putEnv("HG_EMBED", "v")
            .workingDirectory(java.nio.file.Path.of("/"))
            .build();
    assertThat(tempFile.execute(env).stdout()).isEqualTo("v\n");
  }

  @Test
  void implementationThrowsCommandFailedException() {
    assertThatThrownBy(() -> tempFile.execute(Command.of("sh", "-c", "echo why >&2; exit 3")))
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(3);
              assertThat(e.result().stderr()).isEqualTo("why\n");
              assertThat(e.getMessage())
                  .startsWith(
                      "[sh, -c, echo why >&2; exit 3] exited 3 (accepted: [0]) via tempfile");
            });
  }

  @Test
  void implementationThrowsCommandTimeoutException() {
    Command slow = Command.of("sleep", "30").withTimeout(Duration.ofMillis(300));
    assertThatThrownBy(() -> tempFile.execute(slow))
        .isInstanceOfSatisfying(
            CommandTimeoutException.class,
            e -> {
              assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
              assertThat(e.getMessage()).contains("timed out after PT0.3S and was killed");
            });
  }

  @Test
  void implementationThrowsCommandStartException() {
    assertThatThrownBy(() -> tempFile.execute(Command.of("/nonexistent/hostguard-embed")))
        .isInstanceOf(CommandStartException.class)
        .hasMessageStartingWith("[/nonexistent/hostguard-embed] could not be started: ");
  }

  @Test
  void failureFactoriesRefuseWhatIsNotAFailure() {
    CommandResult ok =
        CommandResult.of(Command.of("true"), 0, new byte[0], new byte[0], Duration.ZERO);
    assertThatThrownBy(() -> CommandFailedException.of(ok))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a failure: [true] accepts exit code 0");
    assertThat(ok.requireAccepted()).isSameAs(ok);
    assertThat(CommandStartException.of(Command.of("x"), "no route").getMessage())
        .isEqualTo("[x] could not be started: no route");
  }

  @Test
  void decoratorLogsAndForwardsEveryOutcome() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("ok"), 0, "fine\n")
            .respond(List.of("bad"), 2, "", "broken\n")
            .timeOut(List.of("slow"), "", "")
            .failToStart(List.of("gone"), "no such file")
            .build();
    LoggingExecutor logged = new LoggingExecutor(rec);
    assertThat(logged.execute(Command.of("ok")).stdout()).isEqualTo("fine\n");
    assertThatThrownBy(() -> logged.execute(Command.of("bad")))
        .isInstanceOf(CommandFailedException.class);
    assertThatThrownBy(() -> logged.execute(Command.of("slow")))
        .isInstanceOf(CommandTimeoutException.class);
    assertThatThrownBy(() -> logged.execute(Command.of("gone")))
        .isInstanceOf(CommandStartException.class);
    assertThat(logged.log())
        .containsExactly(
            "[ok] exited 0 after 0 ms (via recording)",
            "[bad] failed: CommandFailedException",
            "[slow] failed: CommandTimeoutException",
            "[gone] failed: CommandStartException");
    rec.verifyAllResponsesUsed();
  }

  /** A wrapping decorator from outside the package: {@code nice -n 10 ARGV}. */
  static final class Nice extends ForwardingExecutor {
    final List<Command> seen = new ArrayList<>();

    Nice(CommandExecutor delegate) {
      super(delegate);
    }

    @Override
    protected Command wrap(Command command) {
      List<String> argv = new ArrayList<>(List.of("nice", "-n", "10"));
      argv.addAll(command.argv());
      Command wrapped = command.withArgv(argv);
      seen.add(wrapped);
      return wrapped;
    }

    @Override
    protected String describe(String delegateDescription) {
      return "nice via " + delegateDescription;
    }
  }

  @Test
  void wrappingDecoratorReportsTheCallersCommandAndJudgesItsExitCodes() {
    Nice nice = new Nice(tempFile);
    CommandResult r = nice.execute(Command.of("sh", "-c", "exit 4").withAcceptedExitCodes(4));
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.command()).isEqualTo(Command.of("sh", "-c", "exit 4").withAcceptedExitCodes(4));
    assertThat(r.executor()).isEqualTo("nice via tempfile");
    assertThat(nice.seen.get(0).argv()).containsExactly("nice", "-n", "10", "sh", "-c", "exit 4");
    assertThat(tempFile.execute(Command.of("nice")).stdout()).isEqualTo("0\n");
    assertThat(nice.execute(Command.of("nice")).stdout()).isEqualTo("10\n");
    assertThatThrownBy(() -> nice.execute(Command.of("false")))
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            e -> {
              assertThat(e.command()).isEqualTo(Command.of("false"));
              assertThat(e.getMessage())
                  .startsWith("[false] exited 1 (accepted: [0]) via nice via tempfile");
            });
    assertThatThrownBy(
            () -> nice.execute(Command.of("sleep", "30").withTimeout(Duration.ofMillis(200))))
        .isInstanceOfSatisfying(
            CommandTimeoutException.class,
            e -> {
              assertThat(e.command())
                  .isEqualTo(Command.of("sleep", "30").withTimeout(Duration.ofMillis(200)));
              assertThat(e.partialResult().executor()).isEqualTo("nice via tempfile");
            });
  }
}
