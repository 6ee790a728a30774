package dev.hostguard.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {
  private final CommandExecutor executor = LocalExecutor.create();

  @Test
  void zeroExitIsAcceptedByDefault() {
    CommandResult r = executor.execute(Command.of("true"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.isAccepted()).isTrue();
  }

  @Test
  void nonZeroExitThrowsWithCommandCodeAndOutput() {
    Command c = Command.of("sh", "-c", "echo out-text; echo err-text >&2; exit 3");
    assertThatThrownBy(() -> executor.execute(c))
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(3);
              assertThat(e.result().stdout()).isEqualTo("out-text\n");
              assertThat(e.result().stderr()).isEqualTo("err-text\n");
              assertThat(e.getMessage())
                  .contains("exited 3")
                  .contains("accepted: [0]")
                  .contains("out-text")
                  .contains("err-text");
            });
  }

  @Test
  void acceptedExitCodesAreHonoured() {
    Command c = Command.of("sh", "-c", "exit 4").withAcceptedExitCodes(0, 4);
    assertThat(executor.execute(c).exitCode()).isEqualTo(4);
    Command any = Command.of("false").acceptingAnyExitCode();
    assertThat(executor.execute(any).exitCode()).isEqualTo(1);
  }

  @Test
  void stdinIsFedAndStdoutCapturedExactly() {
    byte[] input = new byte[300_000];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (i * 31);
    }
    CommandResult r = executor.execute(Command.of("cat").withStdin(input));
    assertThat(r.stdoutBytes()).isEqualTo(input);
    assertThat(r.isTruncated()).isFalse();
  }

  @Test
  void emptyStdinIsClosedSoReadersDoNotHang() {
    CommandResult r = executor.execute(Command.of("cat").withTimeout(Duration.ofSeconds(10)));
    assertThat(r.stdoutBytes()).isEmpty();
  }

  @Test
  void outputPastTheCapIsCutAndFlagged() {
    Command c =
        Command.builder()
            .args(List.of("head", "-c", "1000000", "/dev/zero"))
            .maxOutputBytes(4096)
            .build();
    CommandResult r = executor.execute(c);
    assertThat(r.stdoutBytes()).hasSize(4096);
    assertThat(r.isTruncated()).isTrue();
  }

  @Test
  void commandIsKilledAtItsTimeout() {
    Command c = Command.of("sleep", "30").withTimeout(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThatThrownBy(() -> executor.execute(c))
        .isInstanceOfSatisfying(
            CommandTimeoutException.class,
            e -> {
              assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
              assertThat(e.getMessage()).contains("timed out");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  /** A shell that started a grandchild and hangs: both are gone after the timeout. */
  @Test
  void timeoutKillsTheWholeTree() throws Exception {
    Path pidFile = Files.createTempFile("hostguard-grandchild", ".pid");
    try {
      Command c =
          Command.of("sh", "-c", "sleep 300 & echo $! > \"$1\"; wait", "sh", pidFile.toString())
              .withTimeout(Duration.ofMillis(1500));
      long start = System.nanoTime();
      assertThatThrownBy(() -> executor.execute(c)).isInstanceOf(CommandTimeoutException.class);
      // without the tree kill, the pumps wait PUMP_STOP_TIMEOUT for the grandchild's pipe
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      long grandchild = Long.parseLong(Files.readString(pidFile).strip());
      Optional<ProcessHandle> h = ProcessHandle.of(grandchild);
      if (h.isPresent()) {
        // killed; it may linger a moment as a zombie until init reaps it
        h.get().onExit().get(10, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive))
          .isNotEqualTo(Optional.of(true));
    } finally {
      Files.deleteIfExists(pidFile);
    }
  }

  @Test
  void argumentsArriveUnchanged() {
    List<String> tricky =
        List.of(
            "plain",
            "with space",
            "'single'",
            "\"double\"",
            "$HOME",
            "${PATH}",
            "a;b",
            "x && y",
            "`id`",
            "line1\nline2",
            "tab\there",
            "é ü 日本 🙂",
            "*",
            "",
            "\\backslash\\",
            " leading and trailing blanks ",
            "\ttabs\t",
            "trailing newline\n",
            " ");
    List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
    argv.addAll(tricky);
    CommandResult r = executor.execute(Command.of(argv));
    String expected = String.join("\0", tricky) + "\0";
    assertThat(r.stdout()).isEqualTo(expected);
  }

  @Test
  void environmentAdditionsAndWorkingDirectory(@TempDir Path dir) {
    Command c =
        Command.builder()
            .args(List.of("sh", "-c", "printf '%s|%s' \"$HG_TEST_VAR\" \"$PWD\""))
            .putEnv("HG_TEST_VAR", "v a;l$ue")
            .workingDirectory(dir)
            .build();
    assertThat(executor.execute(c).stdout()).isEqualTo("v a;l$ue|" + dir);
  }

  @Test
  void missingProgramIsAStartFailure() {
    assertThatThrownBy(() -> executor.execute(Command.of("/nonexistent/hostguard-no-such")))
        .isInstanceOf(CommandStartException.class)
        .hasMessageContaining("could not be started");
  }

  @Test
  void utf8OutputIsDecodedAsUtf8() {
    CommandResult r = executor.execute(Command.of("printf", "%s", "déjà vu"));
    assertThat(r.stdoutBytes()).isEqualTo("déjà vu".getBytes(StandardCharsets.UTF_8));
    assertThat(r.stdout()).isEqualTo("déjà vu");
  }

  @Test
  void eightThreadsTimesTwoHundredCommandsNeverMixOutput() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<String> mismatches = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    String id = "t" + thread + "-c" + i;
                    byte[] in = ("stdin-" + id).getBytes(StandardCharsets.UTF_8);
                    CommandResult r =
                        executor.execute(
                            Command.builder()
                                .args(List.of("sh", "-c", "printf '%s:' \"$1\"; cat", "sh", id))
                                .stdin(in)
                                .build());
                    String expected = id + ":stdin-" + id;
                    if (!r.stdout().equals(expected)) {
                      mismatches.add(expected + " != " + r.stdout());
                    }
                  }
                  return mismatches;
                }));
      }
      for (Future<List<String>> f : futures) {
        assertThat(f.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
