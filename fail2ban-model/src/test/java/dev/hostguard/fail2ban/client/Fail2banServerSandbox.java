package dev.hostguard.fail2ban.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.Fail2banConfDir;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real fail2ban-server for tests, private in every way: its own copy of the stock configuration,
 * socket, pid file, log and in-memory database under a temp dir, jails using the {@code dummy}
 * action (writes a file, touches no firewall) and the polling backend on temp log files.
 */
final class Fail2banServerSandbox implements AutoCloseable {
  private final Path dir;
  private final Path conf;
  private final Path socket;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final Future<CommandResult> server;

  private Fail2banServerSandbox(Path dir) throws IOException {
    this.dir = dir;
    this.conf = dir.resolve("conf");
    Path run = Files.createDirectories(dir.resolve("run"));
    this.socket = run.resolve("f2b.sock");
    Fail2banConfDir.copyStock(conf);
    try (Stream<Path> jailD = Files.list(conf.resolve("jail.d"))) {
      for (Path p : (Iterable<Path>) jailD::iterator) {
        Files.delete(p);
      }
    }
    Files.writeString(authLog(), "", UTF_8);
    Files.writeString(run.resolve("f2b.log"), "", UTF_8);
    Files.writeString(
        conf.resolve("fail2ban.local"),
        "[Definition]\nloglevel = INFO\nlogtarget = "
            + run.resolve("f2b.log")
            + "\nsocket = "
            + socket
            + "\npidfile = "
            + run.resolve("f2b.pid")
            + "\ndbfile = :memory:\n",
        UTF_8);
    Files.writeString(
        conf.resolve("jail.local"),
        "[DEFAULT]\nbackend = polling\nbanaction = dummy\nbanaction_allports = dummy\n\n"
            + "[sshd]\nenabled = true\nlogpath = "
            + authLog()
            + "\naction = dummy[target="
            + run.resolve("sshd.dummy")
            + "]\nmaxretry = 5\n\n"
            + "[recidive]\nenabled = true\nlogpath = "
            + run.resolve("f2b.log")
            + "\naction = dummy[target="
            + run.resolve("recidive.dummy")
            + "]\n",
        UTF_8);
    Command start =
        Command.builder()
            .args(
                List.of(
                    RealTool.FAIL2BAN_SERVER.require().toString(),
                    "-f",
                    "-x",
                    "-c",
                    conf.toString()))
            .workingDirectory(dir)
            .timeout(Duration.ofMinutes(5))
            .acceptAnyExitCode()
            .build();
    this.server = background.submit(() -> LocalExecutor.create().execute(start));
    waitUntilReady();
  }

  static Fail2banServerSandbox start(Path dir) throws IOException {
    return new Fail2banServerSandbox(dir);
  }

  Path authLog() {
    return dir.resolve("auth.log");
  }

  /** {@code fail2ban-client -c CONF -s SOCKET ARGS...}; any exit code. */
  CommandResult client(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(RealTool.FAIL2BAN_CLIENT.require().toString());
    argv.add("-c");
    argv.add(conf.toString());
    argv.add("-s");
    argv.add(socket.toString());
    argv.addAll(args);
    return RealTools.run(Command.of(argv));
  }

  private void waitUntilReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (server.isDone()) {
        throw new IllegalStateException("fail2ban-server exited early: " + describe());
      }
      if (Files.exists(socket) && client(List.of("ping")).exitCode() == 0) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException("fail2ban-server did not answer within 60 s");
  }

  private String describe() {
    try {
      CommandResult r = server.get();
      return r.exitCode() + " " + r.stdout() + r.stderr();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      client(List.of("stop"));
      server.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      server.cancel(true);
    } finally {
      background.shutdownNow();
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
