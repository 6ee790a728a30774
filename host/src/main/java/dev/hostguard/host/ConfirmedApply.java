package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandException;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.SshExecutor;
import dev.hostguard.ufw.conf.UfwConf;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Confirm or roll back, as {@code iptables-apply} and routers' "commit confirmed" do: an apply over
 * ssh is followed by a proof that a <em>fresh</em> connection (a new TCP connection, handshake and
 * login: {@link SshExecutor#connectFresh}) still gets in within the proof timeout (30 s unless
 * told). If none does, the files are put back through the session still held (established
 * connections survive a ufw reload) and ufw is reloaded.
 *
 * <p>What is put back: the protected files ({@link #UFW_FILES} unless told: ufw's rules files,
 * {@code ufw.conf} and {@code /etc/default/ufw}, which ufw commands change behind {@link
 * HostFiles}' back) as they were read just before the apply (a file that was absent is deleted),
 * and every other file the apply changed through {@link HostFiles} from the backup its {@link
 * AppliedChange} names. Then {@code ufw reload}, or {@code ufw disable} when {@code ufw.conf} said
 * the firewall was off before.
 *
 * <p>Where the target runs systemd ({@code /run/systemd/system} exists), a transient timer armed
 * before the apply ({@code systemd-run --on-active=SECONDS --unit=hostguard-rollback-…}) does the
 * same rollback even if hostguard loses the host: it copies the protected files ({@code cp
 * --archive}) to {@code /var/backups/hostguard/rollback-…/} first, restores them from there and
 * reloads ufw; the timer is stopped ({@code systemctl stop …timer}) once the proof or the rollback
 * through the session is done. Commands run through {@link #withCommands the command executor} (the
 * ssh executor itself unless told; give a {@code SudoExecutor} when the login is not root).
 *
 * <pre>{@code
 * ConfirmedApply.Result r = ConfirmedApply.around(ssh, files, Duration.ofSeconds(30)).run(() -> plan.apply());
 * if (r.outcome() == ConfirmedApply.Outcome.ROLLED_BACK) System.err.println(r.proofFailure().orElseThrow());
 * }</pre>
 */
public final class ConfirmedApply {
  /** The proof timeout unless told. */
  public static final Duration DEFAULT_PROOF_TIMEOUT = Duration.ofSeconds(30);

  /** How long after the apply starts the systemd timer rolls back, unless told. */
  public static final Duration DEFAULT_TIMER_DELAY = Duration.ofMinutes(10);

  /** The files a ufw change may touch, protected unless told otherwise. */
  public static final ImmutableList<Path> UFW_FILES =
      ImmutableList.of(
          Path.of("/etc/default/ufw"),
          Path.of("/etc/ufw/ufw.conf"),
          Path.of("/etc/ufw/user.rules"),
          Path.of("/etc/ufw/user6.rules"),
          Path.of("/etc/ufw/before.rules"),
          Path.of("/etc/ufw/before6.rules"),
          Path.of("/etc/ufw/after.rules"),
          Path.of("/etc/ufw/after6.rules"));

  /** Where systemd runs as the init system. */
  static final Path SYSTEMD = Path.of("/run/systemd/system");

  /** Where the timer's copies go, one directory per apply. */
  static final Path SNAPSHOT_ROOT = BackupPolicy.DEFAULT_BACKUP_ROOT;

  private static final Path UFW_CONF = Path.of("/etc/ufw/ufw.conf");
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What became of an apply. */
  public enum Outcome {
    /** A fresh connection got in after the apply: the change stays. */
    CONFIRMED,
    /** No fresh connection got in within the proof timeout: the files were put back. */
    ROLLED_BACK
  }

  /**
   * What {@link #run} did.
   *
   * <pre>{@code
   * Result r = confirmed.run(apply);
   * r.outcome(); r.applied(); r.restored(); r.proofFailure();
   * }</pre>
   *
   * @param outcome confirmed or rolled back
   * @param applied what the apply returned
   * @param restored the files put back (rolled back only), in order
   * @param notRestored files the apply changed through {@link HostFiles} without a backup in the
   *     list (their first change in the session was earlier, or they were created), left as they
   *     are
   * @param proofFailure why the last fresh connection failed (rolled back only)
   * @param timerUnit the systemd unit armed as a safety net, if the target runs systemd
   */
  public record Result(
      Outcome outcome,
      List<AppliedChange> applied,
      List<Path> restored,
      List<Path> notRestored,
      Optional<String> proofFailure,
      Optional<String> timerUnit) {
    /** Checks non-null parts. */
    public Result {
      requireNonNull(outcome, "outcome");
      applied = ImmutableList.copyOf(applied);
      restored = ImmutableList.copyOf(restored);
      notRestored = ImmutableList.copyOf(notRestored);
      requireNonNull(proofFailure, "proofFailure");
      requireNonNull(timerUnit, "timerUnit");
    }
  }

  private final SshExecutor ssh;
  private final CommandExecutor commands;
  private final HostFiles files;
  private final Duration proofTimeout;
  private final Duration timerDelay;
  private final ImmutableList<Path> protectedFiles;
  private final Clock clock;

  private ConfirmedApply(
      SshExecutor ssh,
      CommandExecutor commands,
      HostFiles files,
      Duration proofTimeout,
      Duration timerDelay,
      List<Path> protectedFiles,
      Clock clock) {
    this.ssh = requireNonNull(ssh, "ssh");
    this.commands = requireNonNull(commands, "commands");
    this.files = requireNonNull(files, "files");
    this.proofTimeout = positive(proofTimeout, "proofTimeout");
    this.timerDelay = positive(timerDelay, "timerDelay");
    this.protectedFiles = ImmutableList.copyOf(protectedFiles);
    this.protectedFiles.forEach(BackupPolicy::requireAbsolute);
    this.clock = requireNonNull(clock, "clock");
  }

  private static Duration positive(Duration d, String what) {
    requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
    return d;
  }

  /**
   * Applies through {@code files} (the session the apply writes through) on the host {@code ssh}
   * reaches, proving a fresh connection within {@code proofTimeout}; commands run through {@code
   * ssh}.
   */
  public static ConfirmedApply around(SshExecutor ssh, HostFiles files, Duration proofTimeout) {
    return new ConfirmedApply(
        ssh,
        ssh,
        files,
        proofTimeout,
        DEFAULT_TIMER_DELAY,
        UFW_FILES,
        Clock.system(ZoneId.systemDefault()));
  }

  /** This with commands (cp, systemd-run, systemctl, ufw) run through {@code executor}. */
  public ConfirmedApply withCommands(CommandExecutor executor) {
    return new ConfirmedApply(
        ssh, executor, files, proofTimeout, timerDelay, protectedFiles, clock);
  }

  /** This with the systemd timer firing {@code delay} after it is armed (default 10 minutes). */
  public ConfirmedApply withTimerDelay(Duration delay) {
    return new ConfirmedApply(ssh, commands, files, proofTimeout, delay, protectedFiles, clock);
  }

  /** This protecting {@code paths} (absolute) instead of {@link #UFW_FILES}. */
  public ConfirmedApply protecting(List<Path> paths) {
    return new ConfirmedApply(ssh, commands, files, proofTimeout, timerDelay, paths, clock);
  }

  /** This naming the timer unit and snapshot directory from {@code clock}'s local time. */
  public ConfirmedApply withClock(Clock c) {
    return new ConfirmedApply(ssh, commands, files, proofTimeout, timerDelay, protectedFiles, c);
  }

  /**
   * Reads the protected files, arms the systemd timer where there is systemd, runs {@code apply},
   * proves a fresh connection, and rolls back if none gets in. An exception of the apply is thrown
   * after the same proof (and rollback, if it fails); the timer is stopped in every case in which
   * this method still reaches the host.
   */
  public Result run(Supplier<List<AppliedChange>> apply) {
    requireNonNull(apply, "apply");
    Map<Path, Optional<byte[]>> before = new LinkedHashMap<>();
    for (Path p : protectedFiles) {
      before.put(p, files.read(p));
    }
    Optional<String> unit = Optional.empty();
    if (files.isDirectory(SYSTEMD)) {
      unit = Optional.of(arm(before));
    }
    List<AppliedChange> applied = List.of();
    RuntimeException failure = null;
    try {
      applied = ImmutableList.copyOf(requireNonNull(apply.get(), "the apply's changes"));
    } catch (RuntimeException e) {
      failure = e;
    }
    Optional<String> proofFailure = prove();
    Result result;
    if (proofFailure.isEmpty()) {
      result =
          new Result(
              Outcome.CONFIRMED,
              ImmutableList.copyOf(applied),
              List.of(),
              List.of(),
              proofFailure,
              unit);
    } else {
      result = rollBack(before, applied, proofFailure.get(), unit);
    }
    unit.ifPresent(this::disarm);
    if (failure != null) {
      if (result.outcome() == Outcome.ROLLED_BACK) {
        failure.addSuppressed(
            new IllegalStateException(
                "rolled back: "
                    + result.proofFailure().orElseThrow()
                    + "; restored "
                    + result.restored()));
      }
      throw failure;
    }
    return result;
  }

  /** Empty when a fresh connection got in within the proof timeout, else the last failure. */
  private Optional<String> prove() {
    long deadline = System.nanoTime() + proofTimeout.toNanos();
    String last = "no attempt";
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.of(last);
      }
      try {
        ssh.connectFresh(Duration.ofNanos(left));
        return Optional.empty();
      } catch (CommandException e) {
        last = e.getMessage();
      }
      if (deadline - System.nanoTime() > RETRY_PAUSE.toNanos()) {
        sleep(RETRY_PAUSE);
      }
    }
  }

  private Result rollBack(
      Map<Path, Optional<byte[]>> before,
      List<AppliedChange> applied,
      String proofFailure,
      Optional<String> unit) {
    List<Path> restored = new ArrayList<>();
    for (Map.Entry<Path, Optional<byte[]>> e : before.entrySet()) {
      Path p = e.getKey();
      if (e.getValue().isPresent()) {
        if (files.write(p, e.getValue().get()).changed()) {
          restored.add(p);
        }
      } else if (files.delete(p).changed()) {
        restored.add(p);
      }
    }
    Set<Path> seen = new LinkedHashSet<>(before.keySet());
    List<Path> notRestored = new ArrayList<>();
    for (AppliedChange c : applied) {
      if (!c.changed() || !seen.add(c.file())) {
        continue;
      }
      Optional<byte[]> backup = c.backup().flatMap(files::read);
      if (backup.isPresent()) {
        if (files.write(c.file(), backup.get()).changed()) {
          restored.add(c.file());
        }
      } else {
        notRestored.add(c.file());
      }
    }
    UfwClient ufw = UfwClient.on(commands);
    if (wasEnabled(before)) {
      ufw.reload();
    } else {
      ufw.disable();
    }
    return new Result(
        Outcome.ROLLED_BACK,
        ImmutableList.copyOf(applied),
        restored,
        notRestored,
        Optional.of(proofFailure),
        unit);
  }

  /** Whether ufw.conf said ENABLED=yes before the apply (true when it was not read). */
  private static boolean wasEnabled(Map<Path, Optional<byte[]>> before) {
    Optional<byte[]> conf = before.getOrDefault(UFW_CONF, Optional.empty());
    return conf.map(b -> UfwConf.parse(UFW_CONF.toString(), b).enabled()).orElse(true);
  }

  /** Copies the protected files aside and arms the timer; returns the unit name. */
  private String arm(Map<Path, Optional<byte[]>> before) {
    String stamp = LocalDateTime.now(clock).format(STAMP);
    String id =
        "hostguard-rollback-"
            + stamp
            + "-"
            + String.format(Locale.ROOT, "%04x", RANDOM.nextInt(0x10000));
    Path snapshot = SNAPSHOT_ROOT.resolve(id.substring("hostguard-".length()));
    List<String> argv = new ArrayList<>(timerArgv(id));
    for (Map.Entry<Path, Optional<byte[]>> e : before.entrySet()) {
      Path p = e.getKey();
      if (e.getValue().isPresent()) {
        Path copy = snapshot.resolve(p.getRoot().relativize(p));
        files.mkdirs(requireNonNull(copy.getParent()));
        exec(List.of("cp", "--archive", "--", p.toString(), copy.toString()));
        argv.add(
            "--property=ExecStartPre="
                + unitCommand("/bin/cp", "--archive", "--", copy.toString(), p.toString()));
      } else {
        argv.add("--property=ExecStartPre=" + unitCommand("/bin/rm", "-f", "--", p.toString()));
      }
    }
    argv.add("--");
    argv.add("/usr/sbin/ufw");
    argv.add(wasEnabled(before) ? "reload" : "disable");
    exec(argv);
    return id;
  }

  private List<String> timerArgv(String id) {
    return List.of(
        "systemd-run",
        "--on-active=" + Math.max(1, timerDelay.toSeconds()),
        "--unit=" + id,
        "--description=hostguard: roll back an unconfirmed firewall change",
        "--service-type=oneshot");
  }

  /** Stops the timer ({@code systemctl stop UNIT.timer}); the host may be unreachable by now. */
  private void disarm(String unit) {
    exec(List.of("systemctl", "stop", unit + ".timer"));
  }

  private void exec(List<String> argv) {
    commands.execute(Command.of(argv).withTimeout(COMMAND_TIMEOUT));
  }

  /**
   * A command line in a unit file's syntax: the program as it is, each argument in double quotes
   * with {@code \} and {@code "} escaped. Words with {@code %} or {@code $} (which systemd may
   * expand), a newline or NUL are refused.
   */
  static String unitCommand(String program, String... args) {
    if (!program.matches("/[A-Za-z0-9/_.+-]+")) {
      throw new IllegalArgumentException("not a plain absolute program path: " + program);
    }
    StringBuilder sb = new StringBuilder(program);
    for (String w : args) {
      if (w.indexOf('%') >= 0
          || w.indexOf('$') >= 0
          || w.indexOf('\n') >= 0
          || w.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("cannot pass to systemd unchanged: " + w);
      }
      sb.append(" \"");
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (c == '\\' || c == '"') {
          sb.append('\\');
        }
        sb.append(c);
      }
      sb.append('"');
    }
    return sb.toString();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "ConfirmedApply via " + ssh + ", proof within " + proofTimeout;
  }
}
