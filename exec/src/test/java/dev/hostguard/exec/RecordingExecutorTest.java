package dev.hostguard.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingExecutorTest {
  @Test
  void recordsAndAnswersFromScript() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("ufw", "status"), 0, "Status: inactive\n")
            .respond(c -> c.argv().get(0).equals("psad"), 1, "", "pid file does not exist\n")
            .build();
    assertThat(rec.execute(Command.of("ufw", "status")).stdout()).isEqualTo("Status: inactive\n");
    assertThatThrownBy(() -> rec.execute(Command.of("psad", "--Status")))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("pid file does not exist");
    assertThat(rec.commands())
        .containsExactly(Command.of("ufw", "status"), Command.of("psad", "--Status"));
  }

  @Test
  void unscriptedCommandIsRefused() {
    RecordingExecutor rec = RecordingExecutor.builder().build();
    assertThatThrownBy(() -> rec.execute(Command.of("ufw", "enable")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[ufw, enable]");
  }

  @Test
  void scriptsTimeoutsAndStartFailures() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .timeOut(List.of("sleep", "9"), "partial", "")
            .failToStart(List.of("nope"), "No such file or directory")
            .timeOut(c -> c.argv().get(0).equals("slow"))
            .failToStart(c -> c.argv().get(0).equals("gone"), "gone away")
            .build();
    assertThatThrownBy(() -> rec.execute(Command.of("sleep", "9")))
        .isInstanceOfSatisfying(
            CommandTimeoutException.class,
            e -> {
              assertThat(e.partialResult().stdout()).isEqualTo("partial");
              assertThat(e.partialResult().exitCode()).isEqualTo(137);
              assertThat(e.getMessage())
                  .isEqualTo("[sleep, 9] timed out after PT2M and was killed via recording");
            });
    assertThatThrownBy(() -> rec.execute(Command.of("nope")))
        .isInstanceOf(CommandStartException.class)
        .hasMessage("[nope] could not be started: No such file or directory");
    assertThatThrownBy(() -> rec.execute(Command.of("slow")))
        .isInstanceOf(CommandTimeoutException.class);
    assertThatThrownBy(() -> rec.execute(Command.of("gone")))
        .isInstanceOf(CommandStartException.class)
        .hasMessageEndingWith("gone away");
    rec.verifyAllResponsesUsed();
  }

  @Test
  void verifyNamesEveryUnusedResponse() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("ufw", "status"), 0, "")
            .respond(c -> false, 0, "", "")
            .timeOut(List.of("sleep"), "", "")
            .build();
    rec.execute(Command.of("ufw", "status"));
    assertThatThrownBy(rec::verifyAllResponsesUsed)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "scripted responses never used: [matcher #2 -> exit 0, [sleep] -> timeout];"
                + " commands run: [[ufw, status]]");
  }

  @Test
  void resultsNameTheRecordingExecutor() {
    RecordingExecutor rec = RecordingExecutor.builder().respond(List.of("x"), 0, "").build();
    CommandResult r = rec.execute(Command.of("x"));
    assertThat(r.executor()).isEqualTo("recording");
    assertThat(r.host()).isEqualTo("recording");
    assertThat(r.toString()).isEqualTo("[x] exited 0 after 0 ms (via recording)");
  }
}
