package dev.hostguard.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandFailedException;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.CommandTimeoutException;
import dev.hostguard.exec.SshConnectionException;
import dev.hostguard.exec.SshExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshExecutor} against a real sshd ({@link SshdSandbox}) in a private namespace, the ssh
 * client joining it through {@link NamespaceExecutor}. The remote side is {@code printf '%s\0'}, so
 * every argument comes back NUL-separated, exactly as the remote program received it.
 */
@RequiresRealTool(
    value = {
      RealTool.SSH,
      RealTool.SSHD,
      RealTool.SSH_KEYGEN,
      RealTool.UNSHARE,
      RealTool.NSENTER,
      RealTool.IP
    },
    root = true)
@Timeout(120)
class SshExecutorDifferentialTest {
  /** Characters the issue lists, plus shell operators, globbing, and non-ASCII. */
  private static final String[] PIECES = {
    "'", "\"", "$", "$HOME", "${PATH}", ";", "*", "?", "[a]", "\\", "\n", "\t", " ", "-", "--",
    "-n", "`id`", "$(id)", "&&", "|", "<", ">", "#", "~", "!", "%s", "=", "é", "日本", "🙂", "a", "Z",
    "0", "''", "'\\''", "\r", "\u0001", "\u007f", "{a,b}", "&"
  };

  private static SshdSandbox sshd;

  @BeforeAll
  static void startSshd() {
    sshd = SshdSandbox.builder().loginUser("hgbash", "/bin/bash").build();
  }

  @AfterAll
  static void stopSshd() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private static List<String> printfArgv(List<String> words) {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/printf", "%s\\0"));
    argv.addAll(words);
    return argv;
  }

