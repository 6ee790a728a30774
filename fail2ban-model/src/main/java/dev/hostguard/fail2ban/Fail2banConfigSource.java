package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a fail2ban configuration is read from: a directory on disk, or files held in memory. Either
 * is resolved exactly alike by {@link Fail2banConfig} and {@link Fail2banDump}: {@code jail.conf},
 * the sorted globs {@code jail.d/*.conf} and {@code jail.d/*.local}, {@code jail.local}, the {@code
 * .local} next to every {@code .conf}, {@code [INCLUDES]}, {@code filter.d/} and {@code action.d/}.
 *
 * <pre>{@code
 * Fail2banConfigSource mem = Fail2banConfigSource.inMemory(Map.of(Path.of("jail.local"), "[sshd]\nenabled = true\n"));
 * Fail2banConfig.from(Fail2banConfigSource.directory(Path.of("/etc/fail2ban")));
 * }</pre>
 *
 * <p>A directory source reads the disk whenever a resolution asks; a {@link Fail2banConfig} built
 * from it keeps what it read first (see {@link Fail2banConfig}). An in-memory source reads nothing
 * from the host: only its files exist (a {@code logpath} glob finds nothing unless a log file is
 * given too, by an absolute path).
 */
public final class Fail2banConfigSource {
  /** The directory an in-memory source is named after when no other is given. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/etc/fail2ban");

  private final Path directory;
  private final FileView files;

  private Fail2banConfigSource(Path directory, FileView files) {
    this.directory = directory;
    this.files = files;
  }

  /**
   * The configuration directory {@code dir} on disk, read when a resolution asks (as {@code
   * fail2ban-client -c DIR} reads it; {@code dir} appears in paths of the output as given).
   */
  public static Fail2banConfigSource directory(Path dir) {
    return new Fail2banConfigSource(requireNonNull(dir, "dir"), FileView.DISK);
  }

  /**
   * Files held in memory, as a configuration directory named {@link #DEFAULT_DIRECTORY}: each key
   * is a path relative to the directory ({@code jail.local}, {@code filter.d/sshd.conf}), or an
   * absolute path for a file outside it (a log file, an include elsewhere); each value the file's
   * text.
   */
  public static Fail2banConfigSource inMemory(Map<Path, String> files) {
    return inMemory(DEFAULT_DIRECTORY, files);
  }

  /**
   * Like {@link #inMemory(Map)}, with the name of the directory (what {@code fail2ban_confpath} and
   * paths in the server commands show).
   */
  public static Fail2banConfigSource inMemory(Path directory, Map<Path, String> files) {
    requireNonNull(directory, "directory");
    requireNonNull(files, "files");
    String dir = directory.toString();
    Map<String, byte[]> byPath = new LinkedHashMap<>();
    for (Map.Entry<Path, String> e : files.entrySet()) {
      Path p = requireNonNull(e.getKey(), "path");
      String text = requireNonNull(e.getValue(), () -> "text of " + p);
      byPath.put(PythonPaths.join(dir, p.toString()), text.getBytes(StandardCharsets.UTF_8));
    }
    return new Fail2banConfigSource(directory, new MemoryFiles(dir, byPath));
  }

  /**
   * The configuration directory {@code dir} as {@code access} answers for it, asked when a
   * resolution needs a file (a {@link Fail2banConfig} built from it keeps what it read first), as
   * {@link #directory} reads the disk.
   */
  public static Fail2banConfigSource over(Path dir, Fail2banFileAccess access) {
    requireNonNull(dir, "dir");
    requireNonNull(access, "access");
    return new Fail2banConfigSource(dir, new AccessFiles(access));
  }

  /** The configuration directory, as fail2ban's {@code -c} gets it. */
  public Path directory() {
    return directory;
  }

  /** Whether this source reads the disk. */
  public boolean readsDisk() {
    return files == FileView.DISK;
  }

  String directoryName() {
    return directory.toString();
  }

  FileView files() {
    return files;
  }

  @Override
  public String toString() {
    return (readsDisk() ? "directory " : "in-memory ") + directory;
  }
}
