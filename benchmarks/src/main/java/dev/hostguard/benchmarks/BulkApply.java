package dev.hostguard.benchmarks;

import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.host.ApplyResult;
import dev.hostguard.host.DesiredState;
import dev.hostguard.host.HostFiles;
import dev.hostguard.host.HostState;
import dev.hostguard.host.Plan;
import dev.hostguard.host.PlanOptions;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwRuleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bulk path of {@code scripts/bench-bulk-apply}: reads one address a line, plans {@code deny
 * from ADDR} for each on this machine's ufw (which must run in a private namespace) through the
 * bulk path, applies it and prints what it did. Not a library example: the script's timing body.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.hostguard.benchmarks.BulkApply /tmp/addresses
 * }</pre>
 */
public final class BulkApply {
  private BulkApply() {}

  /** {@code BulkApply ADDRESS_FILE}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BulkApply ADDRESS_FILE");
      System.exit(2);
    }
    UfwRuleParser parser = UfwRuleParser.fromHost();
    DesiredState.Builder b = DesiredState.builder();
    for (String addr : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (!addr.isBlank()) {
        b.addRules(((UfwCommand.RuleChange) parser.parse(List.of("deny", "from", addr))).rule());
      }
    }
    DesiredState desired = b.build();
    HostFiles files = HostFiles.local();
    Plan plan =
        Plan.of(
            desired, HostState.read(files, desired), PlanOptions.defaults().withAlwaysBulk(true));
    ApplyResult r = plan.apply(LocalExecutor.create(), files);
    for (var o : r.outcomes()) {
      System.out.println(o.status().word() + ": " + o.step().description());
    }
    if (!r.isComplete()) {
      System.err.println(r.failure().flatMap(o -> o.error()).orElse("not complete"));
      System.exit(1);
    }
  }
}
