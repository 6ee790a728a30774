package dev.hostguard.fail2ban.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs of a real fail2ban-server (private socket, dummy action) parsed into typed values that
 * render back byte for byte.
 */
@RequiresRealTool({RealTool.FAIL2BAN_SERVER, RealTool.FAIL2BAN_CLIENT})
class ClientOutputRealServerDifferentialTest {
  @TempDir static Path tmp;
  private static Fail2banServerSandbox server;

  @BeforeAll
  static void start() throws Exception {
    server = Fail2banServerSandbox.start(tmp);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void statusListsBothJails() {
    CommandResult r = server.client("status");
    Fail2banStatus s = Fail2banStatus.parse("status", r.stdout());
    assertThat(s.jailCount()).isEqualTo(2);
    assertThat(s.jails()).containsExactly("other", "sshd");
    assertThat(s.render()).isEqualTo(r.stdout());
  }

  @Test
  void banAndUnbanCountsAndTheJailStatusFollow() {
    Fail2banClientReply banned =
        Fail2banClientReply.parse(
            "banip", server.client("set", "sshd", "banip", "192.0.2.10", "192.0.2.11").stdout());
    assertThat(banned).isEqualTo(new Fail2banClientReply.Count(2));
    CommandResult st = server.client("status", "sshd");
    JailStatus s = JailStatus.parse("status sshd", st.stdout());
    assertThat(s.render()).isEqualTo(st.stdout());
    assertThat(s.jail()).isEqualTo("sshd");
    assertThat(s.groups()).extracting(StatusGroup::name).containsExactly("Filter", "Actions");
    assertThat(s.currentlyBanned()).isEqualTo(2);
    assertThat(s.bannedIps()).containsExactlyInAnyOrder("192.0.2.10", "192.0.2.11");
    assertThat(s.fileList()).containsExactly(server.dir().resolve("auth.log").toString());
    CommandResult unban = server.client("set", "sshd", "unbanip", "192.0.2.10", "198.51.100.7");
    Fail2banClientReply r = Fail2banClientReply.parse("unbanip", unban.stdout());
    assertThat(r).isEqualTo(new Fail2banClientReply.Count(1));
    assertThat(r.render()).isEqualTo(unban.stdout());
    JailStatus after = JailStatus.parse("status sshd", server.client("status", "sshd").stdout());
    assertThat(after.bannedIps()).containsExactly("192.0.2.11");
    assertThat(after.totalBanned()).isEqualTo(2);
  }

  @Test
  void unknownJailIsATypedError() {
    CommandResult r = server.client("set", "nope", "unbanip", "192.0.2.1");
    assertThat(r.exitCode()).isEqualTo(255);
    Fail2banClientReply reply = Fail2banClientReply.parse("unbanip", r.stdout());
    assertThat(reply).isEqualTo(new Fail2banClientReply.NoSuchJail("nope"));
    assertThat(reply.render()).isEqualTo(r.stdout());
  }
}
