package dev.hostguard.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sudo's argv and the refusals it recognises, on a {@link RecordingExecutor}. */
class SudoExecutorTest {
  @Test
  void argvPutsEnvironmentBeforeTheDoubleDash() {
    RecordingExecutor rec = RecordingExecutor.builder().respond(c -> true, 0, "", "").build();
    Command c =
        Command.builder()
            .args(List.of("A=b", "-x"))
            .putEnv("HG", "v w")
            .stdin(new byte[] {7})
            .build();
    CommandResult r = new SudoExecutor(rec).asUser("backup").execute(c);
    assertThat(rec.commands().get(0).argv())
        .containsExactly("sudo", "-n", "-u", "backup", "HG=v w", "--", "A=b", "-x");
    assertThat(rec.commands().get(0).environment()).isEmpty();
    assertThat(rec.commands().get(0).stdin()).containsExactly(7);
    assertThat(r.command()).isEqualTo(c);
    assertThat(r.executor()).isEqualTo("sudo -u backup via recording");
  }

  @Test
  void refusalsAreTypedByWhatSudoPrinted() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("sudo", "-n", "--", "pw"), 1, "", "sudo: a password is required\n")
            .respond(
                List.of("sudo", "-n", "E=1", "--", "env"),
                1,
                "",
                "sudo: sorry, you are not allowed to set the following environment variables: E\n")
            .respond(
                List.of("sudo", "-n", "--", "na"),
                1,
                "",
                "Sorry, user bob is not allowed to execute '/usr/bin/na' as root on h.\n")
            .respond(List.of("sudo", "-n", "--", "own"), 1, "", "own: a password is required\n")
            .build();
    SudoExecutor sudo = new SudoExecutor(rec);
    assertThatThrownBy(() -> sudo.execute(Command.of("pw")))
        .isInstanceOfSatisfying(
            SudoFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SudoFailedException.Reason.PASSWORD_REQUIRED);
              assertThat(e.getMessage())
                  .startsWith(
                      "[pw] exited 1 (accepted: [0]) via sudo via recording: sudo refused: sudo: a"
                          + " password is required");
            });
    assertThatThrownBy(() -> sudo.execute(Command.builder().arg("env").putEnv("E", "1").build()))
        .isInstanceOfSatisfying(
            SudoFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(SudoFailedException.Reason.ENVIRONMENT_REFUSED));
    assertThatThrownBy(() -> sudo.execute(Command.of("na")))
        .isInstanceOfSatisfying(
            SudoFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(SudoFailedException.Reason.NOT_ALLOWED));
    assertThatThrownBy(() -> sudo.execute(Command.of("own")))
        .isExactlyInstanceOf(CommandFailedException.class);
  }
}
