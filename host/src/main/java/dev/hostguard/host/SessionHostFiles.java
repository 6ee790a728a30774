package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one {@link HostFiles} implementation: logical paths (under an optional root), backups and
 * atomic writes composed from the primitive {@link FileOps} of the local machine or of an
 * executor's. Remembers which files it has changed so that only the first change backs one up.
 */
final class SessionHostFiles implements HostFiles {
  /** The suffix of every temp file: hidden names ending so match no tool's include glob. */
  static final String TEMP_SUFFIX = ".hostguard-tmp";

  /** Mode of a file a write creates. */
  static final int NEW_FILE_MODE = 0644;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
  private static final Path SLASH = Path.of("/");

  private final FileOps ops;
  private final Path root;
  private final BackupPolicy policy;
  private final Clock clock;
  private final WriteObserver observer;
  private final Set<Path> changed = new HashSet<>();

  private SessionHostFiles(
      FileOps ops, Path root, BackupPolicy policy, Clock clock, WriteObserver observer) {
    this.ops = ops;
    this.root = root;
    this.policy = policy;
    this.clock = clock;
    this.observer = observer;
  }

  static SessionHostFiles create(FileOps ops) {
    return new SessionHostFiles(
        ops,
        SLASH,
        BackupPolicy.defaults(),
        Clock.system(ZoneId.systemDefault()),
        WriteObserver.NONE);
  }

  /** The same session settings told of every write step. */
  SessionHostFiles observedBy(WriteObserver newObserver) {
    return new SessionHostFiles(ops, root, policy, clock, requireNonNull(newObserver));
  }

  @Override
  public HostFiles withRoot(Path newRoot) {
    BackupPolicy.requireAbsolute(newRoot);
    return new SessionHostFiles(ops, newRoot, policy, clock, observer);
  }

  @Override
  public HostFiles withBackupPolicy(BackupPolicy newPolicy) {
    return new SessionHostFiles(ops, root, requireNonNull(newPolicy, "policy"), clock, observer);
  }

  @Override
  public HostFiles withClock(Clock newClock) {
    return new SessionHostFiles(ops, root, policy, requireNonNull(newClock, "clock"), observer);
  }

  @Override
  public Optional<byte[]> read(Path file) {
    return ops.read(real(file));
  }

  @Override
  public Optional<FileStat> stat(Path path) {
    return ops.stat(real(path));
  }

  @Override
  public List<Path> list(Path dir) {
    Path real = real(dir);
    if (!ops.stat(real).map(FileStat::isDirectory).orElse(false)) {
      throw new UncheckedIOException(new IOException("not a directory: " + dir));
    }
    return ops.list(real).stream()
        .sorted()
        .map(dir::resolve)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public void mkdirs(Path dir) {
    ops.mkdirs(real(dir));
  }

  @Override
  public AppliedChange write(Path file, byte[] content) {
    requireNonNull(content, "content");
    Path target = real(requireFileName(file));
    Path temp = target.resolveSibling(tempName(target));
    Optional<FileStat> stat = ops.stat(target);
    stat.ifPresent(s -> requireRegularFile(file, s));
    if (stat.isPresent() && ops.read(target).map(b -> Arrays.equals(b, content)).orElse(false)) {
      return new AppliedChange(file, false, Optional.empty());
    }
    Optional<Path> backup = backUpBeforeFirstChange(file, stat);
    observer.reached(WriteStep.AFTER_BACKUP, file);
    try {
      ops.writePrivate(temp, content);
      if (stat.isPresent()) {
        FileStat s = stat.get();
        ops.chownChmod(temp, s.uid(), s.gid(), s.mode());
      } else {
        ops.chownChmod(temp, -1, -1, NEW_FILE_MODE);
      }
      observer.reached(WriteStep.AFTER_TEMP_WRITE, file);
      ops.fsync(temp);
      observer.reached(WriteStep.AFTER_FSYNC, file);
      observer.reached(WriteStep.BEFORE_RENAME, file);
      ops.rename(temp, target);
    } catch (RuntimeException e) {
      try {
        ops.delete(temp);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    observer.reached(WriteStep.AFTER_RENAME, file);
    ops.fsync(target.getParent());
    return new AppliedChange(file, true, backup);
  }

  @Override
  public AppliedChange delete(Path file) {
    Path target = real(requireFileName(file));
    Optional<FileStat> stat = ops.stat(target);
    if (stat.isEmpty()) {
      return new AppliedChange(file, false, Optional.empty());
    }
    requireRegularFile(file, stat.get());
    Optional<Path> backup = backUpBeforeFirstChange(file, stat);
    ops.delete(target);
    ops.fsync(target.getParent());
    return new AppliedChange(file, true, backup);
  }

  /** The temp file's name for a target: {@code .NAME.hostguard-tmp}. */
  static String tempName(Path target) {
    String name = "." + target.getFileName() + TEMP_SUFFIX;
    if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException("file name too long for a temp file beside it: " + target);
    }
    return name;
  }

  private Optional<Path> backUpBeforeFirstChange(Path file, Optional<FileStat> stat) {
    synchronized (changed) {
      if (!changed.add(file)) {
        return Optional.empty();
      }
    }
    if (stat.isEmpty()) {
      return Optional.empty();
    }
    Path dir = policy.backupDirectoryFor(file);
    Path realDir = real(dir);
    if (ops.stat(realDir).isEmpty()) {
      ops.mkdirs(realDir);
    }
    String base = file.getFileName() + "-COPY-" + STAMP.format(LocalDateTime.now(clock));
    Path backup = dir.resolve(base);
    for (int n = 2; ops.stat(real(backup)).isPresent(); n++) {
      backup = dir.resolve(base + "-" + n);
    }
    Path realBackup = real(backup);
    try {
      ops.copyArchive(real(file), realBackup);
      ops.fsync(realBackup);
      ops.fsync(realDir);
    } catch (RuntimeException e) {
      synchronized (changed) {
        changed.remove(file);
      }
      throw e;
    }
    return Optional.of(backup);
  }

  private static Path requireFileName(Path file) {
    if (file.getFileName() == null) {
      throw new IllegalArgumentException("not a file: " + file);
    }
    return file;
  }

  private static void requireRegularFile(Path file, FileStat stat) {
    if (!stat.isRegularFile()) {
      throw new UncheckedIOException(
          new IOException(
              "not a regular file (hostguard never replaces a "
                  + stat.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + "): "
                  + file));
    }
  }

  /** The path on the target: {@code path} (absolute, normalised) under the root. */
  private Path real(Path path) {
    BackupPolicy.requireAbsolute(path);
    if (path.getParent() == null) {
      return root;
    }
    return root.resolve(SLASH.relativize(path));
  }
}