  private static String nulJoined(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(w).append('\0');
    }
    return sb.toString();
  }

  private static String randomWord(Random rnd) {
    int n = rnd.nextInt(6);
    StringBuilder sb = new StringBuilder();
    if (rnd.nextInt(5) == 0) {
      sb.append('-'); // a leading dash
    }
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(8) == 0) {
        sb.appendCodePoint(0x80 + rnd.nextInt(0x2000)); // any non-ASCII below the surrogates
      } else {
        sb.append(PIECES[rnd.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  @Test
  @DisplayName("N=200 generated argv lists (seeded) arrive unchanged through dash, byte for byte")
  void generatedWordsArriveUnchangedThroughDash() {
    generatedWordsArriveUnchanged("root", 200, 20261130L);
  }

  @Test
  @DisplayName("N=100 generated argv lists (seeded) arrive unchanged through bash, byte for byte")
  void generatedWordsArriveUnchangedThroughBash() {
    generatedWordsArriveUnchanged("hgbash", 100, 42L);
  }

  private static void generatedWordsArriveUnchanged(String user, int n, long seed) {
    Random rnd = new Random(seed);
    try (SshExecutor ssh = sshd.ssh(user).build()) {
      List<String> fixed = new ArrayList<>(List.of(PIECES));
      fixed.add("");
      fixed.add("-e");
      fixed.add("  two  spaces  ");
      fixed.add("trailing newline\n");
      CommandResult r0 = ssh.execute(Command.of(printfArgv(fixed)));
      assertThat(r0.stdout()).isEqualTo(nulJoined(fixed));
      for (int i = 0; i < n; i++) {
        List<String> words = new ArrayList<>();
        int count = 1 + rnd.nextInt(8); // printf with no word would still print one
        for (int j = 0; j < count; j++) {
          words.add(randomWord(rnd));
        }
        CommandResult r = ssh.execute(Command.of(printfArgv(words)));
        assertThat(r.stdoutBytes())
            .as("words %s", words)
            .isEqualTo(nulJoined(words).getBytes(UTF_8));
      }
    }
  }

  @Test
  @DisplayName("results name the executor and host; N=1")
  void resultsSayWhoRanThem() {
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      CommandResult r = ssh.execute(Command.of("id", "-u"));
      assertThat(r.stdout()).isEqualTo("0\n");
      assertThat(r.executor()).isEqualTo("ssh root@127.0.0.1:2222");
      assertThat(r.host()).isEqualTo("127.0.0.1");
      assertThat(r.command()).isEqualTo(Command.of("id", "-u"));
    }
  }

  @Test
  @DisplayName("a word with NUL is refused before anything runs; N=1")
  void nulIsRefusedBeforeAnythingRuns() {
    int before = sshd.acceptedConnections();
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      Command withNulInEnv = Command.builder().arg("true").putEnv("X", "a\0b").build();
      assertThatThrownBy(() -> ssh.execute(withNulInEnv))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NUL");
      assertThatThrownBy(() -> ssh.execute(Command.of("printf", "%s", "lone\uD800")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("surrogate");
    }
    assertThat(sshd.acceptedConnections()).isEqualTo(before);
  }

  @Test
  @DisplayName("stdin bytes (all 256 values, then 1 MiB seeded) arrive unchanged; N=2")
  void stdinArrives() {
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      byte[] all = new byte[256];
      for (int i = 0; i < 256; i++) {
        all[i] = (byte) i;
      }
      assertThat(ssh.execute(Command.of("cat").withStdin(all)).stdoutBytes()).isEqualTo(all);
      byte[] big = new byte[1 << 20];
      new Random(7).nextBytes(big);
      CommandResult r = ssh.execute(Command.of("sha256sum").withStdin(big));
      assertThat(r.stdout()).startsWith(sha256Hex(big) + "  -");
    }
  }

  @Test
  @DisplayName("environment additions and working directory arrive; N=2")
  void environmentAndWorkingDirectory() {
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      String value = "a b'c\"$d;e*\n\tf é";
      CommandResult r =
          ssh.execute(
              Command.builder()
                  .args(List.of("printenv", "HG_VAR"))
                  .putEnv("HG_VAR", value)
                  .build());
      assertThat(r.stdout()).isEqualTo(value + "\n");
      CommandResult pwd =
          ssh.execute(Command.builder().arg("pwd").workingDirectory(Path.of("/usr/share")).build());
      assertThat(pwd.stdout()).isEqualTo("/usr/share\n");
    }
  }

  @Test
  @DisplayName("exit codes are typed, 255 from the command included; N=3")
  void exitCodes() {
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      assertThatThrownBy(() -> ssh.execute(Command.of("false")))
          .isInstanceOfSatisfying(
              CommandFailedException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(1);
                assertThat(e.result().executor()).isEqualTo("ssh root@127.0.0.1:2222");
                assertThat(e.getMessage()).contains("[false] exited 1");
              });
      assertThatThrownBy(() -> ssh.execute(Command.of("sh", "-c", "echo gone >&2; exit 255")))
          .isInstanceOfSatisfying(
              CommandFailedException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(255);
                assertThat(e.result().stderr()).isEqualTo("gone\n");
              });
      assertThat(ssh.execute(Command.of("sh", "-c", "exit 7").withAcceptedExitCodes(7)).exitCode())
          .isEqualTo(7);
    }
  }

  @Test
  @DisplayName("a timeout kills the local ssh client and says so; N=1")
  void timeoutKillsTheLocalClient() {
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  ssh.execute(
                      Command.of("sh", "-c", "echo started; exec sleep 30")
                          .withTimeout(Duration.ofSeconds(2))))
          .isInstanceOfSatisfying(
              CommandTimeoutException.class,
              e -> {
                assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(e.killed()).contains("local ssh client was killed");
                assertThat(e.getMessage()).contains("timed out after PT2S");
                assertThat(e.partialResult().stdout()).isEqualTo("started\n");
                assertThat(e.partialResult().executor()).isEqualTo("ssh root@127.0.0.1:2222");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
      // the connection still serves commands
      assertThat(ssh.execute(Command.of("echo", "ok")).stdout()).isEqualTo("ok\n");
    }
  }

  @Test
  @DisplayName("an unknown or changed host key is refused, typed, before login; N=2")
  void refusedHostKey(@TempDir Path tmp) throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty_known_hosts"), "");
    Path wrong =
        Files.writeString(
            tmp.resolve("wrong_known_hosts"),
            "[127.0.0.1]:2222 ssh-ed25519"
                + " AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
    int before = sshd.acceptedConnections();
    for (Path knownHosts : List.of(empty, wrong)) {
      try (SshExecutor ssh = sshd.ssh("root").knownHostsFile(knownHosts).build()) {
        assertThatThrownBy(() -> ssh.execute(Command.of("true")))
            .isInstanceOfSatisfying(
                SshConnectionException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(SshConnectionException.Reason.HOST_KEY_REJECTED);
                  assertThat(e.getMessage())
                      .contains("[true] could not be started: ssh root@127.0.0.1:2222: ");
                  assertThat(e.sshStderr()).contains("Host key verification failed.");
                });
      }
    }
    assertThat(Files.readString(empty)).isEmpty();
    assertThat(sshd.acceptedConnections()).isEqualTo(before);
  }

  @Test
  @DisplayName("a key the server does not know is a typed authentication failure; N=1")
  void refusedLogin() {
    try (SshExecutor ssh = sshd.ssh("hgnouser").build()) {
      assertThatThrownBy(() -> ssh.execute(Command.of("true")))
          .isInstanceOfSatisfying(
              SshConnectionException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(SshConnectionException.Reason.AUTHENTICATION_FAILED));
    }
  }

  @Test
  @DisplayName("N=50 commands reuse one master connection; close removes it")
  void oneMasterForManyCommands() {
    int before = sshd.acceptedConnections();
    Path controlDir;
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      controlDir = ssh.controlDirectory();
      for (int i = 0; i < 50; i++) {
        assertThat(ssh.execute(Command.of("echo", "c" + i)).stdout()).isEqualTo("c" + i + "\n");
      }
      assertThat(sshd.acceptedConnections() - before).isEqualTo(1);
      assertThat(sshClientsInNamespace()).hasSize(1); // the master
    }
    assertThat(controlDir).doesNotExist();
    assertThat(waitForNoSshClients()).isEmpty();
  }

  @Test
  @DisplayName(
      "load: 8 threads x 200 commands (N=1600) over one connection, no mixed output or leaks")
  void eightThreadsTimesTwoHundred() throws Exception {
    int before = sshd.acceptedConnections();
    // warm up class loading and the JVM's own descriptors before counting
    try (SshExecutor warm = sshd.ssh("root").build()) {
      warm.execute(Command.of("true"));
    }
    waitForNoSshClients();
    long fdsBefore = openFds();
    long childrenBefore = ProcessHandle.current().children().count();
    try (SshExecutor ssh = sshd.ssh("root").build()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          futures.add(
              pool.submit(
                  () -> {
                    List<String> bad = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                      String id = "t" + thread + "-c" + i;
                      CommandResult r =
                          ssh.execute(
                              Command.of("sh", "-c", "printf '%s:' \"$1\"; cat", "sh", id)
                                  .withStdin(("in-" + id).getBytes(UTF_8)));
                      if (!r.stdout().equals(id + ":in-" + id)) {
                        bad.add(id + " got " + r.stdout());
                      }
                    }
                    return bad;
                  }));
        }
        for (Future<List<String>> f : futures) {
          assertThat(f.get()).isEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(sshd.acceptedConnections() - before).isEqualTo(2); // warm-up + this one
    }
    assertThat(waitForNoSshClients()).isEmpty();
    assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
    assertThat(openFds()).isLessThanOrEqualTo(fdsBefore + 2);
  }

  @Test
  @DisplayName("sshd MaxSessions=2: maxSessions(2) queues 6 threads x 20 commands; N=120")
  void maxSessionsIsRespected() throws Exception {
    try (SshdSandbox small = SshdSandbox.builder().maxSessions(2).port(2223).build();
        SshExecutor ssh = small.ssh("root").maxSessions(2).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    int ok = 0;
                    for (int i = 0; i < 20; i++) {
                      if (ssh.execute(Command.of("sleep", "0.01")).exitCode() == 0) {
                        ok++;
                      }
                    }
                    return ok;
                  }));
        }
        int total = 0;
        for (Future<Integer> f : futures) {
          total += f.get();
        }
        assertThat(total).isEqualTo(120);
      } finally {
        pool.shutdownNow();
      }
      assertThat(small.acceptedConnections()).isEqualTo(1);
    }
  }

  private static long openFds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }

  /** ssh client processes (not sshd) in the sandbox's network namespace. */
  private static List<Long> sshClientsInNamespace() {
    List<Long> out = new ArrayList<>();
    for (long pid : sshd.namespace().processes()) {
      ProcessHandle.of(pid)
          .flatMap(h -> h.info().command())
          .filter(c -> c.endsWith("/ssh"))
          .ifPresent(c -> out.add(pid));
    }
    return out;
  }

  private static List<Long> waitForNoSshClients() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Long> left = sshClientsInNamespace();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = sshClientsInNamespace();
    }
    return left;
  }

  private static String sha256Hex(byte[] data) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(data);
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
