package dev.hostguard.ufw.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands (ufw, sysctl, cat) in one fresh private network + mount namespace with stock ufw
 * files. testing's UfwSandbox runs only ufw commands; these tests also read back the files ufw
 * wrote and switch IP forwarding on inside the namespace.
 */
final class StatusSandbox {
  /** One command's result. */
  record Result(int exitCode, String stdout, String stderr) {}

  private StatusSandbox() {}

  static List<Result> run(List<List<String>> commands) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("hostguard-status");
    try {
      Path script = dir.resolve("ufw-sandbox.sh");
      try (InputStream in = StatusSandbox.class.getResourceAsStream("ufw-sandbox.sh")) {
        Files.write(script, in.readAllBytes());
      }
      StringBuilder cmds = new StringBuilder();
      for (List<String> argv : commands) {
        for (String word : argv) {
          if (word.contains("\t") || word.contains("\n")) {
            throw new IllegalArgumentException("tab or newline in argument: " + word);
          }
        }
        cmds.append(String.join("\t", argv)).append('\n');
      }
      Path cmdFile = dir.resolve("commands");
      Files.writeString(cmdFile, cmds, StandardCharsets.UTF_8);
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      Process p =
          new ProcessBuilder(
                  "unshare",
                  "--net",
                  "--mount",
                  "--propagation",
                  "private",
                  "bash",
                  script.toString(),
                  cmdFile.toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("sandbox timed out");
      }
      if (p.exitValue() != 0) {
        throw new IOException("sandbox failed (" + p.exitValue() + "): " + Files.readString(err));
      }
      List<Result> results = new ArrayList<>();
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      for (int i = 0; i + 2 < lines.size(); i += 3) {
        int rc = Integer.parseInt(field(lines.get(i), "rc"));
        results.add(
            new Result(
                rc,
                decode(field(lines.get(i + 1), "out")),
                decode(field(lines.get(i + 2), "err"))));
      }
      if (results.size() != commands.size()) {
        throw new IOException("sandbox ran " + results.size() + " of " + commands.size());
      }
      return results;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static String field(String line, String kind) {
    String[] parts = line.split(" ", 4);
    if (parts.length < 3 || !parts[0].equals("===") || !parts[2].equals(kind)) {
      throw new IllegalStateException("bad sandbox line: " + line);
    }
    return parts.length == 4 ? parts[3] : "";
  }

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }
}
