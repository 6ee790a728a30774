package dev.hostguard.benchmarks;

import dev.hostguard.fail2ban.Fail2banDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Full resolution of Debian's stock fail2ban configuration with every jail enabled (files read,
 * includes, interpolation, filters, actions, tags, globs, the whole server command stream), the
 * work fail2ban's Configurator does in about 7.9 ms. {@code
 * benchmarks/scripts/fail2ban-resolve-ratio.sh} prints both figures in one run.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar Fail2banResolveBenchmark -p confDir=/tmp/f2b-all
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class Fail2banResolveBenchmark extends PretouchedHeapFork {
  /** A prepared directory; empty: a copy of /etc/fail2ban with every jail enabled is made. */
  @Param({""})
  public String confDir;

  private Path dir;

  @Setup
  public void setUp() throws IOException {
    if (!confDir.isEmpty()) {
      dir = Path.of(confDir);
    } else {
      dir = prepare(Files.createTempDirectory("f2b-bench"));
    }
    Fail2banDump d = Fail2banDump.load(dir);
    if (!d.hasStream() || d.commands().size() < 1000) {
      throw new IllegalStateException("unexpected resolution of " + dir + ": " + d.stdout());
    }
  }

  /** Copies /etc/fail2ban into {@code root/conf} and enables every jail of jail.conf. */
  static Path prepare(Path root) throws IOException {
    Path from = Path.of("/etc/fail2ban");
    Path conf = root.resolve("conf");
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = conf.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    StringBuilder b = new StringBuilder();
    for (String line : Files.readAllLines(conf.resolve("jail.conf"))) {
      if (line.startsWith("[") && !line.startsWith("[INCLUDES]") && !line.startsWith("[DEFAULT]")) {
        b.append(line.trim()).append("\nenabled = true\n");
      }
    }
    Files.writeString(conf.resolve("jail.local"), b.toString());
    return conf;
  }

  @Benchmark
  public Fail2banDump resolveEverything() {
    return Fail2banDump.load(dir);
  }
}
