package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.fail2ban.Fail2banConfig;
import dev.hostguard.fail2ban.Fail2banConfigSource;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadHost;
import dev.hostguard.testing.UfwDataDir;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees read through {@link HostFiles} (locally under a root, and through coreutils commands on a
 * {@link LocalExecutor}) agree with the models' own disk readers.
 */
class HostTreesTest {
  @TempDir Path tmp;

  private List<HostFiles> both(Path root) {
    return List.of(
        HostFiles.local().withRoot(root), HostFiles.over(LocalExecutor.create()).withRoot(root));
  }

  @Test
  void ufwTreeAgreesWithUfwTreeLoad() throws Exception {
    Path root = UfwDataDir.createStock(tmp.resolve("root"));
    Path apps = root.resolve("etc/ufw/applications.d");
    Files.writeString(
        apps.resolve("plex"), "[Plex]\ntitle=P\ndescription=P\nports=32400/tcp\n", UTF_8);
    Files.writeString(
        apps.resolve(".plex.hostguard-tmp"),
        "[Hidden]\ntitle=H\ndescription=H\nports=1/tcp\n",
        UTF_8);
    Files.writeString(
        root.resolve("etc/ufw/user.rules"),
        Files.readString(root.resolve("etc/ufw/user.rules"), UTF_8)
            .replace(
                "### RULES ###\n",
                "### RULES ###\n\n### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in\n"
                    + "-A ufw-user-input -p tcp --dport 22 -j ACCEPT\n"),
        UTF_8);
    ServicesDatabase services = ServicesDatabase.builder().add("ssh", 22, "tcp").build();
    UfwTree expected = UfwTree.load(root, services);
    for (HostFiles files : both(root)) {
      UfwTree tree = HostTrees.ufw(files, services);
      assertThat(tree.rules()).isEqualTo(expected.rules());
      assertThat(tree.rules().ipv4Rules()).hasSize(1);
      assertThat(tree.defaults()).isEqualTo(expected.defaults());
      assertThat(tree.conf()).isEqualTo(expected.conf());
      assertThat(tree.rules().applicationProfiles().byName())
          .containsKey("Plex")
          .doesNotContainKey("Hidden");
      assertThat(tree.files().get(HostTrees.BEFORE_RULES))
          .isEqualTo(Files.readString(root.resolve("etc/ufw/before.rules"), UTF_8));
      assertThat(tree.files()).containsKey(HostTrees.BEFORE6_RULES);
    }
  }

  @Test
  void psadTreeIsTheDocumentsPsadReads() throws Exception {
    Path conf = Path.of("/etc/psad/psad.conf");
    Assumptions.assumeTrue(Files.isReadable(conf), "psad is not installed");
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("etc/psad"));
    Files.copy(conf, root.resolve("etc/psad/psad.conf"));
    Files.writeString(root.resolve("etc/psad/auto_dl"), "192.0.2.7    5;\n", UTF_8);
    byte[] bytes = Files.readAllBytes(conf);
    for (HostFiles files : both(root)) {
      PsadTree t = HostTrees.psad(files);
      assertThat(t.conf()).isEqualTo(PsadConfDocument.parse("/etc/psad/psad.conf", bytes));
      assertThat(t.autoDl().orElseThrow().entries()).hasSize(1);
      assertThat(t.config(PsadHost.local()).values())
          .isEqualTo(
              PsadConfig.of(PsadConfDocument.parse("/etc/psad/psad.conf", bytes), PsadHost.local())
                  .values());
    }
  }

  @Test
  void fail2banConfigAgreesWithTheDiskSource() throws Exception {
    Path dir = Path.of("/etc/fail2ban");
    Assumptions.assumeTrue(Files.isDirectory(dir), "fail2ban is not installed");
    Fail2banConfig disk = Fail2banConfig.from(Fail2banConfigSource.directory(dir));
    for (HostFiles files : List.of(HostFiles.local(), HostFiles.over(LocalExecutor.create()))) {
      Fail2banConfig c = HostTrees.fail2ban(files, dir);
      assertThat(c.jailNames()).isEqualTo(disk.jailNames());
      assertThat(c.jail("sshd")).isEqualTo(disk.jail("sshd"));
      assertThat(c.enabledJails()).isEqualTo(disk.enabledJails());
    }
  }

  @Test
  void fail2banUnderARootReadsTheLocalOverrides() throws Exception {
    Path root = tmp.resolve("root");
    Path dir = Files.createDirectories(root.resolve("etc/fail2ban/jail.d"));
    Files.writeString(
        root.resolve("etc/fail2ban/jail.conf"),
        "[DEFAULT]\nbanaction = iptables\n\n[sshd]\nport = ssh\nlogpath = /var/log/auth.log\n",
        UTF_8);
    Files.writeString(root.resolve("etc/fail2ban/fail2ban.conf"), "[Definition]\n", UTF_8);
    Files.writeString(
        dir.resolve("ssh.local"), "[sshd]\nenabled = true\nbanaction = ufw\nmaxretry = 5\n", UTF_8);
    Files.writeString(dir.resolve("ignored.conf.bak"), "[sshd]\nmaxretry = 9\n", UTF_8);
    for (HostFiles files : both(root)) {
      Fail2banConfig c = HostTrees.fail2ban(files, Path.of("/etc/fail2ban"));
      assertThat(c.jailNames()).containsExactly("sshd");
      assertThat(c.jail("sshd").enabled()).isTrue();
      assertThat(c.jail("sshd").banAction()).contains("ufw");
    }
  }
}
