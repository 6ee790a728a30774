package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PsadHost} whose facts are given in memory: the files that exist (plain or executable),
 * the directories, the {@code PATH} that {@code execvp} searches for a {@code psCmd} without a
 * {@code /}, and whether a root {@code systemd-journald} runs. It reads nothing from the machine it
 * runs on. The parent directories of every file given exist too. Immutable: every {@code with…}
 * returns a new host.
 *
 * <pre>{@code
 * PsadHost host = PsadHost.inMemory().withExecutables(Path.of("/bin/ps")).withJournaldRunning(true);
 * PsadConfig.validate(doc, host);
 * }</pre>
 */
public final class InMemoryPsadHost implements PsadHost {
  static final InMemoryPsadHost EMPTY =
      new InMemoryPsadHost(
          ImmutableMap.of(), ImmutableList.of(Path.of("/bin"), Path.of("/usr/bin")), false);

  /** What is at a path. */
  private enum Kind {
    FILE,
    EXECUTABLE,
    DIRECTORY
  }

  private final ImmutableMap<Path, Kind> entries;
  private final ImmutableList<Path> searchPath;
  private final boolean journaldRunning;

  private InMemoryPsadHost(
      ImmutableMap<Path, Kind> entries, ImmutableList<Path> searchPath, boolean journaldRunning) {
    this.entries = entries;
    this.searchPath = searchPath;
    this.journaldRunning = journaldRunning;
  }

  /** This host with plain files (they exist, they are not executable) at these paths. */
  public InMemoryPsadHost withFiles(Path... files) {
    return with(Kind.FILE, files);
  }

  /** This host with executable files at these paths (programs that start when run). */
  public InMemoryPsadHost withExecutables(Path... files) {
    return with(Kind.EXECUTABLE, files);
  }

  /** This host with directories at these paths (they exist and can be searched). */
  public InMemoryPsadHost withDirectories(Path... directories) {
    return with(Kind.DIRECTORY, directories);
  }

  /**
   * This host with {@code PATH} set to these directories, in order (the search of a {@code psCmd}
   * given without a {@code /}).
   */
  public InMemoryPsadHost withSearchPath(List<Path> directories) {
    return new InMemoryPsadHost(entries, ImmutableList.copyOf(directories), journaldRunning);
  }

  /** This host with a root {@code systemd-journald} running, or not. */
  public InMemoryPsadHost withJournaldRunning(boolean running) {
    return new InMemoryPsadHost(entries, searchPath, running);
  }

  private InMemoryPsadHost with(Kind kind, Path... paths) {
    Map<Path, Kind> out = new LinkedHashMap<>(entries);
    for (Path p : paths) {
      requireNonNull(p, "path");
      Path n = p.normalize();
      for (Path parent = n.getParent(); parent != null; parent = parent.getParent()) {
        if (out.get(parent) != null && out.get(parent) != Kind.DIRECTORY) {
          throw new PsadRefusedException(
              "not a directory: " + parent + " (a file, under " + p + ")");
        }
        out.put(parent, Kind.DIRECTORY);
      }
      out.put(n, kind);
    }
    return new InMemoryPsadHost(ImmutableMap.copyOf(out), searchPath, journaldRunning);
  }

  /** The directories searched for a program named without {@code /}. */
  public ImmutableList<Path> searchPath() {
    return searchPath;
  }

  @Override
  public boolean exists(String path) {
    return kind(path).isPresent();
  }

  /** Executable files, and directories (Perl's {@code -x} on a directory: it can be searched). */
  @Override
  public boolean isExecutable(String path) {
    return kind(path).filter(k -> k != Kind.FILE).isPresent();
  }

  @Override
  public int execErrno(String program) {
    if (program.isEmpty()) {
      return LinuxErrno.ENOENT;
    }
    if (program.indexOf('/') >= 0) {
      return execveErrno(program);
    }
    boolean denied = false;
    int last = LinuxErrno.ENOENT;
    for (Path dir : searchPath) {
      int errno = execveErrno(dir + "/" + program);
      if (errno == 0) {
        return 0;
      } else if (errno == LinuxErrno.EACCES) {
        denied = true;
      } else {
        last = errno;
      }
    }
    return denied ? LinuxErrno.EACCES : last;
  }

  private int execveErrno(String path) {
    Optional<Path> p = toPath(path);
    if (p.isEmpty()) {
      return LinuxErrno.ENOENT;
    }
    for (Path parent = p.get().getParent(); parent != null; parent = parent.getParent()) {
      Kind k = entries.get(parent);
      if (k != null && k != Kind.DIRECTORY) {
        return LinuxErrno.ENOTDIR;
      }
    }
    Kind k = entries.get(p.get());
    if (k == null) {
      return LinuxErrno.ENOENT;
    }
    if (path.endsWith("/") && k != Kind.DIRECTORY) {
      return LinuxErrno.ENOTDIR;
    }
    return k == Kind.EXECUTABLE ? 0 : LinuxErrno.EACCES;
  }

  @Override
  public boolean isJournaldRunning() {
    return journaldRunning;
  }

  private Optional<Kind> kind(String path) {
    Optional<Path> p = toPath(path);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    Kind k = entries.get(p.get());
    // The kernel does not drop a trailing '/': "file/" is ENOTDIR, so it does not exist.
    if (k != null && path.endsWith("/") && k != Kind.DIRECTORY) {
      return Optional.empty();
    }
    return Optional.ofNullable(k);
  }

  private static Optional<Path> toPath(String path) {
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(path).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The facts, for reading in a test report. */
  @Override
  public String toString() {
    return "InMemoryPsadHost" + entries + " PATH=" + searchPath + " journald=" + journaldRunning;
  }
}
