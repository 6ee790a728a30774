package dev.hostguard.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.exec.SshExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real OpenSSH server for tests, in a private network and mount namespace ({@link
 * NetworkNamespace}): its own throwaway host key, a throwaway client key in its {@code
 * authorized_keys} for {@code root} (whose shell inside is {@code /bin/sh} with an empty private
 * home, so the host's dotfiles stay out) and for an optional login user that exists only inside the
 * namespace (private bind mounts of {@code /etc/passwd}, {@code /etc/shadow} and {@code
 * /etc/group}), its own config, a private tmpfs on {@code /run}, an optional private {@code
 * /etc/sudoers.d} drop-in, listening on the namespace's loopback at a port of its own ({@code
 * 127.0.0.1:2222} unless told). It logs at {@code LogLevel VERBOSE} to a file, so {@link
 * #acceptedConnections()} counts {@code Accepted publickey} lines. The host's files, users and
 * sudoers are never touched. No shell runs anywhere: every step is an argv through {@code nsenter}.
 * Needs root and {@code unshare}, {@code nsenter}, {@code ip}, {@code sshd}, {@code ssh-keygen}.
 *
 * <pre>{@code
 * try (SshdSandbox sshd = SshdSandbox.builder().build(); SshExecutor ssh = sshd.ssh("root").build()) {
 *   ssh.execute(Command.of("id", "-u")).stdout(); sshd.acceptedConnections(); }
 * }</pre>
 */
public final class SshdSandbox implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final NetworkNamespace namespace;
  private final boolean ownsNamespace;
  private final Path dir;
  private final Process sshd;
  private final String listenAddress;
  private final int port;
  private final @Nullable String loginUser;

  private SshdSandbox(
      NetworkNamespace namespace,
      boolean ownsNamespace,
      Path dir,
      Process sshd,
      String listenAddress,
      int port,
      @Nullable String loginUser) {
    this.namespace = namespace;
    this.ownsNamespace = ownsNamespace;
    this.dir = dir;
    this.sshd = sshd;
    this.listenAddress = listenAddress;
    this.port = port;
    this.loginUser = loginUser;
  }

  /** A builder: port 2222 on 127.0.0.1, sshd's default {@code MaxSessions} (10), root only. */
  public static Builder builder() {
    return new Builder();
  }

  /** The namespace sshd runs in. */
  public NetworkNamespace namespace() {
    return namespace;
  }

  /** The address sshd listens on inside its namespace. */
  public String address() {
    return listenAddress;
  }

  /** The port sshd listens on. */
  public int port() {
    return port;
  }

  /** The throwaway login user (besides root), if the builder asked for one. */
  public @Nullable String loginUser() {
    return loginUser;
  }

  /** The client's private key (its public half is in {@code authorized_keys}). */
  public Path clientKey() {
    return dir.resolve("client_ed25519");
  }

  /** A {@code known_hosts} file holding this server's host key for its address and port. */
  public Path knownHostsFile() {
    return dir.resolve("known_hosts");
  }

  /** The host public key line ({@code ssh-ed25519 AAAA... comment}). */
  public String hostPublicKey() {
    return read(dir.resolve("host_ed25519.pub")).strip();
  }

  /** sshd's log so far. */
  public String log() {
    return read(dir.resolve("sshd.log"));
  }

  /** How many connections sshd has accepted (its {@code Accepted publickey} log lines). */
  public int acceptedConnections() {
    return (int) log().lines().filter(l -> l.contains("Accepted publickey for ")).count();
  }

  /**
   * Runs the ssh client in this server's network namespace (on the host's file system): {@code
   * nsenter --net=/proc/PID/ns/net --} on {@link LocalExecutor}.
   */
  public CommandExecutor clientExecutor() {
    return namespace.networkExecutor(LocalExecutor.create());
  }

  /**
   * An {@link SshExecutor} builder for {@code user} at this server, fully pinned: no user config
   * ({@code -F /dev/null}), the client key, {@code StrictHostKeyChecking=yes} against {@link
   * #knownHostsFile()}, the client in the server's namespace ({@link #clientExecutor()}).
   */
  public SshExecutor.Builder ssh(String user) {
    return SshExecutor.builder(listenAddress)
        .user(user)
        .port(port)
        .configFile(Path.of("/dev/null"))
        .identityFile(clientKey())
        .strictHostKeyChecking("yes")
        .knownHostsFile(knownHostsFile())
        .option("IdentitiesOnly", "yes")
        .option("ConnectTimeout", "10")
        .via(clientExecutor());
  }

  /** Stops sshd and everything it started, and the namespace if this sandbox made it. */
  @Override
  public void close() {
    try {
      sshd.descendants().forEach(ProcessHandle::destroyForcibly);
      sshd.destroyForcibly();
      try {
        sshd.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (ownsNamespace) {
        namespace.close();
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  /** Builds and starts an {@link SshdSandbox}. */
  public static final class Builder {
    private @Nullable NetworkNamespace namespace;
    private String listenAddress = "127.0.0.1";
    private int port = 2222;
    private int maxSessions = 10;
    private @Nullable String loginUser;
    private final int loginUid = 64123;
    private String loginShell = "/bin/bash";
    private @Nullable String sudoers;

    private Builder() {}

    /** Starts sshd in this (caller-owned) namespace instead of a fresh one it owns. */
    public Builder in(NetworkNamespace ns) {
      this.namespace = ns;
      return this;
    }

    /** Listens on this address of the namespace (default 127.0.0.1). */
    public Builder listenAddress(String address) {
      this.listenAddress = address;
      return this;
    }

    /** Listens on this port (default 2222). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** sshd's {@code MaxSessions} (default 10, sshd's own default). */
    public Builder maxSessions(int max) {
      this.maxSessions = max;
      return this;
    }

    /**
     * Adds a login user that exists only inside the namespace (uid 64123, a private empty home,
     * shell {@code shell}), with the same client key as root: for what root cannot show, such as
     * sudo asking for a password, and for a second remote shell (root's is {@code /bin/sh}).
     */
    public Builder loginUser(String name, String shell) {
      if (!name.matches("[a-z_][a-z0-9_-]{0,30}")) {
        throw new IllegalArgumentException("bad user name: " + name);
      }
      this.loginUser = name;
      this.loginShell = shell;
      return this;
    }

    /** Puts this file (mode 0440) alone in a private {@code /etc/sudoers.d} inside. */
    public Builder sudoersDropIn(String content) {
      this.sudoers = content;
      return this;
    }

    /** Starts sshd and waits until it listens. */
    public SshdSandbox build() {
      RealTool.SSHD.require();
      Path keygen = RealTool.SSH_KEYGEN.require();
      boolean owns = namespace == null;
      NetworkNamespace ns = owns ? NetworkNamespace.create() : namespace;
      Path dir = null;
      Process sshd = null;
      try {
        dir =
            Files.createTempDirectory(
                "hostguard-sshd",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        CommandExecutor local = LocalExecutor.create();
        for (String key : List.of("host_ed25519", "client_ed25519")) {
          local.execute(
              Command.of(
                      keygen.toString(),
                      "-q",
                      "-t",
                      "ed25519",
                      "-N",
                      "",
                      "-C",
                      "hostguard-" + key,
                      "-f",
                      dir.resolve(key).toString())
                  .withTimeout(START_TIMEOUT));
        }
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("client_ed25519.pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        String hostKey = Files.readString(dir.resolve("host_ed25519.pub"), UTF_8).strip();
        String[] parts = hostKey.split(" ");
        String hostPattern = port == 22 ? listenAddress : "[" + listenAddress + "]:" + port;
        Files.writeString(
            dir.resolve("known_hosts"),
            hostPattern + " " + parts[0] + " " + parts[1] + "\n",
            UTF_8);
        Path log = Files.createFile(dir.resolve("sshd.log"));
        Path config = dir.resolve("sshd_config");
        Files.writeString(
            config,
            String.join(
                "\n",
                "# written by hostguard's SshdSandbox",
                "ListenAddress " + listenAddress + ":" + port,
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile none",
                "AuthorizedKeysFile " + authorized,
                "StrictModes no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "MaxSessions " + maxSessions,
                "LogLevel VERBOSE",
                "PrintMotd no",
                "PrintLastLog no",
                "UseDNS no",
                "X11Forwarding no",
                "AllowTcpForwarding no",
                ""),
            UTF_8);
        ns.mountTmpfs(Path.of("/run"));
        ns.run("mkdir", "-m", "0755", "/run/sshd");
        privateUsers(ns, dir, loginUser, loginUid, loginShell);
        if (sudoers != null) {
          Path sd = Files.createDirectory(dir.resolve("sudoers.d"));
          Path dropIn = sd.resolve("hostguard-test");
          Files.writeString(dropIn, sudoers.endsWith("\n") ? sudoers : sudoers + "\n", UTF_8);
          Files.setPosixFilePermissions(dropIn, PosixFilePermissions.fromString("r--r-----"));
          ns.bindMount(sd, Path.of("/etc/sudoers.d"));
        }
        sshd =
            ns.start(
                List.of(
                    RealTool.SSHD.require().toString(),
                    "-D",
                    "-f",
                    config.toString(),
                    "-E",
                    log.toString()),
                dir.resolve("sshd.out"));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.readString(log, UTF_8).contains("Server listening on")) {
          if (!sshd.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "sshd did not start: "
                    + Files.readString(log, UTF_8)
                    + Files.readString(dir.resolve("sshd.out"), UTF_8));
          }
          Thread.sleep(20);
        }
        return new SshdSandbox(ns, owns, dir, sshd, listenAddress, port, loginUser);
      } catch (IOException | RuntimeException | InterruptedException e) {
        if (sshd != null) {
          sshd.destroyForcibly();
        }
        if (owns) {
          ns.close();
        }
        if (dir != null) {
          deleteTree(dir);
        }
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        if (e instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }

    /**
     * Private copies of passwd, shadow and group, bind-mounted over the real ones inside the
     * namespace only: root gets {@code /bin/sh} and an empty private home (the host's dotfiles
     * would slow every session and change what the remote shell does), and the login user, if any,
     * is added.
     */
    private static void privateUsers(
        NetworkNamespace ns, Path dir, @Nullable String name, int uid, String shell)
        throws IOException {
      Path etc = Files.createDirectory(dir.resolve("etc"));
      Path rootHome = Files.createDirectory(dir.resolve("home-root"));
      StringBuilder passwd = new StringBuilder();
      for (String line : Files.readAllLines(Path.of("/etc/passwd"), UTF_8)) {
        if (line.startsWith("root:")) {
          line = "root:x:0:0:root:" + rootHome + ":/bin/sh";
        } else if (name != null && line.startsWith(name + ":")) {
          throw new IllegalStateException(name + " already exists in /etc/passwd");
        }
        passwd.append(line).append('\n');
      }
      String shadow = Files.readString(Path.of("/etc/shadow"), UTF_8);
      String group = Files.readString(Path.of("/etc/group"), UTF_8);
      if (name != null) {
        Path home = Files.createDirectory(dir.resolve("home-" + name));
        Files.setAttribute(home, "unix:uid", uid);
        Files.setAttribute(home, "unix:gid", uid);
        passwd.append(name + ":x:" + uid + ":" + uid + "::" + home + ":" + shell + "\n");
        shadow = withLine(shadow, name + ":*:19000:0:99999:7:::");
        group = withLine(group, name + ":x:" + uid + ":");
      }
      write(ns, etc.resolve("passwd"), passwd.toString(), "rw-r--r--");
      write(ns, etc.resolve("shadow"), shadow, "rw-r-----");
      write(ns, etc.resolve("group"), group, "rw-r--r--");
    }

    private static String withLine(String text, String line) {
      return text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + line + "\n";
    }

    private static void write(NetworkNamespace ns, Path copy, String text, String mode)
        throws IOException {
      Files.writeString(copy, text, UTF_8);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(mode));
      ns.bindMount(copy, Path.of("/etc", copy.getFileName().toString()));
    }
  }
}
