package dev.hostguard.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments as UTF-8, whatever the locale. Under {@code LC_ALL=C} the JVM decodes
 * argv as ASCII and turns {@code é} into {@code ?}; on Linux the raw bytes are still in {@code
 * /proc/self/cmdline}, so the arguments are decoded again from there.
 */
final class Utf8Args {
  private Utf8Args() {}

  static String[] of(String[] args) {
    String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (args.length == 0 || isUtf8(jnu)) {
      return args;
    }
    try {
      return fromCmdline(Files.readAllBytes(Path.of("/proc/self/cmdline")), args);
    } catch (IOException | RuntimeException e) {
      return args;
    }
  }

  private static boolean isUtf8(String charsetName) {
    try {
      return Charset.forName(charsetName).equals(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The last {@code args.length} NUL-terminated words of a cmdline, if they match the args. */
  static String[] fromCmdline(byte[] cmdline, String[] args) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        words.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (words.size() < args.length) {
      return args;
    }
    List<String> tail = words.subList(words.size() - args.length, words.size());
    for (int i = 0; i < args.length; i++) {
      // an ASCII argument must be the same word: otherwise this is not our argv
      if (isAscii(args[i]) && !args[i].equals(tail.get(i))) {
        return args;
      }
    }
    return tail.toArray(new String[0]);
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }
}
