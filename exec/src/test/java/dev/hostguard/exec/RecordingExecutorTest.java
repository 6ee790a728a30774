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
}
