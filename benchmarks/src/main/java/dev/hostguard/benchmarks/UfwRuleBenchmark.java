package dev.hostguard.benchmarks;

import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UserRulesFile;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + validate + render (canonical command, tuple line, iptables lines) of 1,000 and 10,000
 * mixed ufw rules; divide the score by the number of rules for the time a rule.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar UfwRuleBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UfwRuleBenchmark extends PretouchedHeapFork {
  @Param({"1000", "10000"})
  public int size;

  private List<List<String>> rules;
  private UfwRuleParser parser;

  @Setup
  public void setUp() {
    rules = UfwRuleCorpus.rules(size);
    parser = UfwRuleParser.fromHost();
  }

  @Benchmark
  public void parseValidateRender(Blackhole bh) {
    for (List<String> argv : rules) {
      UfwRule r = ((UfwCommand.RuleChange) parser.parse(argv)).rule();
      bh.consume(UfwRuleFormat.command(r));
      bh.consume(UserRulesFile.tupleLine(r));
      bh.consume(UserRulesFile.iptablesLines(r));
    }
  }
}
