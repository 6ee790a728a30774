package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.hostguard.host.PlanStep;
import dev.hostguard.host.StepOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplyProgressTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final List<StepOutcome> RUN =
      List.of(
          outcome("ufw reload", StepOutcome.Status.DONE, ""),
          outcome("psad --sig-update", StepOutcome.Status.FAILED, "offline\n"),
          outcome("psad -H", StepOutcome.Status.NOT_RUN, ""));

  private static StepOutcome outcome(String command, StepOutcome.Status status, String output) {
    return new StepOutcome(
        new PlanStep.RunCommand(ImmutableList.copyOf(command.split(" "))),
        status,
        status == StepOutcome.Status.FAILED ? Optional.of(1) : Optional.empty(),
        output,
        Optional.empty(),
        Optional.empty());
  }

  private void show(ApplyProgress p) {
    RUN.forEach(p);
  }

  @Test
  void plainLinesWhenNotOnATerminal() {
    show(ApplyProgress.of(stream(out), stream(err), 3, false, false));
    assertThat(out.toString(UTF_8))
        .isEqualTo("done: ufw reload\nfailed: psad --sig-update\noffline\nnot-run: psad -H\n");
    assertThat(err.toString(UTF_8)).isEmpty();
  }

  @Test
  void colouredWordsAndACounterOnATerminal() {
    show(ApplyProgress.of(stream(out), stream(err), 3, true, true));
    assertThat(out.toString(UTF_8))
        .isEqualTo(
            "\u001b[32mdone\u001b[0m: ufw reload\n"
                + "\u001b[31mfailed\u001b[0m: psad --sig-update\noffline\n"
                + "\u001b[33mnot-run\u001b[0m: psad -H\n");
    // the counter is overwritten by each line and cleared at the end
    assertThat(err.toString(UTF_8))
        .isEqualTo("\r\u001b[K[1/3] \r\u001b[K[2/3] \r\u001b[K\r\u001b[K");
  }

  @Test
  void noColourOnATerminalWhenAsked() {
    show(ApplyProgress.of(stream(out), stream(err), 3, true, false));
    assertThat(out.toString(UTF_8)).doesNotContain("\u001b").startsWith("done: ufw reload\n");
  }

  @Test
  void silentPrintsNothing() {
    ApplyProgress.silent().accept(RUN.get(0));
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  private static PrintStream stream(ByteArrayOutputStream b) {
    return new PrintStream(b, true, UTF_8);
  }
}
