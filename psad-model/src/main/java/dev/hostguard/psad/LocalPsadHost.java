package dev.hostguard.psad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The local machine. */
final class LocalPsadHost implements PsadHost {
  static final LocalPsadHost INSTANCE = new LocalPsadHost();
  private static final Pattern JOURNALD = Pattern.compile("systemd-journald\\b");

  private LocalPsadHost() {}

  @Override
  public boolean exists(String path) {
    Path p = toPath(path);
    return p != null && Files.exists(p);
  }

  @Override
  public boolean isExecutable(String path) {
    Path p = toPath(path);
    return p != null && Files.isExecutable(p);
  }

  private static @Nullable Path toPath(String path) {
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      return null;
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  @Override
  public boolean isJournaldRunning() {
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (isRootJournald(proc)) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  private static boolean isRootJournald(Path proc) {
    try {
      String status = Files.readString(proc.resolve("status"), StandardCharsets.ISO_8859_1);
      boolean root = false;
      for (String line : status.split("\n", -1)) {
        if (line.startsWith("Uid:")) {
          String[] ids = line.substring(4).trim().split("\\s+");
          root = ids.length > 1 && ids[1].equals("0");
        }
      }
      if (!root) {
        return false;
      }
      byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
      String args = new String(cmdline, StandardCharsets.ISO_8859_1).replace('\0', ' ');
      if (args.isBlank()) {
        args = "[" + Files.readString(proc.resolve("comm"), StandardCharsets.ISO_8859_1) + "]";
      }
      return JOURNALD.matcher(args).find();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
