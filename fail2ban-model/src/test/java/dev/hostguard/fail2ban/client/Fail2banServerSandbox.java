package dev.hostguard.fail2ban.client;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real fail2ban-server for tests: private socket, pid file, log and in-memory database, two jails
 * ({@code sshd}, {@code other}) with the {@code dummy} action on a temp log, polling backend. Never
 * touches the firewall. Stopped with {@code fail2ban-client stop}, then waited for.
 */
final class Fail2banServerSandbox implements AutoCloseable {
  private final Path dir;
  private final Path socket;
  private final Process server;

  private Fail2banServerSandbox(Path dir, Path socket, Process server) {
    this.dir = dir;
    this.socket = socket;
    this.server = server;
  }

  static Fail2banServerSandbox start(Path dir) throws IOException, InterruptedException {
    Path conf = dir.resolve("conf");
    Path run = Files.createDirectories(dir.resolve("run"));
    for (String sub : new String[] {"filter.d", "action.d"}) {
      Path from = Path.of("/etc/fail2ban").resolve(sub);
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Path t = conf.resolve(sub).resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(t);
          } else {
            Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    Path log = dir.resolve("auth.log");
    Files.writeString(log, "");
    Path socket = run.resolve("f2b.sock");
    Files.writeString(
        conf.resolve("fail2ban.conf"),
        "[Definition]\nloglevel = INFO\nlogtarget = "
            + dir.resolve("f2b.log")
            + "\nsocket = "
            + socket
            + "\npidfile = "
            + run.resolve("f2b.pid")
            + "\ndbfile = :memory:\n");
    Files.writeString(
        conf.resolve("jail.conf"),
        "[DEFAULT]\nbackend = polling\naction = dummy\nfilter = sshd\nlogpath = "
            + log
            + "\n[sshd]\nenabled = true\n[other]\nenabled = true\n");
    Process p =
        new ProcessBuilder(
                RealTool.FAIL2BAN_SERVER.require().toString(), "-f", "-x", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.out").toFile())
            .start();
    Fail2banServerSandbox box = new Fail2banServerSandbox(dir, socket, p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(socket) && box.client("ping").stdout().contains("pong")) {
        return box;
      }
      if (!p.isAlive()) {
        break;
      }
      Thread.sleep(200);
    }
    box.close();
    throw new IllegalStateException(
        "fail2ban-server did not start: " + Files.readString(dir.resolve("server.out")));
  }

  CommandResult client(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(RealTool.FAIL2BAN_CLIENT.require().toString());
    argv.add("-s");
    argv.add(socket.toString());
    argv.addAll(List.of(args));
    return RealTools.run(Command.of(argv));
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() throws InterruptedException {
    if (server.isAlive()) {
      client("stop");
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
