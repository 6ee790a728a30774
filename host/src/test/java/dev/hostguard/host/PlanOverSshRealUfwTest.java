package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.SshExecutor;
import dev.hostguard.exec.SudoExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.SshdSandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same desired state applied to two namespaces with a real, enabled ufw each: one through the
 * local executor (nsenter), one over ssh as an unprivileged user with sudo (the exec module's
 * {@link SshExecutor} and {@link SudoExecutor}, files through {@link HostFiles#over}). Both end
 * with byte-identical ufw files, and a plan read back over ssh is empty. N = 1 desired state of 5
 * rules, a profile and psad's LOG lines; about 30 s here.
 */
@RequiresRealTool(
    value = {
      RealTool.UFW,
      RealTool.UNSHARE,
      RealTool.NSENTER,
      RealTool.IP,
      RealTool.SSHD,
      RealTool.SUDO
    },
    root = true)
class PlanOverSshRealUfwTest {
  private static final List<String> FILES =
      List.of(
          "etc/ufw/user.rules",
          "etc/ufw/user6.rules",
          "etc/ufw/before.rules",
          "etc/ufw/before6.rules",
          "etc/ufw/after.rules",
          "etc/ufw/ufw.conf",
          "etc/default/ufw",
          "etc/ufw/applications.d/plexmediaserver");

  @TempDir Path tmp;

  @Test
  void localAndSshSudoGiveIdenticalFiles() throws Exception {
    DesiredState d =
        DesiredState.builder()
            .from(PlanTest.seedUfw())
            .psadLogging(true)
            .putAppProfiles(
                "plexmediaserver",
                "[PlexMediaServer]\ntitle=Plex Media Server\ndescription=Plex\n"
                    + "ports=32469/tcp|32413/udp|1900/udp|32400/tcp\n")
            .addRules(PlanTest.rule("allow", "PlexMediaServer"))
            .build();
    try (UfwTestHost local = new UfwTestHost(tmp.resolve("local"));
        UfwTestHost remote = new UfwTestHost(tmp.resolve("remote"));
        SshdSandbox sshd =
            SshdSandbox.builder()
                .in(remote.ns)
                .loginUser("hgsudo", "/bin/sh")
                .sudoersDropIn("hgsudo ALL=(root) NOPASSWD: ALL\n")
                .build();
        SshExecutor ssh = sshd.ssh("hgsudo").build()) {
      CommandExecutor sudo = new SudoExecutor(ssh);
      apply(d, local.executor());
      apply(d, sudo);
      HostFiles overSsh = HostFiles.over(sudo);
      assertThat(Plan.of(d, HostState.read(overSsh, d)).steps()).isEmpty();
      for (String f : FILES) {
        assertThat(remote.file(f)).as(f).isEqualTo(local.file(f));
      }
      assertThat(remote.file("etc/ufw/user.rules")).contains("dport 32400");
      assertThat(remote.run("ufw", "status", "numbered"))
          .isEqualTo(local.run("ufw", "status", "numbered"));
    }
  }

  private static void apply(DesiredState d, CommandExecutor executor) {
    HostFiles files = HostFiles.over(executor);
    Plan plan = Plan.of(d, HostState.read(files, d));
    ApplyResult r = plan.apply(executor, files);
    assertThat(r.failure()).as(r.toJson()).isEmpty();
  }
}
