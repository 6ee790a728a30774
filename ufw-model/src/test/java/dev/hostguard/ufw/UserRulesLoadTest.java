package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules files a {@link UfwRuleSet} writes load for real: {@code iptables-restore} and {@code
 * ip6tables-restore} (not {@code --test}, which does not check that jump targets exist) inside a
 * private network namespace, so the host's firewall is never touched; and, read back, the kernel
 * holds exactly what it holds when the real ufw writes the same rules itself.
 */
@RequiresRealTool(
    value = {RealTool.UNSHARE, RealTool.IPTABLES_RESTORE, RealTool.IP6TABLES_RESTORE, RealTool.UFW},
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

  /**
   * The rules written by hostguard and enabled by the real ufw leave the kernel holding exactly
   * (same lines, same order, {@code iptables -S} and {@code ip6tables -S}) what the real ufw leaves
   * when it adds the same rules itself and reloads (its rate-limiting capability, found at run
   * time, decides both files' RATE LIMITING section). N = 3 rule sets, 12 rules, 2 sandbox runs
   * each.
   */
  @Test
  void loadedAndReadBackTheKernelHoldsWhatUfwsOwnRulesGive() {
    List<List<List<String>>> sets =
        List.of(
            List.of(List.of("limit", "in", "ssh", "comment", "allow SSH connections in")),
            List.of(
                List.of("allow", "80/tcp"),
                List.of("deny", "from", "10.0.0.0/8"),
                List.of("allow", "out", "53", "comment", "DNS \u00e9"),
                List.of("reject", "in", "on", "eth0", "to", "any", "port", "25"),
                List.of(
                    "allow", "from", "2001:db8::/32", "to", "any", "port", "443", "proto", "tcp"),
                List.of("deny", "out", "to", "192.0.2.0/24", "port", "1000:2000", "proto", "udp"),
                List.of("allow", "log", "22/tcp")),
            List.of(
                List.of("route", "allow", "in", "on", "eth0", "out", "on", "eth1"),
                List.of("route", "deny", "from", "198.51.100.7"),
                List.of("allow", "log-all", "from", "203.0.113.0/24", "to", "any", "port", "8080"),
                List.of("insert", "1", "deny", "from", "198.51.100.8")));
    for (List<List<String>> commands : sets) {
      List<List<String>> ufwOwn = new ArrayList<>();
      ufwOwn.add(List.of("--force", "enable"));
      ufwOwn.addAll(commands);
      // the commands change the running kernel one rule at a time; a reload makes it hold
      // exactly the files ufw wrote, which is what hostguard's files are compared with
      ufwOwn.add(List.of("reload"));
      UfwSandbox.Run theirs = UfwSandbox.builder().build().runCollecting(ufwOwn);
      theirs.results().forEach(r -> assertThat(r.exitCode()).as(r.stderr()).isZero());

      UfwRuleSet set = UfwRuleSet.empty();
      for (List<String> c : commands) {
        set = set.apply(PARSER.parse(c)).after();
      }
      // rate limiting is ufw's runtime capability (caps['limit']), found per run: write ours
      // with the capability the real ufw found
      UserRulesOptions caps =
          UserRulesOptions.builder()
              .rateLimitV4(rateLimiting(theirs, "user.rules"))
              .rateLimitV6(rateLimiting(theirs, "user6.rules"))
              .build();
      UfwSandbox.Run ours =
          UfwSandbox.builder()
              .etcUfwFile("user.rules", set.rulesFile(false, caps).render())
              .etcUfwFile("user6.rules", set.rulesFile(true, caps).render())
              .build()
              .runCollecting(List.of(List.of("--force", "enable")));
      assertThat(ours.results().get(0).exitCode()).as(ours.results().get(0).stderr()).isZero();
      assertThat(theirs.iptablesRules()).as("iptables -S of the real ufw").isNotEmpty();
      assertThat(ours.iptablesRules())
          .as("iptables -S, %s", commands)
          .isEqualTo(theirs.iptablesRules());
      assertThat(ours.ip6tablesRules())
          .as("ip6tables -S, %s", commands)
          .isEqualTo(theirs.ip6tablesRules());
    }
  }

  private static boolean rateLimiting(UfwSandbox.Run run, String file) {
    String text = run.etcUfwFiles().get(file);
    assertThat(text).as(file + " written by ufw").isNotNull();
    return text.contains("### RATE LIMITING ###");
  }
}
