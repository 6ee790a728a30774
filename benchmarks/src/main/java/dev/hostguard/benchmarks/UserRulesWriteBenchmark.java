package dev.hostguard.benchmarks;

import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.UserRulesOptions;
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
 * Writing {@code user.rules} for 1,000 and 10,000 IPv4 rules (tuple lines, iptables lines, the
 * whole file as ufw writes it); the time must grow linearly.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar UserRulesWriteBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UserRulesWriteBenchmark extends PretouchedHeapFork {
  @Param({"1000", "10000"})
  public int rules;

  private List<UfwRule> v4;

  @Setup
  public void setUp() {
    UfwRuleParser parser = UfwRuleParser.fromHost();
    v4 = new ArrayList<>(rules);
    for (List<String> argv : UfwRuleCorpus.rules(rules)) {
      UfwCommand.RuleChange c = (UfwCommand.RuleChange) parser.parse(argv);
      if (c.ipVersion() != UfwCommand.IpVersion.V6) {
        v4.add(c.rule());
      }
    }
  }

  @Benchmark
  public String write() {
    return UserRulesFile.of(v4, false, UserRulesOptions.stock()).render();
  }
}
