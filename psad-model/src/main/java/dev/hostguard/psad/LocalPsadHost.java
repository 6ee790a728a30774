package dev.hostguard.psad;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The local machine. */
final class LocalPsadHost implements PsadHost {
  static final LocalPsadHost INSTANCE = new LocalPsadHost();
  private static final Pattern JOURNALD = Pattern.compile("systemd-journald\\b");

  /** glibc's {@code execvp} search path when {@code PATH} is unset. */
  private static final String DEFAULT_PATH = "/bin:/usr/bin";

  /** Linux reads this much of a file to find a {@code #!} line ({@code BINPRM_BUF_SIZE}). */
  private static final int SHEBANG_BUFFER = 256;

  /** Interpreters Linux follows before it gives up with ELOOP. */
  private static final int MAX_INTERPRETERS = 4;

  private LocalPsadHost() {}

  @Override
  public boolean exists(String path) {
    Path p = toPath(path);
    return p != null && Files.exists(p);
  }

  @Override
  public boolean isExecutable(String path) {
    Path p = toPath(path);
    return p != null && Files.isExecutable(p);
  }

  /** {@code execvp}: a name with a {@code /} is executed as is, one without is searched in PATH. */
  @Override
  public int execErrno(String program) {
    if (program.isEmpty()) {
      return LinuxErrno.ENOENT;
    }
    if (program.indexOf('/') >= 0) {
      return execveErrno(program, 0);
    }
    String path = System.getenv("PATH");
    boolean denied = false;
    int last = LinuxErrno.ENOENT;
    for (String dir : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
      int errno = execveErrno((dir.isEmpty() ? "." : dir) + "/" + program, 0);
      if (errno == 0) {
        return 0;
      } else if (errno == LinuxErrno.EACCES) {
        denied = true;
      } else if (errno == LinuxErrno.ENOENT || errno == LinuxErrno.ENOTDIR) {
        last = errno;
      } else {
        return errno;
      }
    }
    return denied ? LinuxErrno.EACCES : last;
  }

  /** What {@code execve(path)} gives, read from the file system without running anything. */
  private static int execveErrno(String path, int depth) {
    if (depth > MAX_INTERPRETERS) {
      return LinuxErrno.ELOOP;
    }
    Path p = toPath(path);
    if (p == null) {
      return LinuxErrno.ENOENT;
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return errno(e);
    }
    // Java drops a trailing '/', the kernel does not: "file/" is ENOTDIR.
    if (path.endsWith("/") && !a.isDirectory()) {
      return LinuxErrno.ENOTDIR;
    }
    if (!a.isRegularFile() || !Files.isExecutable(p)) {
      return LinuxErrno.EACCES;
    }
    String interpreter = interpreter(p);
    return interpreter == null ? 0 : execveErrno(interpreter, depth + 1);
  }

  /** The interpreter named by a {@code #!} line, or null (a binary, or no interpreter named). */
  private static @Nullable String interpreter(Path p) {
    byte[] head;
    try (InputStream in = Files.newInputStream(p)) {
      head = in.readNBytes(SHEBANG_BUFFER);
    } catch (IOException e) {
      return null;
    }
    if (head.length < 2 || head[0] != '#' || head[1] != '!') {
      return null;
    }
    int i = 2;
    while (i < head.length && (head[i] == ' ' || head[i] == '\t')) {
      i++;
    }
    int start = i;
    while (i < head.length
        && head[i] != ' '
        && head[i] != '\t'
        && head[i] != '\n'
        && head[i] != 0) {
      i++;
    }
    // An empty #! line is ENOEXEC, and Perl then runs the file with /bin/sh: it starts.
    return i == start ? null : new String(head, start, i - start, StandardCharsets.ISO_8859_1);
  }

  private static int errno(IOException e) {
    if (e instanceof NoSuchFileException) {
      return LinuxErrno.ENOENT;
    }
    if (e instanceof AccessDeniedException) {
      return LinuxErrno.EACCES;
    }
    String reason = e instanceof FileSystemException fse ? fse.getReason() : null;
    if (reason == null) {
      return LinuxErrno.ENOENT;
    }
    if (reason.startsWith("Too many levels of symbolic links")) {
      return LinuxErrno.ELOOP;
    }
    if (reason.startsWith("Not a directory")) {
      return LinuxErrno.ENOTDIR;
    }
    if (reason.startsWith("File name too long")) {
      return LinuxErrno.ENAMETOOLONG;
    }
    return LinuxErrno.ENOENT;
  }

  private static @Nullable Path toPath(String path) {
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      return null;
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  @Override
  public boolean isJournaldRunning() {
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (isRootJournald(proc)) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  private static boolean isRootJournald(Path proc) {
    try {
      String status = Files.readString(proc.resolve("status"), StandardCharsets.ISO_8859_1);
      boolean root = false;
      for (String line : status.split("\n", -1)) {
        if (line.startsWith("Uid:")) {
          String[] ids = line.substring(4).trim().split("\\s+");
          root = ids.length > 1 && ids[1].equals("0");
        }
      }
      if (!root) {
        return false;
      }
      byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
      String args = new String(cmdline, StandardCharsets.ISO_8859_1).replace('\0', ' ');
      if (args.isBlank()) {
        args = "[" + Files.readString(proc.resolve("comm"), StandardCharsets.ISO_8859_1) + "]";
      }
      return JOURNALD.matcher(args).find();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
