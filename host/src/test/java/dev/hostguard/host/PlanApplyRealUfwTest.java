package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.ufw.UfwLogLevel;
import dev.hostguard.ufw.UfwPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ufw 0.36.2, enabled in a private namespace, as the oracle for plans: after applying a
 * plan (through the namespace's executor, files through {@link HostFiles#over} that executor), a
 * plan computed from what the host then holds is empty, and {@code ufw status numbered} shows the
 * desired order. Covers defaults, logging, v6 twins, psad's LOG lines, a reordering, a v4-only and
 * a v6-only rule, and deletes under ownership. Bulk and one-command-per-rule give the same files
 * and status (N = 50 rules). Runs in about a minute here.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
    root = true)
class PlanApplyRealUfwTest {
  @TempDir Path tmp;

  private static Plan planOn(UfwTestHost host, HostFiles files, DesiredState d, PlanOptions o) {
    return Plan.of(d, HostState.read(files, d).withUfwEnabled(true), o);
  }

  private static void applyAll(UfwTestHost host, HostFiles files, Plan plan) {
    ApplyResult r = plan.apply(host.executor(), files);
    assertThat(r.failure()).as(r.toJson()).isEmpty();
    assertThat(r.isComplete()).isTrue();
  }

  private static void assertInOrder(String text, String... parts) {
    int at = -1;
    for (String p : parts) {
      int i = text.indexOf(p, at + 1);
      assertThat(i).as("'" + p + "' after position " + at + " in\n" + text).isGreaterThan(at);
      at = i;
    }
  }

