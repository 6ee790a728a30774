package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.hostguard.exec.RecordingExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where SshAccess.discover finds the port and the operator's address, in its order. */
class SshAccessTest {
  @TempDir Path root;

  private static final List<String> CONNECTION = List.of("printenv", "SSH_CONNECTION");
  private static final List<String> CLIENT = List.of("printenv", "SSH_CLIENT");
  private static final List<String> SSHD_T = List.of("sshd", "-T");

  @Test
  void theSessionsConnectionGivesAddressesPortAndInterface() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(CONNECTION, 0, "198.51.100.7 51234 192.0.2.10 2222\n")
            .respond(
                List.of("ip", "-o", "route", "get", "198.51.100.7"),
                0,
                "198.51.100.7 via 192.0.2.1 dev eth0 src 192.0.2.10 uid 0 \\    cache \n")
            .build();
    SshAccess a = SshAccess.discover(rec, HostFiles.local().withRoot(root));
    assertThat(a.ports()).containsExactly(2222);
    assertThat(a.source()).contains(InetAddresses.forString("198.51.100.7"));
    assertThat(a.destination()).contains(InetAddresses.forString("192.0.2.10"));
    assertThat(a.interfaceName()).contains("eth0");
    assertThat(a).hasToString("SSH on port 2222 from 198.51.100.7 to 192.0.2.10 on eth0");
    rec.verifyAllResponsesUsed();
  }

  @Test
  void sshClientServesWhenSshConnectionIsMissing() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(CONNECTION, 1, "")
            .respond(CLIENT, 0, "2001:db8::7 51234 22\n")
            .respond(List.of("ip", "-o", "route", "get", "2001:db8::7"), 2, "", "RTNETLINK\n")
            .build();
    SshAccess a = SshAccess.discover(rec, HostFiles.local().withRoot(root));
    assertThat(a)
        .isEqualTo(SshAccess.onPort(22).withSource(InetAddresses.forString("2001:db8::7")));
    rec.verifyAllResponsesUsed();
  }

  @Test
  void outsideASessionSshdTestGivesThePorts() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(CONNECTION, 1, "")
            .respond(CLIENT, 1, "")
            .respond(SSHD_T, 0, "port 22\nport 2200\naddressfamily any\nlistenaddress [::]:22\n")
            .build();
    SshAccess a = SshAccess.discover(rec, HostFiles.local().withRoot(root));
    assertThat(a.ports()).containsExactly(22, 2200);
    assertThat(a.source()).isEmpty();
    assertThat(a).hasToString("SSH on ports 22,2200 from anywhere");
  }

  @Test
  void withoutSshdTheConfigsPortLinesAndIncludesCount() throws Exception {
    Path etcSsh = Files.createDirectories(root.resolve("etc/ssh/sshd_config.d"));
    Files.writeString(
        root.resolve("etc/ssh/sshd_config"),
        """
        Include /etc/ssh/sshd_config.d/*.conf
          port 2022  # comment
        #Port 9
        Match User backup
        Port 8
        """,
        UTF_8);
    Files.writeString(etcSsh.resolve("b.conf"), "Port 2024\n", UTF_8);
    Files.writeString(etcSsh.resolve("a.conf"), "Port 2023\n", UTF_8);
    Files.writeString(etcSsh.resolve("c.disabled"), "Port 7\n", UTF_8);
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(CONNECTION, 1, "")
            .respond(CLIENT, 1, "")
            .failToStart(SSHD_T, "No such file or directory")
            .build();
    SshAccess a = SshAccess.discover(rec, HostFiles.local().withRoot(root));
    assertThat(a.ports()).containsExactly(2023, 2024, 2022);
  }

  @Test
  void nothingSaysSo22() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(CONNECTION, 1, "")
            .respond(CLIENT, 0, "garbage\n")
            .respond(SSHD_T, 1, "", "sshd: no hostkeys available -- exiting.\n")
            .build();
    assertThat(SshAccess.discover(rec, HostFiles.local().withRoot(root)))
        .isEqualTo(SshAccess.onPort(22));
  }
}
