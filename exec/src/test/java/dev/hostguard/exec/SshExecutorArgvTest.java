package dev.hostguard.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ssh argv, checked on a {@link RecordingExecutor} standing in for the local client. */
class SshExecutorArgvTest {
  private static RecordingExecutor client() {
    return RecordingExecutor.builder()
        .respond(c -> c.argv().contains("-N"), 0, "", "")
        .respond(c -> c.argv().contains("-O"), 0, "", "")
        .respond(c -> true, 0, "out", "")
        .build();
  }

  @Test
  void argvOfACommandIsQuotedWordsAfterTheHost() {
    RecordingExecutor rec = client();
    Path dir;
    try (SshExecutor ssh =
        SshExecutor.builder("web1")
            .user("root")
            .port(2222)
            .identityFile(Path.of("/k/id"))
            .strictHostKeyChecking("yes")
            .knownHostsFile(Path.of("/k/known"))
            .via(rec)
            .build()) {
      dir = ssh.controlDirectory();
      Command c =
          Command.builder()
              .args(List.of("printf", "%s", "it's", "", "$x;*", "-n"))
              .putEnv("A", "b c")
              .workingDirectory(Path.of("/srv/my dir"))
              .stdin(new byte[] {1, 2})
              .timeout(Duration.ofSeconds(9))
              .build();
      CommandResult r = ssh.execute(c);
      assertThat(r.command()).isEqualTo(c);
      assertThat(r.executor()).isEqualTo("ssh root@web1:2222");
      assertThat(r.host()).isEqualTo("web1");
      List<String> common =
          List.of(
              "ssh",
              "-o",
              "BatchMode=yes",
              "-T",
              "-o",
              "ControlPath=" + dir + "/master",
              "-o",
              "StrictHostKeyChecking=yes",
              "-o",
              "UserKnownHostsFile=/k/known",
              "-p",
              "2222",
              "-i",
              "/k/id");
      assertThat(rec.commands()).hasSize(2);
      assertThat(rec.commands().get(0).argv())
          .containsExactlyElementsOf(
              concat(
                  common,
                  List.of(
                      "-o",
                      "ControlMaster=yes",
                      "-o",
                      "ControlPersist=60",
                      "-f",
                      "-N",
                      "root@web1")));
      Command run = rec.commands().get(1);
      assertThat(run.argv())
          .containsExactlyElementsOf(
              concat(
                  common,
                  List.of(
                      "-o",
                      "ControlMaster=no",
                      "-o",
                      "BindInterface=hostguard-mux-only",
                      "root@web1",
                      "--",
                      "cd",
                      "--",
                      "'/srv/my dir'",
                      "&&",
                      "env",
                      "'A=b c'",
                      "'printf'",
                      "'%s'",
                      "'it'\\''s'",
                      "''",
                      "'$x;*'",
                      "'-n'")));
      assertThat(run.stdin()).containsExactly(1, 2);
      assertThat(run.environment()).isEmpty();
      assertThat(run.workingDirectory()).isEmpty();
      assertThat(run.timeout()).isEqualTo(Duration.ofSeconds(9));
    }
    // the recording made no socket, so there was no master to stop: close only removes the dir
    assertThat(rec.commands()).hasSize(2);
    assertThat(dir).doesNotExist();
  }

  @Test
  void nulIsRefusedBeforeAnythingRuns() {
    RecordingExecutor rec = client();
    try (SshExecutor ssh = SshExecutor.builder("h").via(rec).build()) {
      Command c = Command.builder().arg("printenv").putEnv("X", "a\0b").build();
      assertThatThrownBy(() -> ssh.execute(c))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a word cannot contain NUL: X=a\\0b");
    }
    assertThat(rec.commands()).isEmpty();
  }

