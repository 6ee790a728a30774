package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.RecordingExecutor;
import dev.hostguard.fail2ban.client.BanCount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Fail2banClient method: the argv it runs, how its stdout is read, how a refusal reads. */
class Fail2banClientArgvTest {
  private static final List<String> BASE =
      List.of("fail2ban-client", "-c", "/srv/f2b", "-s", "/run/f2b.sock");
  private static final String STATUS = "Status\n|- Number of jail:\t1\n`- Jail list:\tsshd\n";
  private static final String SSHD =
      "Status for the jail: sshd\n"
          + "|- Filter\n"
          + "|  |- Currently failed:\t0\n"
          + "|  |- Total failed:\t2\n"
          + "|  `- File list:\t/var/log/auth.log\n"
          + "`- Actions\n"
          + "   |- Currently banned:\t1\n"
          + "   |- Total banned:\t1\n"
          + "   `- Banned IP list:\t192.0.2.7\n";

  private static List<String> argv(String... words) {
    List<String> out = new ArrayList<>(BASE);
    out.addAll(List.of(words));
    return out;
  }

  @Test
  void everyCommandRunsOnceWithSocketAndConfigDir() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(argv("ping"), 0, "Server replied: pong\n")
            .respond(argv("status"), 0, STATUS)
            .respond(argv("status", "sshd"), 0, SSHD)
            .respond(argv("set", "sshd", "banip", "192.0.2.7"), 0, "1\n")
            .respond(argv("set", "sshd", "unbanip", "192.0.2.7"), 0, "0\n")
            .respond(argv("unban", "192.0.2.8"), 0, "2\n")
            .respond(argv("reload"), 0, "")
            .respond(argv("reload", "sshd"), 0, "")
            .respond(argv("start"), 0, "")
            .respond(argv("stop"), 0, "Shutdown successful\n")
            .build();
    Fail2banClient f2b =
        Fail2banClient.on(rec)
            .withSocket(Path.of("/run/f2b.sock"))
            .withConfigDir(Path.of("/srv/f2b"));

    f2b.ping();
    assertThat(f2b.status().jails()).containsExactly("sshd");
    assertThat(f2b.status("sshd").bannedIps()).containsExactly("192.0.2.7");
    assertThat(f2b.status("sshd").totalFailed()).isEqualTo(2);
    assertThat(f2b.banIp("sshd", "192.0.2.7")).isEqualTo(new BanCount(1));
    assertThat(f2b.unbanIp("sshd", "192.0.2.7")).isEqualTo(new BanCount(0));
    assertThat(f2b.unban("192.0.2.8")).isEqualTo(new BanCount(2));
    f2b.reload();
    f2b.reload("sshd");
    f2b.start();
    f2b.stop();

    rec.verifyAllResponsesUsed();
    assertThat(rec.commands()).hasSize(11);
    assertThat(rec.commands()).allSatisfy(c -> assertThat(c.acceptedExitCodes()).isEmpty());
  }

  @Test
  void defaultsLeaveSocketAndConfigToFail2ban() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("fail2ban-client", "status"), 0, STATUS)
            .build();
    Fail2banClient f2b = Fail2banClient.on(rec);
    assertThat(f2b.status().numberOfJails()).isEqualTo(1);
    assertThat(f2b.socket()).isEmpty();
    assertThat(f2b.configDir()).isEmpty();
    assertThat(rec.commands().get(0).argv()).containsExactly("fail2ban-client", "status");
    assertThat(rec.commands()).hasSize(1);
  }

  @Test
  void refusalsCarryFail2bansMessage() {
    String stderr =
        "2026-11-30 16:49:27,836 fail2ban                [30398]: ERROR   NOK: ('nope',)\n";
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(
                List.of("fail2ban-client", "status", "nope"),
                255,
                "Sorry but the jail 'nope' does not exist\n",
                stderr)
            .respond(
                List.of("fail2ban-client", "start"),
                255,
                "",
                "2026-11-30 16:49:31,238 fail2ban                [30450]: ERROR   Server already running\n")
            .respond(
                List.of("fail2ban-client", "ping"),
                255,
                "",
                "2026-11-30 16:49:32,682 fail2ban                [30474]: ERROR   Failed to access"
                    + " socket path: /run/f2b.sock. Is fail2ban running?\n")
            .respond(
                List.of("fail2ban-client", "stop"),
                1,
                "",
                "Traceback (most recent call last):\n  boom\n")
            .build();
    Fail2banClient f2b = Fail2banClient.on(rec);
    assertThatThrownBy(() -> f2b.status("nope"))
        .isInstanceOfSatisfying(
            ToolRefusedException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("Sorry but the jail 'nope' does not exist");
              assertThat(e.exitCode()).isEqualTo(255);
              assertThat(e.command().argv()).containsExactly("fail2ban-client", "status", "nope");
              assertThat(e.result().stderr()).isEqualTo(stderr);
            });
    assertThatThrownBy(f2b::start).hasMessage("Server already running");
    assertThatThrownBy(f2b::ping)
        .hasMessage("Failed to access socket path: /run/f2b.sock. Is fail2ban running?");
    assertThatThrownBy(f2b::stop).isInstanceOf(ToolRefusedException.class).hasMessage("boom");
    rec.verifyAllResponsesUsed();
  }
}
