package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandException;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link FileOps} as coreutils commands (argv lists, never a shell string) through a {@link
 * CommandExecutor}: the same operations on whatever machine the executor reaches. Every path is
 * absolute, so it never starts with {@code -}; {@code --} ends the options anyway where the program
 * takes it.
 */
final class CommandFileOps implements FileOps {
  /** Bytes of a file {@link #read} takes at most; the executor's default cap is smaller. */
  static final int MAX_FILE_BYTES = 256 * 1024 * 1024;

  private static final int FILE_TYPE_MASK = 0170000;
  private static final int REGULAR_FILE = 0100000;
  private static final int DIRECTORY = 0040000;

  private final CommandExecutor executor;

  CommandFileOps(CommandExecutor executor) {
    this.executor = requireNonNull(executor, "executor");
  }

  /**
   * Reads a regular file with {@code cat}. Opening a FIFO blocks until a writer comes, which may be
   * never, and a device may never end: as {@link NioFileOps} does, a file that {@code stat -L}
   * (links followed, as {@code cat} opens them) does not call regular is refused before it is
   * opened, a directory too, with the same messages.
   */
  @Override
  public Optional<byte[]> read(Path file) {
    CommandResult type =
        run(
            Command.of("stat", "-L", "-c", "%f", "--", file.toString()).acceptingAnyExitCode(),
            "cannot read",
            file);
    if (type.exitCode() != 0) {
      if (!exists(file)) {
        return Optional.empty();
      }
      throw failure("cannot read", file, type);
    }
    int fileType;
    try {
      fileType = Integer.parseInt(type.stdout().strip(), 16) & FILE_TYPE_MASK;
    } catch (NumberFormatException e) {
      throw refusal(file, "unexpected stat output: " + type.stdout());
    }
    if (fileType == DIRECTORY) {
      throw refusal(file, "Is a directory");
    }
    if (fileType != REGULAR_FILE) {
      throw refusal(file, "not a regular file (a FIFO or device: give a file)");
    }
    Command cat =
        Command.builder()
            .args(List.of("cat", "--", file.toString()))
            .maxOutputBytes(MAX_FILE_BYTES)
            .acceptAnyExitCode()
            .build();
    CommandResult r = run(cat, "cannot read", file);
    if (r.exitCode() != 0) {
      if (!exists(file)) {
        return Optional.empty(); // removed since the stat
      }
      throw failure("cannot read", file, r);
    }
    if (r.isTruncated()) {
      throw new UncheckedIOException(
          new IOException("cannot read " + file + ": larger than " + MAX_FILE_BYTES + " bytes"));
    }
    return Optional.of(r.stdoutBytes());
  }

  /** Whether something is at {@code path}, links followed ({@code test -e}). */
  private boolean exists(Path path) {
    CommandResult test =
        run(
            Command.of("test", "-e", path.toString()).withAcceptedExitCodes(0, 1),
            "cannot stat",
            path);
    return test.exitCode() == 0;
  }

  /** {@code cannot read PATH: reason}, worded as {@link NioFileOps} words it. */
  private static UncheckedIOException refusal(Path file, String reason) {
    String message = "cannot read " + file + ": " + reason;
    return new UncheckedIOException(message, new IOException(message));
  }

  @Override
  public Optional<FileStat> stat(Path path) {
    CommandResult r =
        run(
            Command.of("stat", "-c", "%f:%u:%g", "--", path.toString()).acceptingAnyExitCode(),
            "cannot stat",
            path);
    if (r.exitCode() != 0) {
      if (!exists(path)) {
        return Optional.empty();
      }
      throw failure("cannot stat", path, r);
    }
    String[] parts = r.stdout().strip().split(":", -1);
    try {
      if (parts.length != 3) {
        throw new NumberFormatException(r.stdout());
      }
      return Optional.of(
          FileStat.fromRawMode(
              Integer.parseInt(parts[0], 16),
              Integer.parseInt(parts[1]),
              Integer.parseInt(parts[2])));
    } catch (NumberFormatException e) {
      throw new UncheckedIOException(
          new IOException("cannot stat " + path + ": unexpected stat output: " + r.stdout(), e));
    }
  }

  @Override
  public List<String> list(Path dir) {
    CommandResult r =
        exec(
            Command.builder()
                .args(
                    List.of(
                        "find",
                        dir.toString(),
                        "-mindepth",
                        "1",
                        "-maxdepth",
                        "1",
                        "-printf",
                        "%f\\0"))
                .maxOutputBytes(MAX_FILE_BYTES)
                .build(),
            "cannot list",
            dir);
    byte[] out = r.stdoutBytes();
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        names.add(new String(out, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return names;
  }

  @Override
  public void mkdirs(Path dir) {
    exec(Command.of("mkdir", "-p", "--", dir.toString()), "cannot create directory", dir);
  }

  @Override
  public void writePrivate(Path file, byte[] content) {
    // install unlinks what is there and creates the file with mode 0600 before writing a byte
    exec(
        Command.of("install", "-m", "0600", "-T", "--", "/dev/stdin", file.toString())
            .withStdin(content),
        "cannot write",
        file);
  }

  @Override
  public void chownChmod(Path file, int uid, int gid, int mode) {
    if (uid >= 0) {
      exec(Command.of("chown", uid + ":" + gid, "--", file.toString()), "cannot chown", file);
    }
    exec(Command.of("chmod", octal(mode), "--", file.toString()), "cannot chmod", file);
  }

  @Override
  public void fsync(Path path) {
    exec(Command.of("sync", "--", path.toString()), "cannot fsync", path);
  }

  @Override
  public void rename(Path from, Path to) {
    exec(
        Command.of("mv", "-f", "-T", "--", from.toString(), to.toString()),
        "cannot rename " + from + " to",
        to);
  }

  @Override
  public void copyArchive(Path from, Path to) {
    exec(
        Command.of(
            "cp", "--archive", "--no-target-directory", "--", from.toString(), to.toString()),
        "cannot copy " + from + " to",
        to);
  }

  @Override
  public void delete(Path file) {
    exec(Command.of("rm", "-f", "--", file.toString()), "cannot delete", file);
  }

  /** The mode as chmod's four octal digits ({@code 0644}). */
  static String octal(int mode) {
    return String.format(Locale.ROOT, "%04o", mode);
  }

  private CommandResult exec(Command command, String what, Path path) {
    CommandResult r = run(command, what, path);
    if (!r.isAccepted()) {
      throw failure(what, path, r);
    }
    return r;
  }

  private CommandResult run(Command command, String what, Path path) {
    try {
      return executor.execute(command);
    } catch (CommandException e) {
      throw new UncheckedIOException(what + " " + path + ": " + e.getMessage(), new IOException(e));
    }
  }

  private static UncheckedIOException failure(String what, Path path, CommandResult r) {
    return new UncheckedIOException(
        new IOException(what + " " + path + ": " + r + ": " + r.stderr().strip()));
  }
}
