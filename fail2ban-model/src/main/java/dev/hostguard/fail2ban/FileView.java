package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.InputLimits;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file-system questions fail2ban's configuration reader asks ({@code os.path.exists}, {@code
 * isfile}, {@code isdir}, {@code os.listdir}, {@code open().read()}), by path strings exactly as
 * fail2ban builds them. A {@link Fail2banConfigSource} answers them from the disk or from memory.
 */
interface FileView {

  /** One directory entry: its name and whether it is a directory. */
  record Entry(String name, boolean directory) {}

  /** The bytes of a file, or empty when Python's {@code open} would fail. */
  Optional<byte[]> read(String path);

  boolean exists(String path);

  /** {@code os.path.lexists}: a dangling symbolic link exists. */
  boolean lexists(String path);

  boolean isFile(String path);

  boolean isDir(String path);

  /** The entries of a directory ({@code ""} is the working directory); empty when unreadable. */
  List<Entry> list(String dir);

  /** The real file system, asked again on every call. */
  FileView DISK = new Disk();

  /** Every answer of {@code view} memoized: the files as they were when first asked about. */
  static FileView snapshot(FileView view) {
    return view instanceof Snapshot ? view : new Snapshot(view);
  }

  /** The real file system. */
  final class Disk implements FileView {
    private Disk() {}

    private static Path path(String p) {
      return Path.of(p.isEmpty() ? "." : p);
    }

    @Override
    public Optional<byte[]> read(String path) {
      try {
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
          return Optional.empty();
        }
        Path p = Path.of(path);
        // one stat (following links) answers directory, regular file and size together
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
          return Optional.empty(); // missing or unreadable: open would fail as well
        }
        // a directory, and a FIFO: opening one blocks until a writer comes, which may be never;
        // fail2ban would hang, this reader answers as fail2ban does for a file it cannot open
        if (a.isDirectory() || (a.isOther() && isFifo(p))) {
          return Optional.empty();
        }
        // a device reads as fail2ban reads it (/dev/null: empty), bounded as a large file is
        if (!a.isRegularFile() || a.size() > InputLimits.MAX_BYTES) {
          // refused by ConfigSession with the size (InputLimits): read only the start
          try (java.io.InputStream in = Files.newInputStream(p)) {
            return Optional.of(in.readNBytes(InputLimits.MAX_BYTES + 1));
          }
        }
        return Optional.of(Files.readAllBytes(p));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    /** {@code S_ISFIFO} of {@code stat(2)} (following links); false when it cannot be asked. */
    private static boolean isFifo(Path p) {
      try {
        return ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) == 0010000;
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    @Override
    public boolean exists(String p) {
      try {
        return !p.isEmpty() && p.indexOf('\0') < 0 && Files.exists(path(p));
      } catch (InvalidPathException | SecurityException e) {
        return false;
      }
    }

    @Override
    public boolean lexists(String p) {
      try {
        return !p.isEmpty()
            && p.indexOf('\0') < 0
            && Files.exists(path(p), LinkOption.NOFOLLOW_LINKS);
      } catch (InvalidPathException | SecurityException e) {
        return false;
      }
    }

    @Override
    public boolean isFile(String p) {
      try {
        return !p.isEmpty() && p.indexOf('\0') < 0 && Files.isRegularFile(path(p));
      } catch (InvalidPathException | SecurityException e) {
        return false;
      }
    }

    @Override
    public boolean isDir(String p) {
      try {
        return p.indexOf('\0') < 0 && Files.isDirectory(path(p));
      } catch (InvalidPathException | SecurityException e) {
        return false;
      }
    }

    @Override
    public List<Entry> list(String dir) {
      List<Entry> out = new ArrayList<>();
      Path d;
      try {
        d = path(dir);
        // most directories listed are missing (the NAME.d of every filter and action, twice):
        // one stat answers those, where a failed newDirectoryStream costs two exceptions, about
        // four times as much; what is not a directory cannot be opened as one either
        if (!Files.isDirectory(d)) {
          return out;
        }
      } catch (RuntimeException e) {
        return out;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
        for (Path entry : ds) {
          out.add(new Entry(entry.getFileName().toString(), Files.isDirectory(entry)));
        }
      } catch (IOException | RuntimeException e) {
        return out;
      }
      return out;
    }
  }

  /** A view whose every answer is memoized (per instance, so per configuration value). */
  final class Snapshot implements FileView {
    private final FileView view;
    private final ConcurrentHashMap<String, Optional<byte[]>> reads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> exists = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> lexists = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> files = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> dirs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Entry>> lists = new ConcurrentHashMap<>();

    private Snapshot(FileView view) {
      this.view = view;
    }

    @Override
    public Optional<byte[]> read(String path) {
      // callers never change the array (parses copy what they keep)
      return reads.computeIfAbsent(path, view::read);
    }

    @Override
    public boolean exists(String path) {
      return exists.computeIfAbsent(path, view::exists);
    }

    @Override
    public boolean lexists(String path) {
      return lexists.computeIfAbsent(path, view::lexists);
    }

    @Override
    public boolean isFile(String path) {
      return files.computeIfAbsent(path, view::isFile);
    }

    @Override
    public boolean isDir(String path) {
      return dirs.computeIfAbsent(path, view::isDir);
    }

    @Override
    public List<Entry> list(String dir) {
      return lists.computeIfAbsent(dir, d -> List.copyOf(view.list(d)));
    }
  }
}
