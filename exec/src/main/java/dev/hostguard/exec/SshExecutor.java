package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs commands on another host with the OpenSSH client, so the user's {@code ~/.ssh/config},
 * agent, {@code ProxyJump} and {@code known_hosts} apply as they do for {@code ssh} itself: {@code
 * ssh -o BatchMode=yes -T [options] [-p PORT] [-i KEY] [USER@]HOST -- WORDS}. Each word of the argv
 * is single-quoted for the remote POSIX shell, so any text arrives as one argument, byte for byte
 * in UTF-8 (a word with NUL is refused before anything runs); stdin is passed through; environment
 * additions become {@code env NAME=VALUE} words and a working directory {@code cd -- DIR &&}.
 *
 * <p>One connection serves every command: a master ({@code ControlMaster=yes}, {@code
 * ControlPersist}, {@code -f -N}) opened on first use, whose socket lives in a private 0700
 * directory that {@link #close()} removes after {@code ssh -O exit}. Commands go through the master
 * only ({@code ControlMaster=no} and a {@code BindInterface} no host has, so ssh cannot fall back
 * to a connection of its own); a master that is gone is opened again. At most {@link
 * Builder#maxSessions} commands run at once (sshd's {@code MaxSessions}, 10 by default); more
 * callers queue, each at most its command's timeout. sshd counts a session for a moment after its
 * command exited, so a session it refuses is asked for again with a short back-off (the command had
 * not started).
 *
 * <p>Host keys are checked: with {@code BatchMode} an unknown or changed key fails with {@link
 * SshConnectionException} unless {@code StrictHostKeyChecking} says otherwise. A command past its
 * timeout kills the local ssh client ({@link CommandTimeoutException#killed()} says so); the remote
 * command may still run. The ssh client itself runs on another executor ({@link LocalExecutor}
 * unless {@link Builder#via} says otherwise). Thread-safe.
 *
 * <pre>{@code
 * try (SshExecutor ssh = SshExecutor.builder("web1").user("root").build()) {
 *   ssh.execute(Command.of("ufw", "status")).stdout(); }
 * }</pre>
 */
public final class SshExecutor extends ForwardingExecutor implements Closeable {
  /** sshd's {@code MaxSessions} default. */
  public static final int DEFAULT_MAX_SESSIONS = 10;

  /** An interface name no host has: direct connections by command invocations fail. */
  private static final String MUX_ONLY = "hostguard-mux-only";

  /** How often a master that is gone (not one refusing a session) is opened again per command. */
  private static final int MAX_MASTER_RESTARTS = 3;

  /** How long past its ConnectTimeout a fresh connection's client may run before it is killed. */
  private static final int FRESH_CONNECTION_GRACE_SECONDS = 5;

  private static final String KILLED =
      "the local ssh client was killed; the remote command may still be running";

  private final String host;
  private final @Nullable String user;
  private final @Nullable Integer port;
  private final @Nullable Path identityFile;
  private final @Nullable Path configFile;
  private final ImmutableList<String> options;
  private final String sshProgram;
  private final Duration controlPersist;
  private final Duration connectTimeout;
  private final int maxSessions;
  private final Path controlDir;
  private final Semaphore sessions;
  private final Object masterLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String description;

  private SshExecutor(Builder b) {
    super(b.via);
    this.host = b.host;
    this.user = b.user;
    this.port = b.port;
    this.identityFile = b.identityFile;
    this.configFile = b.configFile;
    List<String> opts = new ArrayList<>();
    b.options.forEach((k, v) -> opts.add(k + "=" + v));
    this.options = ImmutableList.copyOf(opts);
    this.sshProgram = b.sshProgram;
    this.controlPersist = b.controlPersist;
    this.connectTimeout = b.connectTimeout;
    this.maxSessions = b.maxSessions;
    this.sessions = new Semaphore(maxSessions, true);
    this.description =
        "ssh " + (user == null ? "" : user + "@") + host + (port == null ? "" : ":" + port);
    try {
      this.controlDir =
          Files.createTempDirectory(
              b.controlParent,
              "hgssh",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a private ControlPath directory", e);
    }
    if (controlDir.toString().length() + "/master".length() > 100) {
      deleteTree(controlDir);
      throw new IllegalArgumentException(
          "the ControlPath directory "
              + controlDir
              + " is too long for a socket path (108 bytes); choose a shorter"
              + " controlDirectoryParent");
    }
  }

  /**
   * A builder for commands on {@code host} (a name from {@code ~/.ssh/config}, a name or an IP).
   */
  public static Builder builder(String host) {
    return new Builder(host);
  }

  /** The host commands run on. */
  public String host() {
    return host;
  }

  /** The most commands this executor runs at once. */
  public int maxSessions() {
    return maxSessions;
  }

  /** The private directory holding the master's socket (gone after {@link #close()}). */
  public Path controlDirectory() {
    return controlDir;
  }

  @Override
  public CommandResult execute(Command command) {
    checkOpen();
    wrap(command); // refuses bad words before anything runs
    long deadline = System.nanoTime() + command.timeout().toNanos();
    boolean acquired;
    try {
      acquired = sessions.tryAcquire(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandStartException.of(command, e);
    }
    if (!acquired) {
      throw CommandTimeoutException.of(
          CommandResult.of(command, -1, new byte[0], new byte[0], command.timeout())
              .ranBy(description, host),
          "nothing was started: all " + maxSessions + " sessions stayed busy");
    }
    try {
      long backoffMillis = 5;
      int otherFailures = 0;
      while (true) {
        ensureMaster(command);
        try {
          return super.execute(command);
        } catch (MuxUnavailable e) {
          // no session was opened, so the command never ran: safe to try again
          if (!e.refusedByServer) {
            if (++otherFailures > MAX_MASTER_RESTARTS) {
              throw CommandStartException.of(
                  command,
                  description
                      + ": the master connection gives no session: "
                      + e.result.stderr().strip());
            }
            forgetDeadMaster();
          }
          if (System.nanoTime() + backoffMillis * 1_000_000 > deadline) {
            throw CommandTimeoutException.of(
                e.result,
                "the master connection could not open a session in time (last: "
                    + e.result.stderr().strip()
                    + ")");
          }
          sleep(backoffMillis);
          backoffMillis = Math.min(backoffMillis * 2, 200);
        }
      }
    } catch (CommandTimeoutException e) {
      throw e.killed().isEmpty() ? CommandTimeoutException.of(e.partialResult(), KILLED) : e;
    } finally {
      sessions.release();
    }
  }

  /**
   * Proves that a new connection gets in now: a separate ssh client that neither uses nor becomes
   * the master ({@code ControlPath=none}, {@code ControlMaster=no}) makes its own TCP connection,
   * handshake and login, with {@code ConnectTimeout} of {@code timeout} (whole seconds, at least
   * one), and runs {@code true}. The check after a firewall change: a command through the master
   * rides on a connection that is already established and gets through even when new ones are
   * dropped. The local client is killed if it is still running a few seconds after {@code timeout}.
   *
   * @throws SshConnectionException when ssh could not connect or log in (refused, timed out, reset,
   *     host key, authentication)
   * @throws CommandTimeoutException when the client had to be killed
   * @throws CommandFailedException when {@code true} did not exit 0 on the other side
   */
  public void connectFresh(Duration timeout) {
    checkOpen();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    List<String> argv = new ArrayList<>();
    argv.add(sshProgram);
    if (configFile != null) {
      argv.add("-F");
      argv.add(configFile.toString());
    }
    // ssh takes the first value given for an option: these come before the builder's options
    argv.addAll(
        List.of(
            "-o",
            "BatchMode=yes",
            "-T",
            "-o",
            "ControlPath=none",
            "-o",
            "ControlMaster=no",
            "-o",
            "ConnectTimeout=" + seconds));
    for (String o : options) {
      argv.add("-o");
      argv.add(o);
    }
    if (port != null) {
      argv.add("-p");
      argv.add(port.toString());
    }
    if (identityFile != null) {
      argv.add("-i");
      argv.add(identityFile.toString());
    }
    argv.add(target());
    argv.add("--");
    argv.add("true");
    Command probe =
        Command.builder()
            .args(argv)
            .timeout(Duration.ofSeconds(seconds + FRESH_CONNECTION_GRACE_SECONDS))
            .acceptAnyExitCode()
            .build();
    CommandResult r = delegate().execute(probe).ranBy(description, host);
    if (r.exitCode() != 0) {
      SshConnectionException e = SshConnectionException.recognise(r);
      if (e != null) {
        throw e;
      }
      throw CommandFailedException.of(r);
    }
  }

  /**
   * The master could not give this command a session: it refused one (sshd's {@code MaxSessions}
   * counts a session for a moment after its command exited) or is gone. Internal control flow.
   */
  private static final class MuxUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    final CommandResult result;

    final boolean refusedByServer;

    MuxUnavailable(CommandResult result) {
      super(null, null, false, false);
      this.result = result;
      this.refusedByServer = result.stderr().contains("Session open refused by peer");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  protected Command wrap(Command command) {
    List<String> words = new ArrayList<>();
    if (command.workingDirectory().isPresent()) {
      words.add("cd");
      words.add("--");
      words.add(PosixQuoting.quote(command.workingDirectory().get().toString()));
      words.add("&&");
    }
    if (!command.environment().isEmpty()) {
      if (command.argv().get(0).indexOf('=') >= 0) {
        throw new IllegalArgumentException(
            "env would take the program name for a variable: " + command.argv().get(0));
      }
      words.add("env");
      for (Map.Entry<String, String> e : command.environment().entrySet()) {
        words.add(PosixQuoting.quote(e.getKey() + "=" + e.getValue()));
      }
    }
    for (String w : command.argv()) {
      words.add(PosixQuoting.quote(w));
    }
    List<String> argv = new ArrayList<>(commonArgs());
    // only through the master: were its session refused, ssh would open a connection of its own;
    // binding to an interface that does not exist makes that fail at once, without a packet
    argv.add("-o");
    argv.add("ControlMaster=no");
    argv.add("-o");
    argv.add("BindInterface=" + MUX_ONLY);
    argv.add(target());
    argv.add("--");
    argv.addAll(words);
    return Command.builder()
        .args(argv)
        .stdin(command.stdin())
        .timeout(command.timeout())
        .maxOutputBytes(command.maxOutputBytes())
        .build();
  }

  @Override
  protected String describe(String delegateDescription) {
    return description;
  }

  @Override
  protected String host(String delegateHost) {
    return host;
  }

  @Override
  protected void inspect(CommandResult result) {
    if (result.exitCode() == 255 && result.stderr().contains(MUX_ONLY)) {
      throw new MuxUnavailable(result);
    }
    SshConnectionException e = SshConnectionException.recognise(result);
    if (e != null) {
      throw e;
    }
  }

  private List<String> commonArgs() {
    List<String> argv = new ArrayList<>();
    argv.add(sshProgram);
    if (configFile != null) {
      argv.add("-F");
      argv.add(configFile.toString());
    }
    argv.add("-o");
    argv.add("BatchMode=yes");
    argv.add("-T");
    argv.add("-o");
    argv.add("ControlPath=" + controlSocket());
    for (String o : options) {
      argv.add("-o");
      argv.add(o);
    }
    if (port != null) {
      argv.add("-p");
      argv.add(port.toString());
    }
    if (identityFile != null) {
      argv.add("-i");
      argv.add(identityFile.toString());
    }
    return argv;
  }

  /** One socket per executor: the directory is private to it, and it talks to one host. */
  private Path controlSocket() {
    return controlDir.resolve("master");
  }

  /**
   * After a failed mux attempt not refused by the server: if the master no longer answers ({@code
   * ssh -O check}), removes its socket so {@link #ensureMaster} starts a new one.
   */
  private void forgetDeadMaster() {
    synchronized (masterLock) {
      if (!masterSocketExists()) {
        return;
      }
      List<String> argv = new ArrayList<>(commonArgs());
      argv.addAll(List.of("-O", "check", target()));
      CommandResult r =
          delegate()
              .execute(
                  Command.builder()
                      .args(argv)
                      .timeout(Duration.ofSeconds(30))
                      .acceptAnyExitCode()
                      .build());
      if (r.exitCode() != 0) {
        try {
          Files.deleteIfExists(controlSocket());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove the stale socket " + controlSocket(), e);
        }
      }
    }
  }

  private String target() {
    return user == null ? host : user + "@" + host;
  }

  private boolean masterSocketExists() {
    return Files.exists(controlSocket());
  }

  /** Opens the master connection unless its socket is there (ssh removes it when it exits). */
  private void ensureMaster(Command command) {
    if (masterSocketExists()) {
      return;
    }
    synchronized (masterLock) {
      if (masterSocketExists()) {
        return;
      }
      List<String> argv = new ArrayList<>(commonArgs());
      argv.addAll(
          List.of(
              "-o",
              "ControlMaster=yes",
              "-o",
              "ControlPersist=" + controlPersist.toSeconds(),
              "-f",
              "-N",
              target()));
      Command master =
          Command.builder().args(argv).timeout(connectTimeout).acceptAnyExitCode().build();
      CommandResult r;
      try {
        r = delegate().execute(master);
      } catch (CommandTimeoutException e) {
        throw CommandTimeoutException.of(
            e.partialResult().forCommand(command).ranBy(description, host),
            "the local ssh client opening the master connection was killed after "
                + connectTimeout);
      }
      if (r.exitCode() != 0) {
        CommandResult forCaller = r.forCommand(command).ranBy(description, host);
        SshConnectionException e = SshConnectionException.recognise(forCaller);
        if (e != null) {
          throw e;
        }
        throw CommandStartException.of(
            command,
            description
                + ": the master connection failed (exit "
                + r.exitCode()
                + "): "
                + r.stderr().strip());
      }
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException(description + " is closed");
    }
  }

  /**
   * Stops the master connection ({@code ssh -O exit}) and deletes the socket directory. Commands
   * still running lose their connection. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (masterSocketExists()) {
        List<String> argv = new ArrayList<>(commonArgs());
        argv.addAll(List.of("-O", "exit", target()));
        try {
          delegate()
              .execute(
                  Command.builder()
                      .args(argv)
                      .timeout(Duration.ofSeconds(30))
                      .acceptAnyExitCode()
                      .build());
        } catch (CommandException e) {
          // the master may be gone already; the directory goes anyway
        }
      }
    } finally {
      deleteTree(controlDir);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  /** {@code ssh [USER@]HOST[:PORT]}. */
  @Override
  public String toString() {
    return description;
  }

  /** Builds an {@link SshExecutor}; every setting left out is ssh's own (or its config's). */
  public static final class Builder {
    private final String host;
    private @Nullable String user;
    private @Nullable Integer port;
    private @Nullable Path identityFile;
    private @Nullable Path configFile;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String sshProgram = "ssh";
    private Duration controlPersist = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(60);
    private int maxSessions = DEFAULT_MAX_SESSIONS;
    private CommandExecutor via = LocalExecutor.create();
    private Path controlParent = Path.of(System.getProperty("java.io.tmpdir"));

    private Builder(String host) {
      this.host = checkWord("host", host);
    }

    private static String checkWord(String what, String value) {
      if (value.isEmpty() || value.startsWith("-") || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("bad ssh " + what + ": '" + value + "'");
      }
      return value;
    }

    /** Logs in as {@code user} (otherwise ssh's config or the local user name decides). */
    public Builder user(String user) {
      if (user.indexOf('@') >= 0) {
        throw new IllegalArgumentException("bad ssh user: '" + user + "'");
      }
      this.user = checkWord("user", user);
      return this;
    }

    /** Connects to this port ({@code -p}). */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("bad port: " + port);
      }
      this.port = port;
      return this;
    }

    /** Authenticates with this private key ({@code -i}), besides the agent's. */
    public Builder identityFile(Path key) {
      this.identityFile = requireNonNull(key, "key");
      return this;
    }

    /** Reads this client config instead of {@code ~/.ssh/config} ({@code -F}). */
    public Builder configFile(Path config) {
      this.configFile = requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets a client option ({@code -o NAME=VALUE}); later calls for the same name replace earlier
     * ones. {@code ControlPath}, {@code ControlMaster}, {@code ControlPersist} and {@code
     * BatchMode} are this executor's own.
     */
    public Builder option(String name, String value) {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("control") || lower.equals("batchmode")) {
        throw new IllegalArgumentException(name + " is set by SshExecutor itself");
      }
      if (name.isEmpty() || !name.chars().allMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException("bad ssh option name: '" + name + "'");
      }
      if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("bad ssh option value: '" + value + "'");
      }
      options.put(name, value);
      return this;
    }

    /**
     * {@code StrictHostKeyChecking}: {@code yes} (refuse unknown and changed keys), {@code
     * accept-new}, or {@code no}. Left out, ssh's config decides; with {@code BatchMode} its
     * default refuses unknown keys.
     */
    public Builder strictHostKeyChecking(String value) {
      return option("StrictHostKeyChecking", value);
    }

    /** {@code UserKnownHostsFile}: where known host keys are read (and, if allowed, added). */
    public Builder knownHostsFile(Path file) {
      return option("UserKnownHostsFile", file.toString());
    }

    /** How long the master connection stays up with no command running (default 60 s). */
    public Builder controlPersist(Duration idle) {
      if (idle.toSeconds() < 1) {
        throw new IllegalArgumentException("controlPersist must be at least a second: " + idle);
      }
      this.controlPersist = idle;
      return this;
    }

    /** How long opening the master connection may take (default 60 s). */
    public Builder connectTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /** The most commands run at once over the one connection (default 10, sshd's default). */
    public Builder maxSessions(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSessions must be >= 1: " + max);
      }
      this.maxSessions = max;
      return this;
    }

    /** The ssh client program (default {@code ssh}, found on PATH). */
    public Builder sshProgram(String program) {
      if (program.isEmpty()) {
        throw new IllegalArgumentException("the ssh program is empty");
      }
      this.sshProgram = program;
      return this;
    }

    /** Runs the ssh client on this executor instead of {@link LocalExecutor}. */
    public Builder via(CommandExecutor executor) {
      this.via = requireNonNull(executor, "executor");
      return this;
    }

    /** Creates the private socket directory under this directory (default java.io.tmpdir). */
    public Builder controlDirectoryParent(Path parent) {
      this.controlParent = requireNonNull(parent, "parent");
      return this;
    }

    /** The executor; creates its private socket directory. Close it when done. */
    public SshExecutor build() {
      return new SshExecutor(this);
    }
  }
}
