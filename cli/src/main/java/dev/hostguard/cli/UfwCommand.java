package dev.hostguard.cli;

import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwDryRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code hostguard ufw [--datadir=DIR] [--dry-run] [--force] ARGS...}: ufw 0.36.2's dry run of rule
 * commands and {@code app list|info}, byte for byte on stdout, same exit code and first {@code
 * ERROR:} line.
 */
@Command(
    name = "ufw",
    description = "Mirror of ufw rule commands (dry-run) and app list/info.",
    usageHelpAutoWidth = true)
final class UfwCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  /**
   * This command for {@code ufw WORDS}: every word is ufw's, so picocli has nothing to parse and
   * the result is what it would build.
   */
  static UfwCommand direct(List<String> words) {
    UfwCommand ufw = new UfwCommand();
    ufw.args.addAll(words);
    return ufw;
  }

  @Override
  public Integer call() {
    List<String> rest = new ArrayList<>();
    String datadir = null;
    for (String a : args) {
      // ufw takes --datadir= wherever it appears
      if (a.startsWith("--datadir=")) {
        String[] parts = a.split("=", -1);
        if (parts.length != 2) {
          Streams.err().println("ERROR: --datadir is empty");
          return 1;
        }
        datadir = parts[1];
      } else {
        rest.add(a);
      }
    }
    Path dir = Path.of(datadir == null || datadir.isEmpty() ? "/" : datadir);
    UfwDryRun.Result r =
        UfwDryRun.of(dir, ServicesDatabase.fromHost())
            .withPromptAnswers(UfwCommand::readLine)
            .run(rest);
    PrintStream out = Streams.out();
    byte[] bytes = r.stdout().getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    out.flush();
    PrintStream err = Streams.err();
    byte[] eb = r.stderr().getBytes(StandardCharsets.UTF_8);
    err.write(eb, 0, eb.length);
    err.flush();
    return r.exitCode();
  }

  private static String readLine() {
    try {
      String l =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return l == null ? "" : l;
    } catch (IOException e) {
      return "";
    }
  }
}
