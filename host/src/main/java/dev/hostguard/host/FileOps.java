package dev.hostguard.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The primitive operations {@link SessionHostFiles} composes, on real paths of the target (root
 * already applied). Each implementation throws {@link java.io.UncheckedIOException} on failure.
 */
interface FileOps {
  /** A file's bytes, or empty when nothing is there. */
  Optional<byte[]> read(Path file);

  /** {@code lstat}, or empty when nothing is there. */
  Optional<FileStat> stat(Path path);

  /** The entry names of a directory, in any order. */
  List<String> list(Path dir);

  /** {@code mkdir -p}. */
  void mkdirs(Path dir);

  /** Creates {@code file} with mode 0600 and these bytes, replacing whatever was there. */
  void writePrivate(Path file, byte[] content);

  /** Sets the owner (when {@code uid >= 0}) and then the mode. */
  void chownChmod(Path file, int uid, int gid, int mode);

  /** Flushes a file's or a directory's data and metadata to the device. */
  void fsync(Path path);

  /** Renames {@code from} over {@code to}, atomically. */
  void rename(Path from, Path to);

  /** Copies as {@code cp --archive} (content, mode, owner, times); {@code to} must not exist. */
  void copyArchive(Path from, Path to);

  /** Removes a file; nothing when absent. */
  void delete(Path file);
}
