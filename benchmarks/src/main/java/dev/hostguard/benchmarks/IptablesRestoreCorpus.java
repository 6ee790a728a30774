package dev.hostguard.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A valid iptables-restore file of N lines as ufw writes them (tables, chains, tuple comments,
 * rules, COMMIT), for {@link IptablesRestoreBenchmark} and the memory row of {@code scripts/bench}
 * (300,000 lines are about 19 MB).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.hostguard.benchmarks.IptablesRestoreCorpus \
 *     300000 /tmp/big.rules
 * }</pre>
 */
public final class IptablesRestoreCorpus {
  private IptablesRestoreCorpus() {}

  /** The file's text. */
  public static String text(int lines) {
    StringBuilder b = new StringBuilder(lines * 70);
    write(lines, b);
    return b.toString();
  }

  private static void write(int lines, Appendable out) {
    try {
      out.append("*filter\n:ufw-user-input - [0:0]\n:ufw-user-output - [0:0]\n");
      int n = 3;
      int i = 0;
      while (n < lines - 1) {
        int port = 1 + i % 65000;
        switch (i % 3) {
          case 0 ->
              out.append("### tuple ### allow tcp ")
                  .append(Integer.toString(port))
                  .append(" 0.0.0.0/0 any 10.")
                  .append(Integer.toString(i % 250))
                  .append(".0.0/16 in\n");
          case 1 ->
              out.append("-A ufw-user-input -p tcp --dport ")
                  .append(Integer.toString(port))
                  .append(" -s 10.")
                  .append(Integer.toString(i % 250))
                  .append(".0.0/16 -j ACCEPT\n");
          default ->
              out.append("-A ufw-user-output -p udp -m multiport --dports 6000:6007,")
                  .append(Integer.toString(port))
                  .append(" -d 192.0.2.7 -j DROP\n");
        }
        n++;
        i++;
      }
      out.append("COMMIT\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes a file of {@code args[0]} lines to {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      write(Integer.parseInt(args[0]), w);
    }
  }
}
