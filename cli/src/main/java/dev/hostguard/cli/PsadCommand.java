package dev.hostguard.cli;

import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfParseException;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadHost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hostguard psad -c FILE [-O FILE[,FILE...]] -D}: the config block of psad 2.4.6's {@code
 * -D} dump; where psad dies, nothing on stdout, psad's message on stderr and psad's exit status.
 */
@Command(name = "psad", description = "Mirror of psad -c FILE [-O FILES] -D (the config block).")
final class PsadCommand implements Callable<Integer> {
  /** psad's exit status for {@code die} when errno is ENOENT / EACCES. */
  private static final int ENOENT = 2;

  private static final int EACCES = 13;
  private static final int ENOTDIR = 20;
  private static final int EISDIR = 21;
  private static final int ENAMETOOLONG = 36;
  private static final int ELOOP = 40;
  private static final int DIE = 255;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  String configFile;

  @Option(
      names = {"-O", "--Override-config"},
      paramLabel = "FILES",
      description = "Comma-separated override files read before FILE (the last -O counts).")
  List<String> overrideConfigs = new ArrayList<>();

  @Option(
      names = {"-D", "--Dump-conf"},
      required = true,
      description = "Dump the configuration.")
  boolean dump;

  /** A file psad could not read: its message and exit status. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitStatus;

    Refused(String message, int exitStatus) {
      super(message, null, false, false);
      this.exitStatus = exitStatus;
    }
  }

  @Override
  public Integer call() {
    PrintStream err = Streams.err();
    List<PsadConfDocument> overrides = new ArrayList<>();
    byte[] content;
    try {
      for (String name : overrideNames()) {
        int errno = statErrno(name);
        if (errno != 0) {
          throw new Refused("[*] Override config file " + name + " does not exist", errno);
        }
        overrides.add(PsadConfDocument.parse(name, read(name)));
      }
      content = read(configFile);
    } catch (Refused e) {
      err.println(e.getMessage());
      return e.exitStatus;
    }
    PsadConfig config;
    try {
      config =
          PsadConfig.of(PsadConfDocument.parse(configFile, content), overrides, PsadHost.local());
    } catch (PsadConfParseException e) {
      err.println(e.reason());
      // Reading a directory leaves errno at EISDIR, and Perl's die exits with errno.
      return e.exitStatus() == DIE && isDirectory(configFile) ? EISDIR : e.exitStatus();
    }
    byte[] out = config.dumpBytes();
    Streams.out().write(out, 0, out.length);
    Streams.out().flush();
    return 0;
  }

  /**
   * The last {@code -O} value split as psad splits it ({@code split /,/}: empty fields kept except
   * trailing ones); none at all when the value is false to Perl ({@code ""} or {@code "0"}).
   */
  private List<String> overrideNames() {
    List<String> names = new ArrayList<>();
    if (overrideConfigs.isEmpty()) {
      return names;
    }
    String value = overrideConfigs.get(overrideConfigs.size() - 1);
    if (value.isEmpty() || value.equals("0")) {
      return names;
    }
    names.addAll(List.of(value.split(",", -1)));
    while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
      names.remove(names.size() - 1);
    }
    return names;
  }

  /** The errno of Perl's {@code -e NAME} (a {@code stat}), 0 when the file exists. */
  private static int statErrno(String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      return ENOENT;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(Path.of(name), BasicFileAttributes.class);
      // Java drops a trailing '/', stat(2) does not: "file/" is ENOTDIR.
      return name.endsWith("/") && !a.isDirectory() ? ENOTDIR : 0;
    } catch (InvalidPathException e) {
      return ENOENT;
    } catch (IOException e) {
      return errno(e);
    }
  }

  /**
   * The bytes psad reads with its two-argument {@code open C, "< NAME"}, which drops blanks around
   * the name; a directory reads as nothing (open succeeds, reading fails).
   */
  private static byte[] read(String name) throws Refused {
    try {
      Path p = Path.of(perlOpenName(name));
      if (Files.isDirectory(p)) {
        return new byte[0];
      }
      if (isFifo(p)) {
        // psad's open would block on a FIFO until a writer comes: refused before it is opened,
        // with psad's die status (a device reads as psad reads it: /dev/null is empty)
        throw new Refused(
            "[*] Could not open config file " + name + ": not a regular file (a FIFO: give a file)",
            DIE);
      }
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new Refused("[*] Could not open config file " + name + ": " + reason(e), errno(e));
    } catch (RuntimeException e) {
      throw new Refused(
          "[*] Could not open config file " + name + ": No such file or directory", ENOENT);
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

  private static boolean isDirectory(String name) {
    try {
      return Files.isDirectory(Path.of(perlOpenName(name)));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String perlOpenName(String name) {
    int from = 0;
    int to = name.length();
    while (from < to && isPerlSpace(name.charAt(from))) {
      from++;
    }
    while (to > from && isPerlSpace(name.charAt(to - 1))) {
      to--;
    }
    return name.substring(from, to);
  }

  private static boolean isPerlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** Perl's {@code die} exits with errno; the errno behind a Java I/O failure, else 255. */
  private static int errno(IOException e) {
    String reason = reason(e);
    if (reason.startsWith("Too many levels of symbolic links")) {
      return ELOOP;
    }
    switch (reason) {
      case "No such file or directory":
        return ENOENT;
      case "Permission denied":
        return EACCES;
      case "Not a directory":
        return ENOTDIR;
      case "Is a directory":
        return EISDIR;
      case "File name too long":
        return ENAMETOOLONG;
      default:
        return DIE;
    }
  }
}