  @Test
  void connectionFailuresAreTypedAndCommandExit255IsNot() {
    RecordingExecutor refused =
        RecordingExecutor.builder()
            .respond(
                c -> c.argv().contains("-N"),
                255,
                "",
                """
                No ED25519 host key is known for [h]:22 and you have requested strict checking.
                Host key verification failed.
                """)
            .build();
    try (SshExecutor ssh = SshExecutor.builder("h").via(refused).build()) {
      assertThatThrownBy(() -> ssh.execute(Command.of("true")))
          .isInstanceOfSatisfying(
              SshConnectionException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(SshConnectionException.Reason.HOST_KEY_REJECTED);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "[true] could not be started: ssh h: No ED25519 host key is known for"
                            + " [h]:22 and you have requested strict checking.");
              });
    }
    RecordingExecutor remote255 =
        RecordingExecutor.builder()
            .respond(c -> c.argv().contains("-N"), 0, "", "")
            .respond(c -> true, 255, "", "my own error\n")
            .build();
    try (SshExecutor ssh = SshExecutor.builder("h").via(remote255).build()) {
      assertThatThrownBy(() -> ssh.execute(Command.of("x")))
          .isExactlyInstanceOf(CommandFailedException.class)
          .hasMessageStartingWith("[x] exited 255 (accepted: [0]) via ssh h");
    }
  }

  @Test
  void aRefusedSessionIsAskedForAgain() {
    int[] calls = {0};
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(c -> c.argv().contains("-N"), 0, "", "")
            .respond(
                c -> c.argv().contains("--") && calls[0]++ < 2,
                255,
                "",
                """
                mux_client_request_session: session request failed: Session open refused by peer
                getifaddrs: hostguard-mux-only: no suitable addresses
                """)
            .respond(c -> c.argv().contains("--"), 0, "done", "")
            .build();
    try (SshExecutor ssh = SshExecutor.builder("h").via(rec).build()) {
      // the recording never creates the socket, so each attempt re-opens the master first
      assertThat(ssh.execute(Command.of("x")).stdout()).isEqualTo("done");
    }
    assertThat(rec.commands().stream().filter(c -> c.argv().contains("--")).count()).isEqualTo(3);
  }

  @Test
  void aMasterThatGivesNoSessionIsOpenedAgainThreeTimesThenAStartFailure() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(c -> c.argv().contains("-N"), 0, "", "")
            .respond(
                c -> c.argv().contains("--"),
                255,
                "",
                "getifaddrs: hostguard-mux-only: no suitable addresses\n")
            .build();
    try (SshExecutor ssh = SshExecutor.builder("h").via(rec).build()) {
      assertThatThrownBy(() -> ssh.execute(Command.of("x")))
          .isInstanceOf(CommandStartException.class)
          .hasMessage(
              "[x] could not be started: ssh h: the master connection gives no session:"
                  + " getifaddrs: hostguard-mux-only: no suitable addresses");
    }
    assertThat(rec.commands().stream().filter(c -> c.argv().contains("-N")).count()).isEqualTo(4);
  }

  @Test
  void aFreshConnectionBypassesTheMasterWithItsOwnConnectTimeout() {
    List<String> expected =
        List.of(
            "ssh",
            "-F",
            "/dev/null",
            "-o",
            "BatchMode=yes",
            "-T",
            "-o",
            "ControlPath=none",
            "-o",
            "ControlMaster=no",
            "-o",
            "ConnectTimeout=5",
            "-o",
            "ConnectTimeout=10",
            "-p",
            "2222",
            "-i",
            "/k/id",
            "root@web1",
            "--",
            "true");
    RecordingExecutor ok = RecordingExecutor.builder().respond(expected, 0, "").build();
    try (SshExecutor ssh =
        SshExecutor.builder("web1")
            .user("root")
            .port(2222)
            .configFile(Path.of("/dev/null"))
            .identityFile(Path.of("/k/id"))
            .option("ConnectTimeout", "10")
            .via(ok)
            .build()) {
      ssh.connectFresh(Duration.ofMillis(4200));
    }
    ok.verifyAllResponsesUsed();
    assertThat(ok.commands()).hasSize(1); // no master was opened, none stopped
    assertThat(ok.commands().get(0).timeout()).isEqualTo(Duration.ofSeconds(10));

    RecordingExecutor dropped =
        RecordingExecutor.builder()
            .respond(
                c -> true, 255, "", "ssh: connect to host web1 port 22: Connection timed out\n")
            .build();
    try (SshExecutor ssh = SshExecutor.builder("web1").via(dropped).build()) {
      assertThatThrownBy(() -> ssh.connectFresh(Duration.ofSeconds(5)))
          .isInstanceOfSatisfying(
              SshConnectionException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(SshConnectionException.Reason.CONNECTION_FAILED);
                assertThat(e.getMessage()).contains("Connection timed out");
              });
      assertThatThrownBy(() -> ssh.connectFresh(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void builderRefusesWhatSshWouldMisread() {
    assertThatThrownBy(() -> SshExecutor.builder("-oProxyCommand=x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SshExecutor.builder("h").user("a@b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SshExecutor.builder("h").option("ControlPath", "/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ControlPath is set by SshExecutor itself");
    assertThatThrownBy(() -> SshExecutor.builder("h").maxSessions(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