  @Test
  void planApplyPlanAgainIsEmpty() throws Exception {
    long start = System.nanoTime();
    try (UfwTestHost host = new UfwTestHost(tmp)) {
      HostFiles files = HostFiles.over(host.executor());
      DesiredState first =
          DesiredState.builder()
              .from(PlanTest.seedUfw())
              .logging(UfwLogLevel.MEDIUM)
              .psadLogging(true)
              .addRules(PlanTest.rule("allow", "8080/tcp"))
              .build();
      Plan p1 = planOn(host, files, first, PlanOptions.neverBulk());
      assertThat(p1.usesBulkPath()).isFalse();
      applyAll(host, files, p1);
      assertThat(planOn(host, files, first, PlanOptions.neverBulk()).steps()).isEmpty();
      assertThat(host.file("etc/ufw/before.rules"))
          .containsOnlyOnce("--log-prefix \"[IPTABLES] \"\n-A FORWARD");
      String status = host.run("ufw", "status", "verbose");
      assertThat(status)
          .contains("Logging: on (medium)")
          .contains("deny (incoming), deny (outgoing)");

      // reorder, delete (owned), a v4-only and a v6-only rule, another default
      DesiredState second =
          DesiredState.builder()
              .incomingPolicy(UfwPolicy.REJECT)
              .outgoingPolicy(UfwPolicy.DENY)
              .ownsRules(true)
              .addRules(PlanTest.rule("allow", "out", "http", "comment", "allow HTTP traffic out"))
              .addRules(PlanTest.rule("limit", "in", "ssh", "comment", "allow SSH connections in"))
              .addRules(PlanTest.rule("deny", "from", "203.0.113.7"))
              .addRules(PlanTest.rule("allow", "out", "53", "comment", "allow DNS calls out"))
              .addRules(
                  PlanTest.rule(
                      "allow", "from", "2001:db8::1", "to", "any", "port", "8443", "proto", "tcp"))
              .build();
      Plan p2 = planOn(host, files, second, PlanOptions.neverBulk());
      assertThat(p2.unmanagedRules())
          .contains("allow 8080/tcp", "allow out 123 comment 'allow NTP out'");
      applyAll(host, files, p2);
      Plan again = planOn(host, files, second, PlanOptions.neverBulk());
      assertThat(again.steps()).as(again.toString()).isEmpty();
      assertThat(again.unmanagedRules()).isEmpty();
      String numbered = host.run("ufw", "status", "numbered");
      assertInOrder(
          numbered,
          "[ 1] 80/tcp",
          "[ 2] 22/tcp",
          "[ 3] Anywhere ",
          "203.0.113.7",
          "[ 4] 53 ",
          "[ 5] 80/tcp (v6)",
          "[ 6] 22/tcp (v6)",
          "[ 7] 53 (v6)",
          "[ 8] 8443/tcp",
          "2001:db8::1");
      assertThat(numbered).doesNotContain("8080").doesNotContain("123");
      assertThat(host.run("ufw", "status", "verbose")).contains("reject (incoming)");
    }
    System.out.printf(
        "PlanApplyRealUfwTest.planApplyPlanAgainIsEmpty: %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  @Test
  void bulkPathAndOneCommandPerRuleGiveTheSameFirewall() throws Exception {
    int n = 50;
    long start = System.nanoTime();
    DesiredState.Builder b = DesiredState.builder().ownsRules(true);
    for (int i = 0; i < n; i++) {
      b.addRules(
          i % 5 == 4
              ? PlanTest.rule("deny", "from", "2001:db8::" + Integer.toHexString(i + 1))
              : PlanTest.rule("deny", "from", "198.51.100." + (i + 1)));
    }
    b.addRules(PlanTest.rule("limit", "in", "ssh", "comment", "allow SSH connections in"));
    DesiredState d = b.build();
    String[] status = new String[2];
    String[][] rules = new String[2][];
    int k = 0;
    for (PlanOptions o :
        List.of(PlanOptions.neverBulk(), PlanOptions.defaults().withAlwaysBulk(true))) {
      try (UfwTestHost host = new UfwTestHost(tmp.resolve("run" + k))) {
        HostFiles files = HostFiles.over(host.executor());
        Plan plan = planOn(host, files, d, o);
        assertThat(plan.usesBulkPath()).isEqualTo(o.alwaysBulk());
        applyAll(host, files, plan);
        assertThat(planOn(host, files, d, PlanOptions.neverBulk()).steps()).isEmpty();
        status[k] = host.run("ufw", "status", "numbered");
        rules[k] = new String[] {host.file("etc/ufw/user.rules"), host.file("etc/ufw/user6.rules")};
        assertThat(host.run("iptables", "-S", "ufw-user-input"))
            .contains("-s 198.51.100.49/32 -j DROP");
      }
      k++;
    }
    assertThat(status[1]).isEqualTo(status[0]);
    assertThat(rules[1]).isEqualTo(rules[0]);
    assertThat(status[0]).contains("[" + (n + 2) + "] 22/tcp (v6)");
    System.out.printf(
        "PlanApplyRealUfwTest.bulkPath N=%d: %.1f s%n", n, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The bulk path puts the rules files back into a running ufw the way ufw does after a rule change
   * ({@code iptables-restore -n} of each file), not with a {@code ufw reload}; the kernel must then
   * hold what a {@code ufw reload} of the same files gives. N = 9 rules before (6 commands), 9
   * after (6 desired), with logged, rate-limited and v6 rules among those removed, kept and added.
   * Runs in about 5 s here.
   */
  @Test
  void bulkRestoreLeavesTheKernelAsUfwReloadDoes() throws Exception {
    long start = System.nanoTime();
    try (UfwTestHost host = new UfwTestHost(tmp)) {
      for (String[] argv :
          List.of(
              new String[] {"ufw", "limit", "in", "ssh"},
              new String[] {"ufw", "allow", "log", "8080/tcp"},
              new String[] {"ufw", "deny", "log-all", "from", "2001:db8::9"},
              new String[] {"ufw", "allow", "out", "53"},
              new String[] {"ufw", "deny", "from", "198.51.100.1"},
              new String[] {"ufw", "deny", "from", "198.51.100.2"})) {
        host.run(argv);
      }
      HostFiles files = HostFiles.over(host.executor());
      DesiredState d =
          DesiredState.builder()
              .ownsRules(true)
              .addRules(PlanTest.rule("limit", "in", "ssh"))
              .addRules(PlanTest.rule("allow", "out", "53"))
              .addRules(PlanTest.rule("deny", "from", "198.51.100.2"))
              .addRules(PlanTest.rule("allow", "in", "on", "lo", "log", "to", "any", "port", "25"))
              .addRules(PlanTest.rule("reject", "log-all", "from", "2001:db8::5"))
              .addRules(PlanTest.rule("deny", "out", "to", "203.0.113.0/24"))
              .build();
      Plan plan = planOn(host, files, d, PlanOptions.defaults().withAlwaysBulk(true));
      assertThat(PlanTest.commands(plan))
          .containsExactly(
              "write /etc/ufw/user.rules",
              "write /etc/ufw/user6.rules",
              "iptables-restore -n /etc/ufw/user.rules",
              "ip6tables-restore -n /etc/ufw/user6.rules");
      applyAll(host, files, plan);
      String restored = kernelRules(host);
      assertThat(restored)
          .contains("-A ufw-user-logging-input")
          .contains("-s 198.51.100.2/32 -j DROP")
          .doesNotContain("198.51.100.1/32")
          .doesNotContain("8080")
          .doesNotContain("2001:db8::9");
      host.run("ufw", "reload");
      assertThat(restored).isEqualTo(kernelRules(host));
      assertThat(planOn(host, files, d, PlanOptions.neverBulk()).steps()).isEmpty();
    }
    System.out.printf(
        "PlanApplyRealUfwTest.bulkRestore: %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** {@code iptables-save} and {@code ip6tables-save} without their comments and counters. */
  private static String kernelRules(UfwTestHost host) {
    StringBuilder out = new StringBuilder();
    for (String tool : List.of("iptables-save", "ip6tables-save")) {
      for (String line : host.run(tool).split("\n", -1)) {
        if (!line.startsWith("#")) {
          out.append(line.replaceAll(" \\[[0-9]+:[0-9]+\\]$", "")).append('\n');
        }
      }
    }
    return out.toString();
  }
}
