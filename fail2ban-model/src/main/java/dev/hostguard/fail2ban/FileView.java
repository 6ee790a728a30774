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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

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

  /**
   * The names in directory {@code dir}, read without asking about each entry, or null when this
   * view does not tell (then nothing is inferred from a listing). A name looked up in it that is
   * not there is not in the directory: {@link #snapshot} answers for such a path at once.
   */
  default @Nullable Set<String> names(String dir) {
    return null;
  }

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
    public @Nullable Set<String> names(String dir) {
      if (dir.indexOf('\0') >= 0) {
        return null;
      }
      Set<String> out = new LinkedHashSet<>(); // in the directory's order, as list() gives them
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(path(dir))) {
        for (Path entry : ds) {
          out.add(entry.getFileName().toString());
        }
      } catch (IOException | RuntimeException e) {
        return null; // missing, not a directory or unreadable: the entries are asked one by one
      }
      return out;
    }

    @Override
    public List<Entry> list(String dir) {
      // a missing NAME.d reaches this only past a snapshot that could not rule it out: the
      // snapshot answers the rest from its directory's names (Snapshot.missing)
      Set<String> names = names(dir);
      if (names == null) {
        return List.of();
      }
      List<Entry> out = new ArrayList<>(names.size());
      Path d = path(dir);
      for (String name : names) {
        out.add(new Entry(name, Files.isDirectory(d.resolve(name))));
      }
      return out;
    }
  }

  /**
   * A view whose every answer is memoized (per instance, so per configuration value). Most paths
   * fail2ban asks about are missing (every {@code NAME.local} and {@code NAME.d} of each filter and
   * action: 525 of 833 questions for Debian's stock jails all enabled); where the view can list a
   * path's directory ({@link #names}) and the name is not in it, the answer is "missing" without a
   * question of its own (on the disk each was a failed stat, an exception inside the JDK).
   */
  final class Snapshot implements FileView {
    private final FileView view;
    private final ConcurrentHashMap<String, Optional<Set<String>>> names =
        new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> missingDirectories = new ConcurrentHashMap<>();
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
      return reads.computeIfAbsent(path, p -> missing(p) ? Optional.empty() : view.read(p));
    }

    @Override
    public boolean exists(String path) {
      return exists.computeIfAbsent(path, p -> !missing(p) && view.exists(p));
    }

    @Override
    public boolean lexists(String path) {
      return lexists.computeIfAbsent(path, p -> !missing(p) && view.lexists(p));
    }

    @Override
    public boolean isFile(String path) {
      return files.computeIfAbsent(path, p -> !missing(p) && view.isFile(p));
    }

    @Override
    public boolean isDir(String path) {
      return dirs.computeIfAbsent(path, p -> !missing(p) && view.isDir(p));
    }

    @Override
    public List<Entry> list(String dir) {
      return lists.computeIfAbsent(dir, d -> missing(d) ? List.of() : List.copyOf(view.list(d)));
    }

    @Override
    public @Nullable Set<String> names(String dir) {
      return names.computeIfAbsent(dir, d -> Optional.ofNullable(view.names(d))).orElse(null);
    }

    /**
     * Whether {@code path} is surely missing: its directory is surely missing, or lists without its
     * name. Only a plain ASCII name is looked up ({@code .}, {@code ..}, an empty name and any
     * other are asked as they are): a file of that name always lists as that name, whatever charset
     * names are decoded in. The directory is checked first, so the directory of a log path whose
     * software is not installed is never opened (that would fail, with an exception inside the
     * JDK).
     */
    private boolean missing(String path) {
      int slash = path.lastIndexOf('/');
      String name = path.substring(slash + 1);
      if (name.isEmpty() || name.equals(".") || name.equals("..") || !isPlainAscii(name)) {
        return false;
      }
      String dir = slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
      if (slash > 0 && missingDirectory(dir)) {
        return true;
      }
      Set<String> in = names(dir);
      return in != null && !in.contains(name);
    }

    /** {@link #missing} of a directory, memoized (not by computeIfAbsent: it recurses). */
    private boolean missingDirectory(String dir) {
      Boolean m = missingDirectories.get(dir);
      if (m == null) {
        m = missing(dir);
        missingDirectories.put(dir, m);
      }
      return m;
    }

    private static boolean isPlainAscii(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c <= ' ' || c >= 0x7f) {
          return false;
        }
      }
      return true;
    }
  }
}
