package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.fail2ban.client.BanCount;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail2banClient against a real {@code fail2ban-server} on a private socket, pid file, log and
 * in-memory database, with one jail on a temp log file whose only action does nothing (no firewall
 * is touched). N = 1 server, 20 client commands; about 10 s.
 */
@RequiresRealTool({RealTool.FAIL2BAN_SERVER, RealTool.FAIL2BAN_CLIENT})
class Fail2banClientRealServerTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void banStatusUnbanReloadStopThroughTheClient() throws Exception {
    Path conf = privateConfig();
    Path socket = dir.resolve("f2b.sock");
    Path pidFile = dir.resolve("f2b.pid");
    Process server =
        new ProcessBuilder(
                RealTool.FAIL2BAN_SERVER.require().toString(),
                "-f",
                "-x",
                "-c",
                conf.toString(),
                "-s",
                socket.toString(),
                "-p",
                pidFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.out").toFile())
            .start();
    Fail2banClient f2b =
        Fail2banClient.on(LocalExecutor.create()).withSocket(socket).withConfigDir(conf);
    try {
      awaitPong(f2b, server);

      assertThat(f2b.status().jails()).containsExactly("test");
      assertThat(f2b.status("test").fileList()).containsExactly(dir.resolve("test.log").toString());
      assertThat(f2b.status("test").bannedIps()).isEmpty();

      assertThat(f2b.banIp("test", "192.0.2.7")).isEqualTo(new BanCount(1));
      assertThat(f2b.banIp("test", "192.0.2.7")).isEqualTo(new BanCount(0));
      assertThat(f2b.status("test").bannedIps()).containsExactly("192.0.2.7");
      assertThat(f2b.status("test").totalBanned()).isEqualTo(1);
      assertThat(f2b.unbanIp("test", "192.0.2.7")).isEqualTo(new BanCount(1));
      assertThat(f2b.unbanIp("test", "192.0.2.7")).isEqualTo(new BanCount(0));
      assertThatThrownBy(() -> f2b.unbanIpReportAbsent("test", "192.0.2.7"))
          .isInstanceOfSatisfying(
              ToolRefusedException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(255);
                assertThat(e.getMessage()).isEqualTo("not banned: ['192.0.2.7']");
              });
      assertThat(f2b.banIp("test", "192.0.2.7")).isEqualTo(new BanCount(1));
      assertThat(f2b.unbanIpReportAbsent("test", "192.0.2.7")).isEqualTo(new BanCount(1));
      assertThat(f2b.banIp("test", "192.0.2.8")).isEqualTo(new BanCount(1));
      assertThat(f2b.unban("192.0.2.8")).isEqualTo(new BanCount(1));
      assertThat(f2b.unban("192.0.2.8")).isEqualTo(new BanCount(0));
      assertThat(f2b.status("test").bannedIps()).isEmpty();

      assertThatThrownBy(() -> f2b.status("nope"))
          .isInstanceOfSatisfying(
              ToolRefusedException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(255);
                assertThat(e.getMessage()).isEqualTo("Sorry but the jail 'nope' does not exist");
              });
      assertThatThrownBy(f2b::start)
          .isInstanceOf(ToolRefusedException.class)
          .hasMessage("Server already running");

      f2b.reload();
      f2b.reload("test");
      assertThat(f2b.status().jails()).containsExactly("test");

      f2b.stop();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server ended").isTrue();
      assertThat(server.exitValue()).isZero();
      assertThatThrownBy(f2b::ping)
          .isInstanceOf(ToolRefusedException.class)
          .hasMessage("Failed to access socket path: " + socket + ". Is fail2ban running?");
    } finally {
      if (server.isAlive()) {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitPong(Fail2banClient f2b, Process server) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        f2b.ping();
        return;
      } catch (ToolRefusedException e) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("fail2ban-server did not answer: " + e.getMessage(), e);
        }
        Thread.sleep(100);
      }
    }
  }

  /** fail2ban.conf, one jail on a temp log file, a filter and an action that does nothing. */
  private Path privateConfig() throws IOException {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(conf.resolve("filter.d"));
    Files.createDirectories(conf.resolve("action.d"));
    Path log = Files.writeString(dir.resolve("test.log"), "");
    Files.writeString(
        conf.resolve("fail2ban.conf"),
        String.join(
            "\n",
            List.of(
                "[Definition]",
                "loglevel = INFO",
                "logtarget = " + dir.resolve("fail2ban.log"),
                "socket = " + dir.resolve("f2b.sock"),
                "pidfile = " + dir.resolve("f2b.pid"),
                "dbfile = :memory:",
                "")));
    Files.writeString(
        conf.resolve("filter.d/test.conf"), "[Definition]\nfailregex = ^fail from <HOST>$\n");
    Files.writeString(
        conf.resolve("action.d/dummy.conf"),
        "[Definition]\nactionstart =\nactionstop =\nactioncheck =\nactionban =\nactionunban =\n");
    Files.writeString(
        conf.resolve("jail.conf"),
        String.join(
            "\n",
            List.of(
                "[DEFAULT]",
                "banaction = dummy",
                "",
                "[test]",
                "enabled = true",
                "filter = test",
                "backend = polling",
                "logpath = " + log,
                "action = dummy",
                "")));
    return conf;
  }
}
