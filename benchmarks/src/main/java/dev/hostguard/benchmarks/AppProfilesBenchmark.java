package dev.hostguard.benchmarks;

import dev.hostguard.ufw.AppProfiles;
import dev.hostguard.ufw.ServicesDatabase;
import java.util.Map;
import java.util.TreeMap;
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
 * Loading 100 and 1,000 application profiles (ten files of profiles, read and checked as ufw's
 * get_profiles does); the time must grow linearly.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar AppProfilesBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AppProfilesBenchmark extends PretouchedHeapFork {
  @Param({"100", "1000"})
  public int profiles;

  private Map<String, String> files;
  private ServicesDatabase services;

  @Setup
  public void setUp() {
    services = ServicesDatabase.fromHost();
    files = new TreeMap<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < profiles; i++) {
      b.append("[App").append(i).append("]\n");
      b.append("title=Application ").append(i).append('\n');
      b.append("description=Profile number ").append(i).append(" of the benchmark\n");
      int port = 1024 + i;
      b.append(
          switch (i % 3) {
            case 0 -> "ports=" + port + "/tcp";
            case 1 -> "ports=" + port + ":" + (port + 10) + "/udp|" + port + "/tcp";
            default -> "ports=" + port + "," + (port + 1) + "/tcp";
          });
      b.append("\n\n");
      if (i % 100 == 99 || i == profiles - 1) {
        files.put("bench-" + (i / 100), b.toString());
        b.setLength(0);
      }
    }
    if (load().byName().size() != profiles) {
      throw new IllegalStateException("profiles refused: " + load().warnings());
    }
  }

  @Benchmark
  public AppProfiles load() {
    return AppProfiles.fromFiles(files, services);
  }
}
