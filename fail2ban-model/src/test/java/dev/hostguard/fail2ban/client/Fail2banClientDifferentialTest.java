package dev.hostguard.fail2ban.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real fail2ban-client replies from a private fail2ban-server (dummy actions, private socket): each
 * parses, re-renders byte for byte, and reads as what we made the server do.
 */
@RequiresRealTool({RealTool.FAIL2BAN_SERVER, RealTool.FAIL2BAN_CLIENT})
class Fail2banClientDifferentialTest {

  private static Fail2banReply roundTrip(List<String> command, CommandResult r) {
    Fail2banReply reply = Fail2banReplies.reply(command, r.stdout());
    assertThat(reply.render()).isEqualTo(r.stdout());
    return reply;
  }

  private static CommandResult call(Fail2banServerSandbox f2b, List<String> command) {
    return f2b.client(command);
  }

  @Test
  void statusBanUnbanAndErrorsAsTheRealClientPrintsThem(@TempDir Path dir) throws Exception {
    try (Fail2banServerSandbox f2b = Fail2banServerSandbox.start(dir)) {
      List<String> status = List.of("status");
      ServerStatus server = (ServerStatus) roundTrip(status, call(f2b, status));
      assertThat(server.numberOfJails()).isEqualTo(2);
      assertThat(server.jails()).containsExactly("recidive", "sshd");

      List<String> sshd = List.of("status", "sshd");
      JailStatus fresh = (JailStatus) roundTrip(sshd, call(f2b, sshd));
      assertThat(fresh.jail()).isEqualTo("sshd");
      assertThat(fresh.fileList()).containsExactly(f2b.authLog().toString());
      assertThat(fresh.currentlyBanned()).isZero();
      assertThat(fresh.bannedIps()).isEmpty();
      assertThat(fresh.journalMatches()).isEmpty();

      List<String> ban = List.of("set", "sshd", "banip", "192.0.2.1", "203.0.113.5");
      assertThat(((BanCount) roundTrip(ban, call(f2b, ban))).count()).isEqualTo(2);
      List<String> again = List.of("set", "sshd", "banip", "192.0.2.1");
      assertThat(((BanCount) roundTrip(again, call(f2b, again))).count()).isZero();

      JailStatus banned = (JailStatus) roundTrip(sshd, call(f2b, sshd));
      assertThat(banned.currentlyBanned()).isEqualTo(2);
      assertThat(banned.totalBanned()).isEqualTo(2);
      assertThat(banned.bannedIps()).containsExactlyInAnyOrder("192.0.2.1", "203.0.113.5");

      List<String> unban = List.of("set", "sshd", "unbanip", "192.0.2.1", "198.51.100.9");
      assertThat(((BanCount) roundTrip(unban, call(f2b, unban))).count()).isEqualTo(1);
      List<String> unbanAll = List.of("unban", "203.0.113.5");
      assertThat(((BanCount) roundTrip(unbanAll, call(f2b, unbanAll))).count()).isEqualTo(1);

      // failures from the log: the polling backend picks them up
      String stamp =
          LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.US));
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 2; i++) {
        lines
            .append(stamp)
            .append(" host sshd[123")
            .append(i)
            .append("]: Failed password for root from 198.51.100.7 port 4242 ssh2\n");
      }
      Files.writeString(f2b.authLog(), lines, UTF_8, StandardOpenOption.APPEND);
      JailStatus failing = null;
      for (int tries = 0; tries < 50; tries++) {
        failing = (JailStatus) roundTrip(sshd, call(f2b, sshd));
        if (failing.totalFailed() >= 2) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(failing.totalFailed()).isEqualTo(2);
      assertThat(failing.currentlyFailed()).isEqualTo(1);
      assertThat(failing.currentlyBanned()).isZero();
      assertThat(failing.totalBanned()).isEqualTo(2);

      List<String> missing = List.of("status", "nojail");
      CommandResult r = call(f2b, missing);
      assertThat(r.exitCode()).isEqualTo(255);
      assertThat(((JailNotFound) roundTrip(missing, r)).jail()).isEqualTo("nojail");
      List<String> missingUnban = List.of("set", "ssh", "unbanip", "192.0.2.1");
      CommandResult r2 = call(f2b, missingUnban);
      assertThat(r2.exitCode()).isEqualTo(255);
      assertThat(((JailNotFound) roundTrip(missingUnban, r2)).jail()).isEqualTo("ssh");
    }
  }
}
