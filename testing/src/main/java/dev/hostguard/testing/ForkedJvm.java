package dev.hostguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class of the test classpath in a fresh JVM with a small heap, so a test can
 * feed a parser input past its limits and see what happens without risking its own JVM: a clean
 * refusal, or a {@link StackOverflowError} / {@link OutOfMemoryError} (the JVM is started with
 * {@code -XX:+ExitOnOutOfMemoryError}, so an OOM shows as exit 3), and how long it took.
 *
 * <pre>{@code
 * ForkedJvm.Result r = ForkedJvm.run(LimitsProbe.class, "256m", Duration.ofSeconds(30), "iptables", file.toString());
 * assertThat(r.stdout()).startsWith("REFUSED IptablesParseException");
 * }</pre>
 */
public final class ForkedJvm {
  private ForkedJvm() {}

  /**
   * What the forked JVM did.
   *
   * @param exitCode its exit code
   * @param stdout what it printed on stdout (UTF-8)
   * @param stderr what it printed on stderr (UTF-8)
   * @param elapsed how long it ran
   */
  public record Result(int exitCode, String stdout, String stderr, Duration elapsed) {}

  /**
   * Runs {@code mainClass} with {@code args} under {@code -Xmx<heap>} and this JVM's classpath
   * ({@code java.class.path}); kills it after {@code timeout} (an {@link AssertionError} then).
   */
  public static Result run(Class<?> mainClass, String heap, Duration timeout, String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.add("-Xmx" + heap);
    argv.add("-XX:+ExitOnOutOfMemoryError");
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add(mainClass.getName());
    argv.addAll(List.of(args));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("hostguard-fork", ".out");
      err = Files.createTempFile("hostguard-fork", ".err");
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(argv)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            mainClass.getSimpleName()
                + " "
                + String.join(" ", args)
                + ": still running after "
                + timeout);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          elapsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      for (Path f : new Path[] {out, err}) {
        if (f != null) {
          try {
            Files.deleteIfExists(f);
          } catch (IOException ignored) {
            // a temp file left behind is not worth failing a test for
          }
        }
      }
    }
  }
}
