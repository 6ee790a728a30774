package dev.hostguard.benchmarks;

import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.status.StatusDerivation;
import dev.hostguard.ufw.status.StatusForm;
import dev.hostguard.ufw.status.StatusHeader;
import dev.hostguard.ufw.status.StatusLogging;
import dev.hostguard.ufw.status.UfwStatus;
import dev.hostguard.ufw.status.UfwStatusOutput;
import java.util.ArrayList;
import java.util.List;
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
 * Parsing a {@code ufw status numbered} of N rules (10k and 100k): the time must grow linearly
 * ({@code benchmarks/scripts/ufw-status-scaling.sh} prints time(100k)/time(10k), which must be at
 * most 11).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar UfwStatusBenchmark
 * benchmarks/scripts/ufw-status-scaling.sh
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
public class UfwStatusBenchmark extends PretouchedHeapFork {
  @Param({"10000", "100000"})
  public int rules;

  private String numbered;

  @Setup
  public void setUp() {
    numbered = numberedStatus(rules);
  }

  /** A numbered status of {@code n} varied rules, derived as ufw would print it. */
  static String numberedStatus(int n) {
    StringBuilder user = new StringBuilder("*filter\n:ufw-user-input - [0:0]\n");
    // the ufw6- chain marks user6.rules
    StringBuilder user6 = new StringBuilder("*filter\n:ufw6-user-input - [0:0]\n");
    String[] actions = {"allow", "deny_log", "reject", "limit_log-all"};
    for (int i = 0; i < n; i++) {
      String action = actions[i % actions.length];
      int port = 1 + i % 65000;
      switch (i % 5) {
        case 0:
          user.append("### tuple ### ")
              .append(action)
              .append(" tcp ")
              .append(port)
              .append(" 0.0.0.0/0 any 0.0.0.0/0 in\n");
          break;
        case 1:
          user.append("### tuple ### ")
              .append(action)
              .append(" any ")
              .append(port)
              .append(" 10.")
              .append(i % 250)
              .append(".0.0/16 any 192.0.2.")
              .append(i % 250)
              .append(" out_eth")
              .append(i % 4)
              .append(" comment=6869\n");
          break;
        case 2:
          user.append("### tuple ### route:")
              .append(action)
              .append(" udp 6000:6007 198.51.100.0/24 any 0.0.0.0/0 in_eth0!out_eth1\n");
          break;
        case 3:
          user6
              .append("### tuple ### ")
              .append(action)
              .append(" tcp 80,443 ::/0 any ::/0 WWW%20Full - in\n");
          break;
        default:
          user6
              .append("### tuple ### ")
              .append(action)
              .append(" tcp ")
              .append(port)
              .append(" 2001:db8::/32 any ::/0 out comment=")
              .append("61206c6f6e6720636f6d6d656e74\n");
      }
    }
    List<UfwRule> all =
        new ArrayList<>(
            UserRulesFile.parse("user.rules", user.append("COMMIT\n").toString()).rules());
    all.addAll(UserRulesFile.parse("user6.rules", user6.append("COMMIT\n").toString()).rules());
    StatusHeader header =
        StatusHeader.builder()
            .logging(StatusLogging.LOW)
            .incoming(UfwPolicy.DENY)
            .outgoing(UfwPolicy.ALLOW)
            .newProfiles(UfwPolicy.SKIP)
            .build();
    return StatusDerivation.status(StatusForm.NUMBERED, all, header).render();
  }

  @Benchmark
  public UfwStatusOutput parseNumbered() {
    return UfwStatus.parse("<bench>", numbered);
  }
}
