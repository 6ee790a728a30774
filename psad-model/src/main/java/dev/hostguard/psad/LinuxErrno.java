package dev.hostguard.psad;

/**
 * The Linux errno values a failed {@code execve} leaves in Perl's {@code $!}, and glibc's text for
 * them (what {@code "$!"} prints). Perl's {@code die} exits with the errno.
 */
final class LinuxErrno {
  static final int ENOENT = 2;
  static final int ENOEXEC = 8;
  static final int EACCES = 13;
  static final int ENOTDIR = 20;
  static final int ETXTBSY = 26;
  static final int ENAMETOOLONG = 36;
  static final int ELOOP = 40;

  private LinuxErrno() {}

  /** glibc's {@code strerror} text. */
  static String text(int errno) {
    return switch (errno) {
      case 1 -> "Operation not permitted";
      case ENOENT -> "No such file or directory";
      case 7 -> "Argument list too long";
      case ENOEXEC -> "Exec format error";
      case 12 -> "Cannot allocate memory";
      case EACCES -> "Permission denied";
      case 14 -> "Bad address";
      case ENOTDIR -> "Not a directory";
      case 21 -> "Is a directory";
      case 22 -> "Invalid argument";
      case 24 -> "Too many open files";
      case ETXTBSY -> "Text file busy";
      case ENAMETOOLONG -> "File name too long";
      case ELOOP -> "Too many levels of symbolic links";
      default -> "Unknown error " + errno;
    };
  }
}
