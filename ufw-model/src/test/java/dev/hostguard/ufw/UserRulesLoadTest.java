package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules files a {@link UfwRuleSet} writes load for real: {@code iptables-restore} and {@code
 * ip6tables-restore} (not {@code --test}, which does not check that jump targets exist) inside a
 * private network namespace, so the host's firewall is never touched.
 */
@RequiresRealTool(
    value = {RealTool.UNSHARE, RealTool.IPTABLES_RESTORE, RealTool.IP6TABLES_RESTORE},
    root = true)
class UserRulesLoadTest {
  private static final UfwRuleParser PARSER =
      UfwRuleParser.of(ServicesDatabase.parse("services", "ssh 22/tcp\n"));

  @TempDir Path tmp;

  private static CommandResult load(RealTool restore, Path file) {
    return RealTools.run(
        Command.of(
            RealTool.UNSHARE.require().toString(),
            "--net",
            "--mount",
            "--propagation",
            "private",
            restore.require().toString(),
            file.toString()));
  }

  private void assertLoads(UfwRuleSet set, UserRulesOptions options) throws IOException {
    Path v4 = Files.writeString(tmp.resolve("user.rules"), set.rulesFile(false, options).render());
    Path v6 = Files.writeString(tmp.resolve("user6.rules"), set.rulesFile(true, options).render());
    CommandResult r4 = load(RealTool.IPTABLES_RESTORE, v4);
    assertThat(r4.exitCode()).as("iptables-restore: %s", r4.stderr()).isZero();
    CommandResult r6 = load(RealTool.IP6TABLES_RESTORE, v6);
    assertThat(r6.exitCode()).as("ip6tables-restore: %s", r6.stderr()).isZero();
  }

  @Test
  void aLimitRuleDeclaresItsChainsWhateverTheOptionsSay() throws IOException {
    UfwRuleSet set =
        UfwRuleSet.empty().apply(PARSER.parse(List.of("limit", "in", "22/tcp"))).after();
    assertThat(set.ipv6Rules()).extracting(UfwRule::action).containsExactly(UfwAction.LIMIT);
    UserRulesOptions stock = UserRulesOptions.stock();
    assertThat(stock.rateLimitV6()).isFalse();
    assertThat(set.rulesFile(true, stock).render()).contains(":ufw6-user-limit - [0:0]\n");
    assertLoads(set, stock);
    assertLoads(set, UserRulesOptions.builder().rateLimitV4(false).build());
  }

  @Test
  void everyLogLevelAndPolicyLoads() throws IOException {
    UfwRuleSet set = UfwRuleSet.empty().apply(PARSER.parse(List.of("allow", "ssh"))).after();
    for (UfwLogLevel level : UfwLogLevel.values()) {
      for (UfwPolicy p : List.of(UfwPolicy.ALLOW, UfwPolicy.DENY, UfwPolicy.REJECT)) {
        assertLoads(
            set,
            UserRulesOptions.builder()
                .logLevel(level)
                .inputPolicy(p)
                .outputPolicy(p)
                .forwardPolicy(p)
                .rateLimitV6(true)
                .build());
      }
    }
  }
}
