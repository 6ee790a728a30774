package dev.hostguard.benchmarks;

import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lossless parse of an iptables-restore file of 5,000 and 50,000 lines, every line classified and
 * validated as iptables-restore does ({@code parseValid}); the time must grow linearly.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar IptablesRestoreBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IptablesRestoreBenchmark extends PretouchedHeapFork {
  @Param({"5000", "50000"})
  public int lines;

  private byte[] bytes;

  @Setup
  public void setUp() {
    bytes = IptablesRestoreCorpus.text(lines).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public IptablesRestoreDocument parse() {
    return IptablesRestoreDocument.parseValid("bench.rules", bytes);
  }
}
