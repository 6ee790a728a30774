package dev.hostguard.host;

import dev.hostguard.exec.CommandExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Files on the target machine: the SPI every hostguard feature reads and writes through, so the
 * same code edits {@code /etc/ufw/before.rules} locally or on a remote host over ssh with sudo.
 * Paths are absolute and normalised; {@link #withRoot} puts every one under a directory.
 *
 * <p>Every {@link #write} is atomic: the bytes go to a hidden temp file beside the target ({@code
 * .NAME.hostguard-tmp}: ufw skips hidden files in {@code applications.d}, fail2ban's {@code
 * *.conf}/{@code *.local} globs and psad's {@code .rules} suffix match none), which gets the
 * target's mode and owner, is fsynced and renamed over the target; the directory is fsynced last. A
 * leftover temp of a killed write is replaced by the next write. Before the first change to a file
 * within this object (a session), the file is copied as {@code cp --archive} does to {@code
 * NAME-COPY-yyyyMMddHHmmss} (local time of {@link #withClock the clock}; {@code -2}, {@code -3} …
 * on a collision, never overwriting), where {@link BackupPolicy} says. A symbolic link is never
 * replaced: writing or deleting one is refused.
 *
 * <p>Failures are {@link java.io.UncheckedIOException}s naming the path. Sessions are thread-safe.
 *
 * <pre>{@code
 * HostFiles files = HostFiles.over(new SudoExecutor(new SshExecutor(host)));
 * files.write(Path.of("/etc/ufw/before.rules"), newRules.toBytes());
 * }</pre>
 */
public interface HostFiles {

  /** This machine's files through {@code java.nio}: a new session. */
  static HostFiles local() {
    return SessionHostFiles.create(NioFileOps.INSTANCE);
  }

  /**
   * The files of the machine {@code executor} runs commands on, through coreutils commands given as
   * argv lists ({@code cat}, {@code stat}, {@code install}, {@code sync}, {@code mv}, {@code cp
   * --archive}, …): a new session.
   */
  static HostFiles over(CommandExecutor executor) {
    return SessionHostFiles.create(new CommandFileOps(executor));
  }

  /** The bytes of a file, or empty when nothing is there. */
  Optional<byte[]> read(Path file);

  /** The path's type, mode and owner (not following a link), or empty when nothing is there. */
  Optional<FileStat> stat(Path path);

  /** Whether anything (a dangling link included) is at this path. */
  default boolean exists(Path path) {
    return stat(path).isPresent();
  }

  /** Whether this path is a directory (not a link to one). */
  default boolean isDirectory(Path path) {
    return stat(path).map(FileStat::isDirectory).orElse(false);
  }

  /** The entries of a directory, sorted by name; throws when it is not a directory. */
  List<Path> list(Path dir);

  /**
   * Replaces a file's content atomically (creating it, mode {@code 0644}, when absent), backing it
   * up first if this is its first change in the session. Writing the bytes it already holds does
   * nothing. The parent directory must exist.
   */
  AppliedChange write(Path file, byte[] content);

  /** Deletes a file, backing it up first as {@link #write} does; nothing when absent. */
  AppliedChange delete(Path file);

  /** Creates a directory and its missing parents ({@code mkdir -p}). */
  void mkdirs(Path dir);

  /**
   * A new session whose every path is under {@code root} (a directory on the target): {@code
   * /etc/ufw/user.rules} means {@code ROOT/etc/ufw/user.rules}, backups included.
   */
  HostFiles withRoot(Path root);

  /** A new session placing backups as {@code policy} says. */
  HostFiles withBackupPolicy(BackupPolicy policy);

  /**
   * A new session naming backups from this clock's local time (by default the system clock in this
   * JVM's time zone: give the target's zone when it differs, e.g. over ssh).
   */
  HostFiles withClock(Clock clock);
}
