package dev.hostguard.host;

import dev.hostguard.fail2ban.Fail2banFileAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * fail2ban's file questions answered through {@link HostFiles}. {@link HostFiles#stat} does not
 * follow links: a link counts as a file when it can be read and never as a directory.
 */
final class HostFilesFail2banAccess implements Fail2banFileAccess {
  private final HostFiles files;

  HostFilesFail2banAccess(HostFiles files) {
    this.files = files;
  }

  @Override
  public Optional<byte[]> read(Path file) {
    return files.read(file);
  }

  @Override
  public boolean isFile(Path path) {
    Optional<FileStat> s = files.stat(path);
    if (s.isEmpty()) {
      return false;
    }
    return switch (s.get().type()) {
      case REGULAR_FILE -> true;
      case SYMBOLIC_LINK -> files.read(path).isPresent();
      default -> false;
    };
  }

  @Override
  public boolean isDirectory(Path path) {
    return files.isDirectory(path);
  }

  @Override
  public boolean exists(Path path) {
    Optional<FileStat> s = files.stat(path);
    return s.isPresent()
        && (s.get().type() != FileStat.Type.SYMBOLIC_LINK || files.read(path).isPresent());
  }

  @Override
  public boolean existsNoFollow(Path path) {
    return files.exists(path);
  }

  @Override
  public List<String> list(Path dir) {
    List<String> names = new ArrayList<>();
    for (Path p : files.list(dir)) {
      names.add(p.getFileName().toString());
    }
    return names;
  }
}
