package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.RecordingExecutor;
import dev.hostguard.testing.UfwDataDir;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans computed on ufw's stock tree (copied from this machine), without running anything. */
class PlanTest {
  static final ServicesDatabase SERVICES =
      ServicesDatabase.builder()
          .add("ssh", 22, "tcp")
          .add("domain", 53, "tcp")
          .add("domain", 53, "udp")
          .add("http", 80, "tcp")
          .add("https", 443, "tcp")
          .add("ftp", 21, "tcp")
          .add("whois", 43, "tcp")
          .build();

  @TempDir Path tmp;

  static UfwRule rule(String... words) {
    UfwCommand c = UfwRuleParser.of(SERVICES).parse(List.of(words));
    return ((UfwCommand.RuleChange) c).rule();
  }

  /** The chapter's ufw part: policies and rules in order, as the seed's commands. */
  static DesiredState seedUfw() {
    return DesiredState.builder()
        .outgoingPolicy(UfwPolicy.DENY)
        .incomingPolicy(UfwPolicy.DENY)
        .addRules(rule("limit", "in", "ssh", "comment", "allow SSH connections in"))
        .addRules(rule("allow", "out", "53", "comment", "allow DNS calls out"))
        .addRules(rule("allow", "out", "123", "comment", "allow NTP out"))
        .addRules(rule("allow", "out", "http", "comment", "allow HTTP traffic out"))
        .build();
  }

  private HostFiles stock() throws Exception {
    Path root = UfwDataDir.createStock(tmp.resolve("root"));
    Files.writeString(root.resolve("etc/services"), "ssh 22/tcp\nhttp 80/tcp\n", UTF_8);
    return HostFiles.local().withRoot(root);
  }

  static List<String> commands(Plan plan) {
    List<String> out = new ArrayList<>();
    for (PlanStep s : plan.steps()) {
      out.add(s.description());
    }
    return out;
  }

