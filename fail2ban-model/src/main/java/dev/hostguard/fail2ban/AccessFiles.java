package dev.hostguard.fail2ban;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link FileView} answered by a caller's {@link Fail2banFileAccess}. */
final class AccessFiles implements FileView {
  private final Fail2banFileAccess access;

  AccessFiles(Fail2banFileAccess access) {
    this.access = access;
  }

  /** The absolute path fail2ban's string names, or empty for one no file can have. */
  private static Optional<Path> path(String p) {
    if (p.isEmpty() || p.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(p);
      return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<byte[]> read(String p) {
    return path(p).filter(access::isFile).flatMap(access::read);
  }

  @Override
  public boolean exists(String p) {
    return path(p).map(access::exists).orElse(false);
  }

  @Override
  public boolean lexists(String p) {
    return path(p).map(access::existsNoFollow).orElse(false);
  }

  @Override
  public boolean isFile(String p) {
    return path(p).map(access::isFile).orElse(false);
  }

  @Override
  public boolean isDir(String p) {
    return path(p).map(access::isDirectory).orElse(false);
  }

  @Override
  public List<Entry> list(String dir) {
    Optional<Path> d = path(dir);
    List<Entry> out = new ArrayList<>();
    if (d.isEmpty() || !access.isDirectory(d.get())) {
      return out;
    }
    for (String name : access.list(d.get())) {
      out.add(new Entry(name, access.isDirectory(d.get().resolve(name))));
    }
    return out;
  }
}
