package dev.hostguard.benchmarks;

import dev.hostguard.ufw.status.UfwStatus;
import dev.hostguard.ufw.status.UfwStatusOutput;

/**
 * Parses a {@code ufw status numbered} of N rules once (run it under {@code -Xmx200m} for the
 * memory row of {@code scripts/bench}); prints the number of rules read.
 *
 * <pre>{@code
 * java -Xmx200m -cp benchmarks/target/benchmarks.jar \
 *     dev.hostguard.benchmarks.UfwStatusMemoryCheck 100000
 * }</pre>
 */
public final class UfwStatusMemoryCheck {
  private UfwStatusMemoryCheck() {}

  /** Builds the status text of {@code args[0]} rules and parses it. */
  public static void main(String[] args) {
    String text = UfwStatusBenchmark.numberedStatus(Integer.parseInt(args[0]));
    UfwStatusOutput out = UfwStatus.parse("<bench>", text);
    System.out.println(out.render().length() == text.length() ? "ok" : "render differs");
  }
}
