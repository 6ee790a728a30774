package dev.hostguard.host;

/**
 * What {@code lstat(2)} says of a path on the target: its type, its permission bits ({@code 07777}:
 * the setuid, setgid and sticky bits included) and its owner. A symbolic link is reported as
 * itself, never followed.
 *
 * <pre>{@code
 * FileStat s = HostFiles.local().stat(Path.of("/etc/ufw/user.rules")).orElseThrow();
 * String octal = Integer.toOctalString(s.mode()); // "640"
 * }</pre>
 *
 * @param type what kind of file the path names
 * @param mode the permission bits, {@code 0} to {@code 07777}
 * @param uid the owner's user id
 * @param gid the owner's group id
 */
public record FileStat(Type type, int mode, int uid, int gid) {
  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final int DIRECTORY = 0040000;
  private static final int SYMBOLIC_LINK = 0120000;

  /** The kinds of file hostguard tells apart. */
  public enum Type {
    /** A regular file. */
    REGULAR_FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link (not followed). */
    SYMBOLIC_LINK,
    /** A device, fifo or socket. */
    OTHER
  }

  /** Checks the ranges. */
  public FileStat {
    if (type == null) {
      throw new NullPointerException("type");
    }
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException(
          "mode must be within 0..07777: " + Integer.toOctalString(mode));
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("uid and gid must be >= 0: " + uid + ":" + gid);
    }
  }

  /** From a raw {@code st_mode} (type and permission bits), as {@code stat -c %f} prints it. */
  static FileStat fromRawMode(int stMode, int uid, int gid) {
    Type type =
        switch (stMode & TYPE_MASK) {
          case REGULAR -> Type.REGULAR_FILE;
          case DIRECTORY -> Type.DIRECTORY;
          case SYMBOLIC_LINK -> Type.SYMBOLIC_LINK;
          default -> Type.OTHER;
        };
    return new FileStat(type, stMode & 07777, uid, gid);
  }

  /** Whether this is a regular file. */
  public boolean isRegularFile() {
    return type == Type.REGULAR_FILE;
  }

  /** Whether this is a directory (a link to one is a link). */
  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }

  /** Whether this is a symbolic link. */
  public boolean isSymbolicLink() {
    return type == Type.SYMBOLIC_LINK;
  }
}
