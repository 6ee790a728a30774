package dev.hostguard.ufw.iptables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code iptables-restore --test} / {@code ip6tables-restore --test} (default nft backend) run in a
 * private network namespace, so even a mistake could not reach the host firewall.
 */
final class IptablesRestoreOracle {
  record Verdict(int exitCode, String stderr) {
    private static final Pattern LINE =
        Pattern.compile("(?:Error occurred at line: |at line |line )(\\d+)");

    boolean accepted() {
      return exitCode == 0;
    }

    /** The line iptables-restore blames ({@code Error occurred at line: N}, {@code line N …}). */
    OptionalInt line() {
      Matcher m = LINE.matcher(stderr);
      return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
  }

  private IptablesRestoreOracle() {}

  static Verdict test(String content, boolean v6) throws IOException, InterruptedException {
    Path f = Files.createTempFile("hostguard-ipt", ".rules");
    try {
      Files.writeString(f, content, StandardCharsets.UTF_8);
      Path err = Files.createTempFile("hostguard-ipt", ".err");
      try {
        Process p =
            new ProcessBuilder(
                    "unshare",
                    "--net",
                    v6 ? "ip6tables-restore" : "iptables-restore",
                    "--test",
                    f.toString())
                .redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException("iptables-restore --test timed out");
        }
        return new Verdict(p.exitValue(), Files.readString(err));
      } finally {
        Files.deleteIfExists(err);
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
