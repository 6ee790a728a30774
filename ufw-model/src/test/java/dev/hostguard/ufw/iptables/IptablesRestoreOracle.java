package dev.hostguard.ufw.iptables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code iptables-restore} / {@code ip6tables-restore} (default nft backend), with {@code --test}
 * or loading for real, run in a private network namespace, so even a mistake could not reach the
 * host firewall.
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

  /** {@code iptables-restore --test}: syntax only (a jump to a missing chain passes). */
  static Verdict test(String content, boolean v6) throws IOException, InterruptedException {
    return run(content, v6, true);
  }

  /** A real {@code iptables-restore} into the private namespace: chains must exist. */
  static Verdict load(String content, boolean v6) throws IOException, InterruptedException {
    return run(content, v6, false);
  }

  private static Verdict run(String content, boolean v6, boolean testOnly)
      throws IOException, InterruptedException {
    Path f = Files.createTempFile("hostguard-ipt", ".rules");
    try {
      Files.writeString(f, content, StandardCharsets.UTF_8);
      Path err = Files.createTempFile("hostguard-ipt", ".err");
      try {
        List<String> argv = new ArrayList<>();
        argv.add("unshare");
        argv.add("--net");
        argv.add(v6 ? "ip6tables-restore" : "iptables-restore");
        if (testOnly) {
          argv.add("--test");
        }
        argv.add(f.toString());
        Process p =
            new ProcessBuilder(argv)
                .redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException("iptables-restore timed out");
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
