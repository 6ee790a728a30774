package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that writes a config file through {@code HostFiles.local()}: at every named
 * {@link WriteStep} (of the first write, which backs up, and of a later one, which does not) and at
 * random points, for a file beside whose backups tools read nothing ({@code /etc/ufw/before.rules})
 * and one in ufw's wholly read {@code applications.d}. Afterwards the file holds one version whole,
 * the backup holds the original whenever the file changed, and nothing is left that a tool would
 * read. Then a new session's write cleans up.
 *
 * <p>Runs: 5 steps x 2 writes x 2 files = 20 named, plus {@link #RANDOM_RUNS} random = 120 kills in
 * all, with a fixed seed (a random run kills after a random number of announced steps and a random
 * delay of up to 2 ms, so the kills spread over all four writes).
 */
class AtomicWriteFaultInjectionTest {
  static final int VERSIONS = 4;
  static final int LATER_WRITE = 3;
  static final int RANDOM_RUNS = 100;
  static final long SEED = 0x5eed_12L;
  static final List<String> FILES =
      List.of("/etc/ufw/before.rules", "/etc/ufw/applications.d/hostguard");

  @TempDir Path tmp;

  @Test
  void killedAtEachNamedStep() throws Exception {
    int runs = 0;
    for (String file : FILES) {
      for (WriteStep step : WriteStep.values()) {
        for (int version : new int[] {1, LATER_WRITE}) {
          Path root = Files.createDirectory(tmp.resolve("named-" + runs++));
          seed(root, file);
          Process p = start(root, file, step.name(), Integer.toString(version));
          try (BufferedReader r = reader(p)) {
            assertThat(r.readLine()).isEqualTo("READY");
            assertThat(r.readLine()).isEqualTo("STOP " + step + " " + version);
          }
          kill(p);
          int expected = step.compareTo(WriteStep.AFTER_RENAME) < 0 ? version - 1 : version;
          assertThat(check(root, file))
              .as("%s at %s of write %d", file, step, version)
              .isEqualTo(expected);
          recover(root, file);
        }
      }
    }
    assertThat(runs).isEqualTo(20);
  }

  @Test
  void killedAtRandomPoints() throws Exception {
    Random random = new Random(SEED);
    int steps = WriteStep.values().length * VERSIONS;
    int[] seen = new int[VERSIONS + 1];
    for (int run = 0; run < RANDOM_RUNS; run++) {
      String file = FILES.get(run % 2);
      Path root = Files.createDirectory(tmp.resolve("random-" + run));
      seed(root, file);
      Process p = start(root, file, "-");
      // after a random number of announced steps (0: right after READY) and a random delay up
      // to 2 ms, while the child goes on writing
      int after = random.nextInt(steps + 1);
      long delayNanos = random.nextInt(2_000_000);
      try (BufferedReader r = reader(p)) {
        assertThat(r.readLine()).isEqualTo("READY");
        for (int i = 0; i < after; i++) {
          assertThat(r.readLine()).startsWith("STEP ");
        }
        TimeUnit.NANOSECONDS.sleep(delayNanos);
        kill(p);
      }
      seen[check(root, file)]++;
      recover(root, file);
    }
    System.out.println(
        "random kills: runs per version left " + Arrays.toString(seen) + " (seed " + SEED + ")");
    assertThat(Arrays.stream(seen).filter(n -> n > 0).count())
        .as("kills landed in several writes: %s", Arrays.toString(seen))
        .isGreaterThan(2);
  }

  @Test
  void anUninterruptedRunWritesTheLastVersion() throws Exception {
    String file = FILES.get(0);
    Path root = Files.createDirectory(tmp.resolve("whole"));
    seed(root, file);
    Process p = start(root, file, "-");
    try (BufferedReader r = reader(p)) {
      assertThat(r.readLine()).isEqualTo("READY");
      for (int v = 1; v <= VERSIONS; v++) {
        for (WriteStep step : WriteStep.values()) {
          assertThat(r.readLine()).isEqualTo("STEP " + step + " " + v);
        }
      }
      assertThat(r.readLine()).isEqualTo("DONE");
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(check(root, file)).isEqualTo(VERSIONS);
  }

  private static void seed(Path root, String file) throws IOException {
    Path real = real(root, file);
    Files.createDirectories(real.getParent());
    Files.write(real, original());
    Files.setAttribute(real, "unix:mode", 0640);
  }

  private static byte[] original() {
    return "# the seed's file\n*filter\nCOMMIT\n".getBytes(StandardCharsets.UTF_8);
  }

  private static Path real(Path root, String file) {
    return root.resolve(file.substring(1));
  }

  /** Checks the invariants and returns which version the file holds (0: the original). */
  private static int check(Path root, String file) throws IOException {
    Path real = real(root, file);
    byte[] now = Files.readAllBytes(real);
    int version = -1;
    if (Arrays.equals(now, original())) {
      version = 0;
    }
    for (int v = 1; v <= VERSIONS && version < 0; v++) {
      if (Arrays.equals(now, FaultInjectionWriter.version(v))) {
        version = v;
      }
    }
    if (version < 0) {
      fail("%s holds no version whole (%d bytes)", file, now.length);
    }
    assertThat((Integer) Files.getAttribute(real, "unix:mode") & 07777).isEqualTo(0640);
    String name = real.getFileName().toString();
    Path backup =
        file.startsWith("/etc/ufw/applications.d/")
            ? real(root, "/var/backups/hostguard" + file + "-COPY-" + HostFilesContract.STAMP)
            : real.resolveSibling(name + "-COPY-" + HostFilesContract.STAMP);
    if (version > 0) {
      assertThat(backup).exists();
      assertThat(Files.readAllBytes(backup)).isEqualTo(original());
    }
    try (Stream<Path> entries = Files.list(real.getParent())) {
      for (Path e : entries.toList()) {
        String n = e.getFileName().toString();
        if (n.equals(name)) {
          continue;
        }
        assertThat(n)
            .as("left beside %s", file)
            .matches(
                file.startsWith("/etc/ufw/applications.d/")
                    ? "\\." + name + "\\.hostguard-tmp"
                    : "\\." + name + "\\.hostguard-tmp|" + name + "-COPY-\\d{14}")
            .doesNotEndWith(".conf")
            .doesNotEndWith(".local")
            .doesNotEndWith(".rules");
      }
    }
    return version;
  }

  /** A new session writes the file again: no temp is left, the content is whole. */
  private static void recover(Path root, String file) throws IOException {
    Path real = real(root, file);
    byte[] last = FaultInjectionWriter.version(VERSIONS + 1);
    HostFiles.local().withRoot(root).write(Path.of(file), last);
    assertThat(Files.readAllBytes(real)).isEqualTo(last);
    assertThat(real.resolveSibling("." + real.getFileName() + ".hostguard-tmp")).doesNotExist();
  }

  private static Process start(Path root, String file, String... stop) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> argv =
        new ArrayList<>(
            List.of(
                java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m"));
    argv.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), FaultInjectionWriter.class.getName()));
    argv.addAll(List.of(root.toString(), file, Integer.toString(VERSIONS)));
    argv.addAll(List.of(stop));
    return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  /** SIGKILL, and wait for the process to be gone. */
  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      fail("child did not die");
    }
  }
}
