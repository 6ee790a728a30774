package dev.hostguard.ufw.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.ParseException;
import dev.hostguard.testing.ForkedJvm;
import dev.hostguard.ufw.AppProfileFile;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.conf.UfwShellFile;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import dev.hostguard.ufw.status.UfwStatusOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input past hostguard's limits (docs/reliability.md, "Limits"), fed to ufw's parsers in a forked
 * JVM with a 256 MiB heap: a 100 MB file and a 1 MB line are refused with the format's {@link
 * ParseException} at a position, within seconds, never with a {@link StackOverflowError} or an
 * {@link OutOfMemoryError}. The inputs are generated into a temp dir and deleted.
 */
class UfwLimitsTest {
  @TempDir Path tmp;

  /** Runs in the forked JVM: parses the file as the format, prints what happened. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws IOException {
      String format = args[0];
      Path file = Path.of(args[1]);
      String name = file.toString();
      try {
        if (format.endsWith("-text")) {
          // a text input without a byte array beside it: the file's first line, repeated
          long size = Files.size(file);
          String line;
          try (java.io.BufferedReader r = Files.newBufferedReader(file)) {
            line = r.readLine() + "\n";
          }
          String text =
              size > (1 << 24) ? line.repeat((int) (size / line.length())) : Files.readString(file);
          switch (format) {
            case "iptables-text" -> IptablesRestoreDocument.parse(name, text);
            case "status-text" -> UfwStatusOutput.parse(name, text);
            case "user-rules-text" -> UserRulesFile.parse(name, text);
            default -> throw new IllegalArgumentException(format);
          }
        } else if (format.equals("services-load")) {
          ServicesDatabase.load(file);
        } else {
          byte[] bytes = Files.readAllBytes(file);
          switch (format) {
            case "iptables" -> IptablesRestoreDocument.parse(name, bytes);
            case "shell" -> UfwShellFile.parse(name, bytes);
            case "user-rules" -> UserRulesFile.parse(name, bytes);
            case "app-profile" -> AppProfileFile.parse(name, bytes);
            case "services" -> ServicesDatabase.parse(name, bytes);
            default -> throw new IllegalArgumentException(format);
          }
        }
        System.out.println("ACCEPTED");
      } catch (ParseException e) {
        System.out.println(
            "REFUSED "
                + e.getClass().getSimpleName()
                + " "
                + e.position().line()
                + ":"
                + e.position().column()
                + " "
                + e.getMessage());
      } catch (Throwable t) {
        System.out.println("CRASH " + t);
      }
    }
  }

  /** {@code n} bytes: {@code line} repeated, the last copy cut. */
  static Path bigFile(Path file, String line, long n) throws IOException {
    byte[] unit = line.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long written = 0;
      while (written < n) {
        buf.clear();
        while (buf.remaining() >= unit.length) {
          buf.put(unit);
        }
        buf.flip();
        if (written + buf.remaining() > n) {
          buf.limit((int) (n - written));
        }
        written += ch.write(buf);
      }
    }
    return file;
  }

  /** A file whose line {@code lineNumber} (1-based) is {@code length} characters long. */
  static Path longLine(Path file, String head, int lineNumber, String filler, int length)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < lineNumber; i++) {
      sb.append(head).append('\n');
    }
    sb.append(filler.repeat(length / filler.length())).append('\n');
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return file;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "iptables, IptablesParseException",
    "iptables-text, IptablesParseException",
    "shell, ConfParseException",
    "user-rules, UserRulesParseException",
    "user-rules-text, UserRulesParseException",
    "app-profile, AppProfileParseException",
    "services, ServicesParseException",
    "services-load, ServicesParseException",
    "status-text, StatusParseException"
  })
  void aHundredMegabyteFileIsRefusedAtOnce(String format, String exception) throws IOException {
    Path f = bigFile(tmp.resolve("big"), "-A INPUT -j ACCEPT\n", 100_000_000L);
    ForkedJvm.Result r =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(30), format, f.toString());
    assertThat(r.stdout())
        .as(r.stderr())
        .startsWith("REFUSED " + exception + " 1:1 ")
        .contains("file too large: over 33554432 bytes");
    assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(20));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "iptables, IptablesParseException",
    "iptables-text, IptablesParseException",
    "shell, ConfParseException",
    "user-rules, UserRulesParseException",
    "app-profile, AppProfileParseException",
    "services, ServicesParseException",
    "status-text, StatusParseException"
  })
  void aMegabyteLineIsRefusedAtItsPosition(String format, String exception) throws IOException {
    Path f = longLine(tmp.resolve("long"), "# fine", 3, "x", 1 << 20);
    ForkedJvm.Result r =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(30), format, f.toString());
    assertThat(r.stdout())
        .as(r.stderr())
        .startsWith("REFUSED " + exception + " 3:65537 ")
        .contains("line too long: over 65536 characters");
    assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(20));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"iptables", "shell"})
  void aLineAtTheLimitIsRead(String format) throws IOException {
    Path f = longLine(tmp.resolve("edge"), "# fine", 2, "#", 65536);
    ForkedJvm.Result r =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(30), format, f.toString());
    assertThat(r.stdout()).as(r.stderr()).startsWith("ACCEPTED");
  }
}
