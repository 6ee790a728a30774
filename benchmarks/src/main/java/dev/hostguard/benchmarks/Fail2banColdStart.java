package dev.hostguard.benchmarks;

import dev.hostguard.fail2ban.Fail2banDump;
import java.nio.file.Path;

/**
 * The cold figure: the first full resolution of a fail2ban configuration in a fresh JVM, timed
 * in-process from the first call (JVM start excluded); prints milliseconds.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.hostguard.benchmarks.Fail2banColdStart /tmp/conf
 * }</pre>
 */
public final class Fail2banColdStart {
  private Fail2banColdStart() {}

  /** Resolves {@code args[0]} once and prints the time it took in ms. */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Fail2banDump d = Fail2banDump.load(Path.of(args[0]));
    long t1 = System.nanoTime();
    if (!d.hasStream() || d.commands().size() < 1000) {
      throw new IllegalStateException("unexpected resolution of " + args[0]);
    }
    System.out.printf("%.3f%n", (t1 - t0) / 1e6);
  }
}
