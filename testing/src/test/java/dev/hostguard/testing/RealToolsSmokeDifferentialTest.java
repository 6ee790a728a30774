package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invokes each real tool once through the harness and checks what it prints. */
class RealToolsSmokeDifferentialTest {

  @Test
  @RequiresRealTool(RealTool.UFW)
  void ufwDryRunPrintsTheWouldBeUserRules(@TempDir Path tmp) {
    Path dir = UfwDataDir.createStock(tmp);
    CommandResult r = RealTools.ufwDryRun(dir, List.of("allow", "22/tcp"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .contains("### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in\n")
        .contains("-A ufw-user-input -p tcp --dport 22 -j ACCEPT\n")
        .contains("### tuple ### allow tcp 22 ::/0 any ::/0 in\n")
        .endsWith("Rules updated\nRules updated (v6)\n");
  }

  @Test
  @RequiresRealTool(RealTool.UFW)
  void ufwDryRunRefusesABadPort(@TempDir Path tmp) {
    CommandResult r = RealTools.ufwDryRun(UfwDataDir.createStock(tmp), List.of("allow", "99999"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("ERROR: Bad port");
  }

  @Test
  @RequiresRealTool(RealTool.FAIL2BAN_CLIENT)
  void fail2banDumpsTheStockConfigurationAsPythonLists() {
    CommandResult r = RealTools.fail2banDump(Path.of("/etc/fail2ban"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("['set', 'loglevel', 'INFO']\n");
    assertThat(r.stdout().lines()).allMatch(l -> l.startsWith("['"));
  }

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void psadDumpsItsConfig() {
    CommandResult r = RealTools.psadDump(Path.of("/etc/psad/psad.conf"));
    assertThat(r.stdout())
        .contains("[+] Dumping psad config from: /etc/psad/psad.conf\n")
        .contains("[+] Command paths:");
    assertThat(r.stdout()).containsPattern("(?m)^ +ENABLE_AUTO_IDS +N$");
  }

  @Test
  @RequiresRealTool(
      value = {RealTool.UFW, RealTool.UNSHARE},
      root = true)
  void sandboxRunsAnEnabledUfwPrivately() {
    List<CommandResult> r =
        UfwSandbox.builder()
            .build()
            .run(
                List.of(
                    List.of("--force", "enable"),
                    List.of("limit", "in", "ssh", "comment", "allow SSH connections in"),
                    List.of("status"),
                    List.of("status", "numbered")));
    assertThat(r).hasSize(4);
    assertThat(r.get(0).stdout()).contains("Firewall is active and enabled on system startup");
    assertThat(r.get(1).stdout()).isEqualTo("Rule added\nRule added (v6)\n");
    assertThat(r.get(2).stdout())
        .startsWith("Status: active\n\nTo                         Action      From\n")
        .contains("22/tcp                     LIMIT       Anywhere                   # allow SSH");
    assertThat(r.get(3).stdout()).contains("[ 1] 22/tcp                     LIMIT IN    Anywhere");
  }

  @Test
  @RequiresRealTool(
      value = {RealTool.UFW, RealTool.UNSHARE},
      root = true)
  void sandboxReturnsTheFilesUfwWrote() {
    UfwSandbox.Run run =
        UfwSandbox.builder()
            .applicationProfile("hostguard-test", "[HG]\ntitle=t\ndescription=d\nports=4242/tcp\n")
            .build()
            .runCollecting(List.of(List.of("allow", "HG")));
    assertThat(run.results()).singleElement().satisfies(r -> assertThat(r.exitCode()).isZero());
    assertThat(run.etcUfwFiles().get("user.rules"))
        .contains("### tuple ### allow tcp 4242 0.0.0.0/0 any 0.0.0.0/0 HG - in\n");
    assertThat(run.etcUfwFiles().get("user6.rules")).contains("### tuple ### allow tcp 4242 ::/0");
    assertThat(run.defaultUfw()).contains("IPV6=yes").contains("IPT_MODULES=\"\"");
    assertThat(run.etcUfwFiles())
        .containsKeys("ufw.conf", "before.rules", "applications.d/hostguard-test");
  }

  @Test
  @RequiresRealTool(
      value = {RealTool.UFW, RealTool.UNSHARE},
      root = true)
  void sandboxStartsFreshEachRun() {
    UfwSandbox sandbox = UfwSandbox.builder().build();
    sandbox.run(List.of(List.of("--force", "enable"), List.of("allow", "80/tcp")));
    List<CommandResult> second = sandbox.run(List.of(List.of("status")));
    assertThat(second.get(0).stdout()).isEqualTo("Status: inactive\n");
  }
}
