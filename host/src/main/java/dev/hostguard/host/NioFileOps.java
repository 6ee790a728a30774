package dev.hostguard.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link FileOps} on this machine through {@code java.nio} (Linux: the {@code unix} view). */
final class NioFileOps implements FileOps {
  static final NioFileOps INSTANCE = new NioFileOps();

  private NioFileOps() {}

  @Override
  public Optional<byte[]> read(Path file) {
    try {
      refuseSpecialFile(file);
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("cannot read", file, e);
    }
  }

  /**
   * Opening a FIFO blocks until a writer comes, which may be never, and a device may never end: a
   * file that is neither a regular file nor a directory (whose read fails on its own) is refused
   * before it is opened.
   */
  private static void refuseSpecialFile(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (!a.isRegularFile() && !a.isDirectory()) {
      throw new FileSystemException(
          file.toString(), null, "not a regular file (a FIFO or device: give a file)");
    }
  }

  @Override
  public Optional<FileStat> stat(Path path) {
    try {
      Map<String, Object> a =
          Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
      return Optional.of(
          FileStat.fromRawMode(
              (Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("cannot stat", path, e);
    }
  }

  @Override
  public List<String> list(Path dir) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw failure("cannot list", dir, e);
    }
    return names;
  }

  @Override
  public void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failure("cannot create directory", dir, e);
    }
  }

  @Override
  public void writePrivate(Path file, byte[] content) {
    try {
      Files.deleteIfExists(file);
      try (FileChannel ch =
          FileChannel.open(
              file,
              java.util.Set.of(
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    } catch (IOException e) {
      throw failure("cannot write", file, e);
    }
  }

  @Override
  public void chownChmod(Path file, int uid, int gid, int mode) {
    try {
      if (uid >= 0) {
        Map<String, Object> a =
            Files.readAttributes(file, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        if ((Integer) a.get("uid") != uid) {
          Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        }
        if ((Integer) a.get("gid") != gid) {
          Files.setAttribute(file, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
      }
      // chown clears the setuid and setgid bits: the mode comes second
      Files.setAttribute(file, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw failure("cannot set owner and mode of", file, e);
    }
  }

  @Override
  public void fsync(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw failure("cannot fsync", path, e);
    }
  }

  @Override
  public void rename(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failure("cannot rename " + from + " to", to, e);
    }
  }

  @Override
  public void copyArchive(Path from, Path to) {
    try {
      Map<String, Object> a =
          Files.readAttributes(from, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      chownChmod(
          to, (Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode") & 07777);
    } catch (FileAlreadyExistsException e) {
      throw failure("backup already exists:", to, e);
    } catch (IOException e) {
      throw failure("cannot copy " + from + " to", to, e);
    }
  }

  @Override
  public void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw failure("cannot delete", file, e);
    }
  }

  /**
   * {@code what path: reason}, the reason in words ({@link AccessDeniedException}'s message is the
   * bare path); the cause carries the same message, as {@link CommandFileOps}'s do, so a caller
   * that shows the cause's message shows the reason.
   */
  private static UncheckedIOException failure(String what, Path path, IOException cause) {
    String message = what + " " + path + ": " + reason(cause);
    return new UncheckedIOException(message, new IOException(message, cause));
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
