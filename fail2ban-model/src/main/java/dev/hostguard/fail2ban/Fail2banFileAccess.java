package dev.hostguard.fail2ban;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The file-system questions fail2ban's configuration reader asks, answered by the caller: the SPI
 * behind {@link Fail2banConfigSource#over}, so a configuration directory on another machine (read
 * over ssh, say) resolves as one on this disk does. Paths are absolute. Every answer follows
 * symbolic links, as Python's {@code os.path.isfile} and {@code open} do, except {@link
 * #existsNoFollow}.
 *
 * <pre>{@code
 * Fail2banFileAccess access = ...; // e.g. answered through ssh
 * Fail2banConfig.from(Fail2banConfigSource.over(Path.of("/etc/fail2ban"), access));
 * }</pre>
 */
public interface Fail2banFileAccess {
  /** The bytes of a regular file, or empty when it cannot be read. */
  Optional<byte[]> read(Path file);

  /** Whether a regular file is at this path. */
  boolean isFile(Path path);

  /** Whether a directory is at this path. */
  boolean isDirectory(Path path);

  /** Whether anything is at this path, a link followed ({@code os.path.exists}). */
  boolean exists(Path path);

  /** Whether anything, a dangling link included, is at this path ({@code os.path.lexists}). */
  default boolean existsNoFollow(Path path) {
    return exists(path);
  }

  /** The names of a directory's entries (any order); empty when it is not a readable directory. */
  List<String> list(Path dir);
}
