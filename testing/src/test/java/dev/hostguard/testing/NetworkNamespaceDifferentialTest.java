package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link NetworkNamespace} and {@link NamespaceExecutor} against the real kernel; N=1 each. */
@RequiresRealTool(
    value = {RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
    root = true)
@Timeout(60)
class NetworkNamespaceDifferentialTest {

  @Test
  @DisplayName("inside: only an up loopback; tmpfs mounts stay inside; close kills everything; N=1")
  void namespaceIsPrivateAndClosesCleanly() throws Exception {
    long pid;
    NetworkNamespace ns = NetworkNamespace.create();
    try {
      pid = ns.pid();
      String links = ns.run("ip", "-o", "link").stdout();
      assertThat(links.lines()).hasSize(1);
      assertThat(links).contains(": lo: ").contains("UP");
      Path dir = Files.createTempDirectory("hostguard-ns-test");
      try {
        ns.mountTmpfs(dir);
        ns.run("touch", dir.resolve("inside-only").toString());
        assertThat(ns.run("ls", dir.toString()).stdout()).isEqualTo("inside-only\n");
        try (var s = Files.list(dir)) {
          assertThat(s).isEmpty(); // the host sees the directory, not the tmpfs
        }
      } finally {
        ns.run("umount", dir.toString());
        Files.delete(dir);
      }
      assertThat(ns.processes()).containsExactly(pid);
    } finally {
      ns.close();
    }
    assertThat(ProcessHandle.of(pid)).isEmpty();
  }

  @Test
  @DisplayName("NamespaceExecutor keeps environment, working directory and stdin; N=2")
  void executorPassesEverythingThrough() {
    try (NetworkNamespace ns = NetworkNamespace.create()) {
      Command c =
          Command.builder()
              .args(List.of("sh", "-c", "printf '%s|%s|' \"$HG_NS\" \"$PWD\"; cat"))
              .putEnv("HG_NS", "v")
              .workingDirectory(Path.of("/usr/share"))
              .stdin("in".getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .build();
      for (var executor :
          List.of(ns.executor(), NamespaceExecutor.network(ns.pid(), LocalExecutor.create()))) {
        CommandResult r = executor.execute(c);
        assertThat(r.stdout()).isEqualTo("v|/usr/share|in");
        assertThat(r.executor()).contains(" namespace of " + ns.pid());
      }
    }
  }

  @Test
  @DisplayName("link: a veth pair, addresses up, ICMP errors not rate-limited on either side; N=1")
  void linkJoinsTwoNamespaces() {
    try (NetworkNamespace a = NetworkNamespace.create();
        NetworkNamespace b = NetworkNamespace.create()) {
      String v4 = "net.ipv4.icmp_ratelimit";
      String v6 = "net.ipv6.icmp.ratelimit";
      // kernel defaults: 1000 ms (v4) and 1000 or 100 ms (v6), never 0
      assertThat(a.run("sysctl", "-n", v4, v6).stdout().lines()).doesNotContain("0");
      a.link(b, List.of("192.0.2.1/24", "2001:db8::1/64"), List.of("192.0.2.2/24"));
      for (NetworkNamespace ns : List.of(a, b)) {
        assertThat(ns.run("sysctl", "-n", v4, v6).stdout()).isEqualTo("0\n0\n");
      }
      assertThat(a.run("ip", "-o", "addr", "show", "dev", NetworkNamespace.LINK_HERE).stdout())
          .contains("inet 192.0.2.1/24")
          .contains("inet6 2001:db8::1/64");
      assertThat(b.run("ip", "-o", "addr", "show", "dev", NetworkNamespace.LINK_THERE).stdout())
          .contains("inet 192.0.2.2/24");
    }
  }
}
