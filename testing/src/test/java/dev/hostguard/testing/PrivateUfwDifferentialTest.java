package dev.hostguard.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link PrivateUfw} in a real namespace: what ufw sees inside, and what the host keeps; N=1. */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.NSENTER},
    root = true)
@Timeout(60)
class PrivateUfwDifferentialTest {
  @TempDir Path tmp;

  @Test
  @DisplayName("private /etc/ufw and /etc/default, IPV6 as asked, legacy iptables inside only; N=1")
  void filesAreMountedInsideOnly() throws Exception {
    String hostIptables = Files.readSymbolicLink(Path.of("/etc/alternatives/iptables")).toString();
    String hostDefaults = Files.readString(Path.of("/etc/default/ufw"), UTF_8);
    Path alternatives = tmp.resolve("alternatives");
    try (NetworkNamespace ns = NetworkNamespace.create();
        PrivateUfw ufw = PrivateUfw.install(ns, tmp, false, true)) {
      assertThat(ufw.etcUfw()).isEqualTo(ufw.dataDir().resolve("etc/ufw"));
      assertThat(ns.run("cat", "/etc/default/ufw").stdout())
          .contains("\nIPV6=no\n")
          .contains("\nIPT_MODULES=\"\"\n");
      assertThat(ns.run("cat", "/etc/ufw/sysctl.conf").stdout()).isEmpty();
      Files.writeString(ufw.etcUfw().resolve("marker"), "from the test\n", UTF_8);
      assertThat(ns.run("cat", "/etc/ufw/marker").stdout()).isEqualTo("from the test\n");
      assertThat(ns.run("readlink", "/etc/alternatives/iptables").stdout())
          .isEqualTo("/usr/sbin/iptables-legacy\n");
      assertThat(ns.run("readlink", "/etc/alternatives/ip6tables-restore").stdout())
          .isEqualTo("/usr/sbin/ip6tables-legacy-restore\n");
      // an atomic write inside renames over /etc/default/ufw: the directory is the mount
      ns.run("cp", "/etc/default/ufw", "/etc/default/ufw.new");
      ns.run("mv", "/etc/default/ufw.new", "/etc/default/ufw");
      assertThat(ufw.read("marker")).isEqualTo("from the test\n");
      assertThat(Files.readString(ufw.defaults(), UTF_8)).contains("\nIPV6=no\n");
      assertThat(alternatives).isDirectoryContaining(p -> p.endsWith("iptables"));
    }
    assertThat(Files.readSymbolicLink(Path.of("/etc/alternatives/iptables")).toString())
        .isEqualTo(hostIptables);
    assertThat(Files.readString(Path.of("/etc/default/ufw"), UTF_8)).isEqualTo(hostDefaults);
    try (var links = Files.list(alternatives)) {
      assertThat(links).isEmpty();
    }
  }

  @Test
  @DisplayName("inNewNamespace: close undoes the install, then ends the namespace it made; N=1")
  void ownNamespaceEndsOnClose() throws Exception {
    String hostDefaults = Files.readString(Path.of("/etc/default/ufw"), UTF_8);
    Path alternatives = tmp.resolve("alternatives");
    NetworkNamespace ns;
    try (PrivateUfw ufw = PrivateUfw.inNewNamespace(tmp, true)) {
      ns = ufw.namespace();
      assertThat(ns.processes()).contains(ns.pid());
      assertThat(ns.run("cat", "/etc/default/ufw").stdout()).contains("\nIPV6=yes\n");
      ns.run("ufw", "--force", "enable");
      assertThat(ns.run("ufw", "status").stdout()).startsWith("Status: active");
    }
    assertThat(ns.processes()).isEmpty();
    assertThat(ns.netNamespacePath()).doesNotExist();
    assertThat(Files.readString(Path.of("/etc/default/ufw"), UTF_8)).isEqualTo(hostDefaults);
    try (var links = Files.list(alternatives)) {
      assertThat(links).isEmpty();
    }
  }

  @Test
  @DisplayName("inNewNamespace: an install that fails ends the namespace it made; N=1")
  void failedInstallEndsItsNamespace() throws Exception {
    Path notADirectory = Files.writeString(tmp.resolve("work"), "a file\n", UTF_8);
    Set<Long> before = liveChildren();
    assertThatThrownBy(() -> PrivateUfw.inNewNamespace(notADirectory, true))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(liveChildren()).isSubsetOf(before);
  }

  /** This JVM's live child processes: a namespace's holder is one while the namespace lives. */
  private static Set<Long> liveChildren() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
