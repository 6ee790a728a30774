package dev.hostguard.benchmarks;

import com.google.common.collect.ImmutableMap;
import dev.hostguard.host.DesiredState;
import dev.hostguard.host.HostState;
import dev.hostguard.host.Plan;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UfwTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Computing a {@link Plan} of N desired against N actual ufw rules (N = 1,000 and 10,000), the
 * desired state owning the rule set: nine in ten rules shared, in the same order; one in ten only
 * actual (deleted) and one in ten only desired (added), spread through the list. The rules are a
 * blocklist and open ports as a real host has them: {@code deny from} IPv4 and IPv6 addresses and
 * networks, {@code allow PORT/tcp} (two rows, v4 and v6), {@code allow from NET to any port P}. The
 * stock ufw tree is this machine's {@code /etc/ufw}, read once. The time must grow linearly.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PlanBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanBenchmark extends PretouchedHeapFork {
  @Param({"1000", "10000"})
  public int rules;

  private DesiredState desired;
  private HostState actual;

  @Setup
  public void setUp() {
    ServicesDatabase services = ServicesDatabase.fromHost();
    UfwRuleParser parser = UfwRuleParser.of(services);
    UfwTree stock = UfwTree.load(Path.of("/"), services);
    // rule i is actual only when i % 10 == 9, desired only when i % 10 == 4 (of N + N/10 rules)
    int total = rules + rules / 10;
    DesiredState.Builder want = DesiredState.builder().ownsRules(true);
    UfwRuleSet empty = stock.rules().toBuilder().ipv4Rules(List.of()).ipv6Rules(List.of()).build();
    List<UfwRule> v4 = new ArrayList<>();
    List<UfwRule> v6 = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      UfwRule rule = ((UfwCommand.RuleChange) parser.parse(argv(i))).rule();
      if (i % 10 != 9) {
        want.addRules(rule);
      }
      if (i % 10 != 4) {
        UfwRuleSet rows = empty.add(rule).after();
        v4.addAll(rows.ipv4Rules());
        v6.addAll(rows.ipv6Rules());
      }
    }
    desired = want.build();
    // the actual tree as HostState.read loads it: from its files, user.rules as ufw wrote them
    UfwRuleSet current = stock.rules().toBuilder().ipv4Rules(v4).ipv6Rules(v6).build();
    Map<Path, String> files = new LinkedHashMap<>(stock.files());
    files.put(UfwTree.USER_RULES, current.rulesFile(false, stock.options()).render());
    files.put(UfwTree.USER6_RULES, current.rulesFile(true, stock.options()).render());
    UfwTree tree = UfwTree.from(files, services);
    if (tree.rules().ipv4Rules().size() != v4.size()) {
      throw new IllegalStateException("user.rules did not read back");
    }
    actual = new HostState(tree, services, true, Optional.empty(), ImmutableMap.of());
    int changes = Plan.of(desired, actual).steps().size();
    if (changes == 0) {
      throw new IllegalStateException("the plan is empty: the benchmark plans nothing");
    }
  }

  /** Rule {@code i}: distinct for every {@code i} below 65,536 × 4. */
  static List<String> argv(int i) {
    int a = i & 0xff;
    int b = (i >> 8) & 0xff;
    return switch (i % 8) {
      case 0, 1, 2, 3 -> List.of("deny", "from", "203." + b + "." + a + "." + (i % 4 + 1));
      case 4 -> List.of("deny", "from", "2001:db8:" + Integer.toHexString(i) + "::/48");
      case 5 -> List.of("deny", "from", "10." + b + "." + a + ".0/24");
      case 6 -> List.of("allow", (1024 + i) + "/tcp");
      default ->
          List.of(
              "allow",
              "from",
              "192.168." + (i % 256) + ".0/24",
              "to",
              "any",
              "port",
              String.valueOf(1024 + i),
              "proto",
              "tcp");
    };
  }

  @Benchmark
  public Plan plan() {
    return Plan.of(desired, actual);
  }
}
