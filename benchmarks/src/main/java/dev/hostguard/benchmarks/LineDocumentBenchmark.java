package dev.hostguard.benchmarks;

import dev.hostguard.core.LineDocument;
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
 * Parse and render of the lossless line document every format sits on.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LineDocumentBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LineDocumentBenchmark extends PretouchedHeapFork {
  @Param({"1000", "100000"})
  public int lines;

  private byte[] bytes;
  private String text;

  @Setup
  public void setUp() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      sb.append("-A ufw-user-input -p tcp --dport ").append(i % 65535).append(" -j ACCEPT\n");
    }
    text = sb.toString();
    bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public String parseStringAndRender() {
    return LineDocument.parse("bench", text).render();
  }

  @Benchmark
  public byte[] parseBytesAndRender() {
    return LineDocument.parse("bench", bytes).toBytes();
  }
}
