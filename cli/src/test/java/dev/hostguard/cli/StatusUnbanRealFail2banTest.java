package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.exec.RecordingExecutor;
import dev.hostguard.host.Fail2banClient;
import dev.hostguard.host.ToolRefusedException;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code unban} against a real {@code fail2ban-server} on a private socket, pid
 * file, log and in-memory database, one jail whose action does nothing (no firewall is touched);
 * ufw and psad answer from canned outputs. N = 1 server, 8 CLI runs; about 15 s.
 */
@RequiresRealTool({RealTool.FAIL2BAN_SERVER, RealTool.FAIL2BAN_CLIENT})
class StatusUnbanRealFail2banTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** fail2ban-client with this test's -c and -s, on the real machine; ufw and psad canned. */
  private static CommandExecutor target(Path conf, Path socket) {
    LocalExecutor local = LocalExecutor.create();
    RecordingExecutor canned =
        RecordingExecutor.builder()
            .respond(List.of("ufw", "status", "verbose"), 0, "Status: inactive\n")
            .respond(
                List.of("psad", "--Status"),
                1,
                "[-] psad: pid file /var/run/psad/psad.pid does not exist for psad on vm\n")
            .build();
    return new CommandExecutor() {
      @Override
      public CommandResult execute(Command command) {
        List<String> argv = command.argv();
        if (!argv.get(0).equals(Fail2banClient.PROGRAM)) {
          return canned.execute(command);
        }
        List<String> own = new ArrayList<>(List.of(argv.get(0), "-c", conf.toString()));
        own.addAll(List.of("-s", socket.toString()));
        own.addAll(argv.subList(1, argv.size()));
        return local.execute(command.withArgv(own));
      }
    };
  }

  private int run(CommandExecutor local, String... args) {
    out.reset();
    err.reset();
    return HostguardCli.run(
        args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), local);
  }

  @Test
  void unbanExitsZeroForABannedAddressAndOneWithFail2bansMessageOtherwise() throws Exception {
    Path conf = privateConfig();
    Path socket = dir.resolve("f2b.sock");
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
                dir.resolve("f2b.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.out").toFile())
            .start();
    Fail2banClient f2b =
        Fail2banClient.on(LocalExecutor.create()).withSocket(socket).withConfigDir(conf);
    CommandExecutor target = target(conf, socket);
    try {
      awaitPong(f2b, server);
      f2b.banIp("test", "192.0.2.7");

      assertThat(run(target, "status")).isZero();
      assertThat(out.toString(UTF_8))
          .isEqualTo(
              """
              host      localhost
              ufw       inactive
              psad      not running (no pid file /var/run/psad/psad.pid)
              fail2ban  1 jail: test
                        test: 1 banned (1 in total), 0 failing (0 in total): 192.0.2.7
              """);
      assertThat(err.size()).isZero();

      assertThat(run(target, "status", "--json")).isZero();
      assertThat(out.toString(UTF_8))
          .contains("\"currentlyBanned\":1,\"totalBanned\":1,\"bannedIps\":[\"192.0.2.7\"]");

      assertThat(run(target, "unban", "test", "192.0.2.7")).isZero();
      assertThat(out.toString(UTF_8)).isEqualTo("unbanned 192.0.2.7 in jail test on localhost\n");
      assertThat(f2b.status("test").bannedIps()).isEmpty();

      assertThat(run(target, "unban", "test", "192.0.2.7")).isEqualTo(1);
      assertThat(out.size()).isZero();
      assertThat(err.toString(UTF_8))
          .startsWith("hostguard unban: fail2ban-client ")
          .contains(" set test unbanip --report-absent 192.0.2.7 on localhost")
          .endsWith(" on localhost refused: not banned: ['192.0.2.7']\n");
      assertThat(err.toString(UTF_8).lines()).hasSize(1);

      assertThat(run(target, "unban", "nope", "192.0.2.7")).isEqualTo(1);
      assertThat(err.toString(UTF_8))
          .endsWith(" refused: Sorry but the jail 'nope' does not exist\n");

      f2b.stop();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server ended").isTrue();
      assertThat(run(target, "unban", "test", "192.0.2.7")).isEqualTo(1);
      assertThat(err.toString(UTF_8))
          .endsWith(
              " refused: Failed to access socket path: " + socket + ". Is fail2ban running?\n");
      assertThat(run(target, "status")).isEqualTo(1);
      assertThat(out.toString(UTF_8)).contains("fail2ban  refused\n");
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
