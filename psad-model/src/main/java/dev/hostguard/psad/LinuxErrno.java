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
    switch (errno) {
      case 1:
        return "Operation not permitted";
      case ENOENT:
        return "No such file or directory";
      case 7:
        return "Argument list too long";
      case ENOEXEC:
        return "Exec format error";
      case 12:
        return "Cannot allocate memory";
      case EACCES:
        return "Permission denied";
      case 14:
        return "Bad address";
      case ENOTDIR:
        return "Not a directory";
      case 21:
        return "Is a directory";
      case 22:
        return "Invalid argument";
      case 24:
        return "Too many open files";
      case ETXTBSY:
        return "Text file busy";
      case ENAMETOOLONG:
        return "File name too long";
      case ELOOP:
        return "Too many levels of symbolic links";
      default:
        return "Unknown error " + errno;
    }
  }
}