  @Test
  void theSeedChaptersUfwCommandsOnAStockTree() throws Exception {
    HostFiles files = stock();
    HostState actual = HostState.read(files, seedUfw());
    Plan plan = Plan.of(seedUfw(), actual);
    // stock incoming is already deny: the chapter's second default changes nothing
    assertThat(commands(plan))
        .containsExactly(
            "ufw default deny outgoing",
            "ufw limit 22/tcp comment allow SSH connections in",
            "ufw allow out 53 comment allow DNS calls out",
            "ufw allow out 123 comment allow NTP out",
            "ufw allow out 80/tcp comment allow HTTP traffic out");
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.usesBulkPath()).isFalse();
    assertThat(((PlanStep.RunCommand) plan.steps().get(1)).argv())
        .containsExactly("ufw", "limit", "22/tcp", "comment", "allow SSH connections in");
  }

  /**
   * The plan knows the firewall it leaves, so the lock-out guard judges it before anything runs:
   * enabling ufw with default deny incoming and no SSH rule would cut the operator off (the policy
   * is named); with the chapter's {@code limit ssh} it would not; a plan read back from JSON does
   * not know (empty).
   */
  @Test
  void theGuardJudgesTheFirewallAPlanLeaves() throws Exception {
    HostFiles files = stock();
    DesiredState noSsh =
        DesiredState.builder()
            .incomingPolicy(UfwPolicy.DENY)
            .ufwEnabled(true)
            .addRules(rule("allow", "80/tcp"))
            .build();
    Plan risky = Plan.of(noSsh, HostState.read(files, noSsh));
    assertThat(risky.firewallAfter()).hasValueSatisfying(f -> assertThat(f.enabled()).isTrue());
    Optional<LockoutRisk> risk = risky.lockoutRisk(SshAccess.onPort(22));
    assertThat(risk).isPresent();
    assertThat(risk.get().message()).contains("default");

    DesiredState seed = seedUfw().withUfwEnabled(true);
    Plan safe = Plan.of(seed, HostState.read(files, seed));
    assertThat(safe.lockoutRisk(SshAccess.onPort(22))).isEmpty();
    // the same desired state with ssh on another port: 2222 is not let in
    assertThat(safe.lockoutRisk(SshAccess.onPort(2222))).isPresent();

    Plan readBack = Plan.fromJson(risky.toJson());
    assertThat(readBack).isEqualTo(risky);
    assertThat(readBack.firewallAfter()).isEmpty();
    assertThat(readBack.lockoutRisk(SshAccess.onPort(22))).isEmpty();
  }

  private HostFiles withRules(String... commands) throws Exception {
    HostFiles files = stock();
    dev.hostguard.ufw.UfwTree tree = HostTrees.ufw(files, SERVICES);
    dev.hostguard.ufw.UfwRuleSet set = tree.rules();
    for (String c : commands) {
      set = set.add(rule(c.split(" "))).after();
    }
    Path root = tmp.resolve("root");
    Files.writeString(
        root.resolve("etc/ufw/user.rules"), set.rulesFile(false, tree.options()).render(), UTF_8);
    Files.writeString(
        root.resolve("etc/ufw/user6.rules"), set.rulesFile(true, tree.options()).render(), UTF_8);
    return files;
  }

  @Test
  void rulesNotDesiredAreReportedAndKeptUnlessOwned() throws Exception {
    HostFiles files = withRules("allow 8080/tcp", "allow 22/tcp");
    DesiredState kept = DesiredState.builder().addRules(rule("allow", "22/tcp")).build();
    Plan plan = Plan.of(kept, HostState.read(files, kept));
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unmanagedRules()).containsExactly("allow 8080/tcp");
    DesiredState owned = kept.withOwnsRules(true);
    assertThat(commands(Plan.of(owned, HostState.read(files, owned))))
        .containsExactly("ufw delete allow 8080/tcp");
  }

  @Test
  void aRuleOutOfOrderIsDeletedAndAddedAgainInPlace() throws Exception {
    HostFiles files = withRules("allow 22/tcp", "allow 80/tcp", "allow 443/tcp");
    DesiredState d =
        DesiredState.builder()
            .ownsRules(true)
            .addRules(rule("allow", "80/tcp"), rule("allow", "22/tcp"), rule("allow", "443/tcp"))
            .build();
    // ufw numbers 22, 80, 443, then their v6 twins 4-6: 22 is moved before 443 (rule 2 then)
    assertThat(commands(Plan.of(d, HostState.read(files, d))))
        .containsExactly("ufw delete allow 22/tcp", "ufw insert 2 allow 22/tcp");
  }

  @Test
  void theBulkPathWritesWhatTheCommandsReach() throws Exception {
    HostFiles files =
        withRules("deny from 192.0.2.9", "allow 22/tcp", "allow 80/tcp", "allow 8080/tcp");
    DesiredState d =
        DesiredState.builder()
            .addRules(rule("allow", "80/tcp"), rule("allow", "443/tcp"), rule("allow", "22/tcp"))
            .build();
    HostState actual = HostState.read(files, d);
    Plan commands = Plan.of(d, actual, PlanOptions.neverBulk());
    assertThat(commands.usesBulkPath()).isFalse();
    dev.hostguard.ufw.UfwRuleSet reached = actual.ufw().rules();
    UfwRuleParser parser = UfwRuleParser.of(SERVICES);
    for (PlanStep s : commands.steps()) {
      List<String> argv = ((PlanStep.RunCommand) s).argv();
      reached = reached.apply(parser.parse(argv.subList(1, argv.size()))).after();
    }
    Plan bulk = Plan.of(d, actual, PlanOptions.defaults().withAlwaysBulk(true));
    assertThat(bulk.usesBulkPath()).isTrue();
    String userRules =
        new String(((PlanStep.WriteFile) bulk.steps().get(0)).change().after(), UTF_8);
    String user6Rules =
        new String(((PlanStep.WriteFile) bulk.steps().get(1)).change().after(), UTF_8);
    assertThat(dev.hostguard.ufw.UserRulesFile.parse("user.rules", userRules).rules())
        .isEqualTo(reached.ipv4Rules());
    assertThat(dev.hostguard.ufw.UserRulesFile.parse("user6.rules", user6Rules).rules())
        .isEqualTo(reached.ipv6Rules());
    assertThat(reached.ipv4Rules().get(0).source()).isEqualTo("192.0.2.9");
  }

  @Test
  void checkModeChangesNothing() throws Exception {
    HostFiles files = stock();
    Path root = tmp.resolve("root");
    String before = Files.readString(root.resolve("etc/ufw/before.rules"), UTF_8);
    DesiredState d = seedUfw().withPsadLogging(true);
    Plan plan = Plan.of(d, HostState.read(files, d));
    assertThat(plan.hasChanges()).isTrue();
    assertThat(Files.readString(root.resolve("etc/ufw/before.rules"), UTF_8)).isEqualTo(before);
    try (var s = Files.list(root.resolve("etc/ufw"))) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("COPY"));
    }
  }

  @Test
  void bulkPathWritesTheRulesFilesAndRestoresThemAsUfwDoes() throws Exception {
    HostFiles files = stock();
    DesiredState.Builder b = DesiredState.builder();
    for (int i = 1; i <= 5; i++) {
      b.addRules(rule("deny", "from", "198.51.100." + i));
    }
    DesiredState d = b.build();
    Plan plan =
        Plan.of(
            d,
            HostState.read(files, d).withUfwEnabled(true),
            PlanOptions.defaults().withBulkThreshold(4));
    assertThat(plan.usesBulkPath()).isTrue();
    assertThat(commands(plan))
        .containsExactly(
            "write /etc/ufw/user.rules",
            "write /etc/ufw/user6.rules",
            "iptables-restore -n /etc/ufw/user.rules",
            "ip6tables-restore -n /etc/ufw/user6.rules");
    String userRules =
        new String(((PlanStep.WriteFile) plan.steps().get(0)).change().after(), UTF_8);
    assertThat(userRules)
        .contains("### tuple ### deny any any 0.0.0.0/0 any 198.51.100.5 in\n")
        .contains("-A ufw-user-input -s 198.51.100.1 -j DROP\n");
    // IPv4 sources: nothing goes to user6.rules, which keeps its text
    Plan commandPlan = Plan.of(d, HostState.read(files, d), PlanOptions.neverBulk());
    assertThat(commands(commandPlan)).hasSize(5).allMatch(c -> c.startsWith("ufw deny from "));
  }

  @Test
  void bulkPathRestoresOnlyTheIpv4RulesWhenIpv6IsOff() throws Exception {
    HostFiles files = stock();
    Path root = tmp.resolve("root");
    Path defaults = root.resolve("etc/default/ufw");
    Files.writeString(
        defaults, Files.readString(defaults, UTF_8).replace("IPV6=yes", "IPV6=no"), UTF_8);
    DesiredState d = DesiredState.builder().addRules(rule("deny", "from", "198.51.100.7")).build();
    Plan plan =
        Plan.of(
            d,
            HostState.read(files, d).withUfwEnabled(true),
            PlanOptions.defaults().withAlwaysBulk(true));
    assertThat(commands(plan))
        .containsExactly(
            "write /etc/ufw/user.rules",
            "write /etc/ufw/user6.rules",
            "iptables-restore -n /etc/ufw/user.rules");
  }

  @Test
  void bulkPathReloadsUfwWhenMoreThanTheRulesFilesChange() throws Exception {
    HostFiles files = stock();
    DesiredState d =
        DesiredState.builder()
            .incomingPolicy(UfwPolicy.REJECT)
            .addRules(rule("deny", "from", "198.51.100.7"))
            .build();
    Plan plan =
        Plan.of(
            d,
            HostState.read(files, d).withUfwEnabled(true),
            PlanOptions.defaults().withAlwaysBulk(true));
    assertThat(commands(plan))
        .containsExactly(
            "write /etc/default/ufw",
            "write /etc/ufw/user.rules",
            "write /etc/ufw/user6.rules",
            "ufw reload");
  }

  @Test
  void bulkPathOnADisabledUfwOnlyWritesTheFiles() throws Exception {
    HostFiles files = stock();
    DesiredState d = DesiredState.builder().addRules(rule("deny", "from", "198.51.100.7")).build();
    Plan plan = Plan.of(d, HostState.read(files, d), PlanOptions.defaults().withAlwaysBulk(true));
    assertThat(commands(plan))
        .containsExactly("write /etc/ufw/user.rules", "write /etc/ufw/user6.rules");
  }

  @Test
  void applyStopsAtTheFirstFailureAndLeavesLaterFilesUntouched() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("t"));
    Files.writeString(dir.resolve("a"), "a0\n", UTF_8);
    Files.writeString(dir.resolve("b"), "b0\n", UTF_8);
    HostFiles files = HostFiles.local();
    Plan plan =
        Plan.of(
            List.of(
                new PlanStep.WriteFile(
                    FileChange.planned(files, dir.resolve("a"), "a1\n".getBytes(UTF_8))),
                new PlanStep.RunCommand(
                    com.google.common.collect.ImmutableList.of("ufw", "reload")),
                new PlanStep.WriteFile(
                    FileChange.planned(files, dir.resolve("b"), "b1\n".getBytes(UTF_8)))),
            List.of(),
            false);
    RecordingExecutor executor =
        RecordingExecutor.builder()
            .respond(List.of("ufw", "reload"), 1, "", "ERROR: problem running ufw-init\n")
            .build();
    ApplyResult r = plan.apply(executor, files);
    assertThat(r.isComplete()).isFalse();
    assertThat(r.outcomes())
        .extracting(o -> o.status().word())
        .containsExactly("done", "failed", "not-run");
    assertThat(r.failure().orElseThrow().error().orElseThrow())
        .contains("[ufw, reload] exited 1")
        .contains("ERROR: problem running ufw-init");
    assertThat(r.done()).containsExactly(plan.steps().get(0));
    assertThat(r.notRun()).containsExactly(plan.steps().get(2));
    assertThat(r.outcomes().get(0).backup()).isPresent();
    assertThat(Files.readString(dir.resolve("a"), UTF_8)).isEqualTo("a1\n");
    assertThat(Files.readString(dir.resolve("b"), UTF_8)).isEqualTo("b0\n");
    assertThat(ApplyResult.fromJson(r.toJson())).isEqualTo(r);
  }

  @Test
  void fail2banOverridesGoToLocalFilesOnly() throws Exception {
    HostFiles files = stock();
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("etc/fail2ban/jail.d"));
    Files.writeString(
        root.resolve("etc/fail2ban/jail.local"), "[DEFAULT]\nmta = sendmail\n", UTF_8);
    DesiredState d =
        DesiredState.builder()
            .addFail2banOverrides(
                new Fail2banOverride(Path.of("jail.local"), "DEFAULT", "mta", "mail"))
            .addFail2banOverrides(
                new Fail2banOverride(Path.of("jail.d/ssh.local"), "sshd", "enabled", "true"))
            .addFail2banOverrides(
                new Fail2banOverride(Path.of("jail.d/ssh.local"), "sshd", "maxretry", "5"))
            .build();
    Plan plan = Plan.of(d, HostState.read(files, d));
    assertThat(commands(plan))
        .containsExactly("write /etc/fail2ban/jail.local", "create /etc/fail2ban/jail.d/ssh.local");
    assertThat(((PlanStep.WriteFile) plan.steps().get(0)).change().unifiedDiff())
        .contains("-mta = sendmail\n+mta = mail\n");
    ApplyResult r = plan.apply(RecordingExecutor.builder().build(), files);
    assertThat(r.isComplete()).isTrue();
    assertThat(Files.readString(root.resolve("etc/fail2ban/jail.d/ssh.local"), UTF_8))
        .isEqualTo("[sshd]\nenabled = true\nmaxretry = 5\n");
    assertThat(Plan.of(d, HostState.read(files, d)).isEmpty()).isTrue();
  }

  @Test
  void aShippedConfFileIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Fail2banOverride(Path.of("jail.conf"), "sshd", "enabled", "true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jail.local or jail.d/NAME.local");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Fail2banOverride(Path.of("jail.d/x.conf"), "sshd", "enabled", "true"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
