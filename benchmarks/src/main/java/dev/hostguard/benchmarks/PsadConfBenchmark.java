package dev.hostguard.benchmarks;

import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading Debian's psad.conf in-process: the lossless parse alone, and psad's whole reading
 * (expansion, validation, command checks) plus the {@code -D} config dump; compare with the real
 * {@code psad -c FILE -D} (about 100 ms a run).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PsadConfBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PsadConfBenchmark extends PretouchedHeapFork {
  private byte[] bytes;
  private PsadConfDocument document;

  @Setup
  public void setUp() throws IOException {
    bytes = Files.readAllBytes(Path.of("/etc/psad/psad.conf"));
    document = PsadConfDocument.parse("psad.conf", bytes);
  }

  @Benchmark
  public byte[] parseAndRender() {
    return PsadConfDocument.parse("psad.conf", bytes).toBytes();
  }

  @Benchmark
  public String loadAndDump() {
    return PsadConfig.of(document, PsadHost.local()).dump();
  }
}
