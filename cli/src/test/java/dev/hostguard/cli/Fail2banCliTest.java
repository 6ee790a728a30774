package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.Fail2banConfDir;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hostguard fail2ban -c DIR -d} and {@code roundtrip --format fail2ban-ini}. */
class Fail2banCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path tmp;

  private int run(String... args) {
    return HostguardCli.run(
        args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  private Path stockCopy() {
    return Fail2banConfDir.copyStock(tmp.resolve("conf"));
  }

  @Test
  @RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
  void dumpIsByteForByteTheRealClientsWithAnEnabledJail() throws IOException {
    Path conf = stockCopy();
    Files.writeString(tmp.resolve("auth.log"), "");
    Files.writeString(
        conf.resolve("jail.local"),
        "[DEFAULT]\nbanaction = ufw\n[sshd]\nenabled = true\nlogpath = "
            + tmp
            + "/*.log\nmaxretry = 3\n");
    CommandResult real = RealTools.fail2banDump(conf);
    assertThat(run("fail2ban", "-c", conf.toString(), "-d")).isEqualTo(real.exitCode()).isZero();
    assertThat(out.toByteArray()).isEqualTo(real.stdoutBytes());
  }

  @Test
  @RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
  void configurationErrorExits255LikeTheRealClient() throws IOException {
    Path conf = stockCopy();
    Files.writeString(conf.resolve("jail.local"), "[sshd]\nport = 1\nport = 2\n");
    CommandResult real = RealTools.fail2banDump(conf);
    assertThat(real.exitCode()).isEqualTo(255);
    assertThat(run("fail2ban", "-c", conf.toString(), "-d")).isEqualTo(255);
    assertThat(out.toByteArray()).isEqualTo(real.stdoutBytes());
    assertThat(err.toString(UTF_8)).contains("option 'port' in section 'sshd' already exists");
  }

  /** A failure of hostguard itself is not passed off as fail2ban's refusal (0 or 255). */
  @Test
  void anInternalErrorExits70AndSaysSo() {
    // a directory name no file system accepts: resolution fails inside hostguard
    assertThat(run("fail2ban", "-c", "conf\0dir", "-d")).isEqualTo(70);
    assertThat(out.toByteArray()).isEmpty();
    assertThat(err.toString(UTF_8)).startsWith("internal error: ");
  }

  @Test
  void roundtripPrintsTheFileByteForByte() throws IOException {
    byte[] text =
        "[sshd]\r\nport = ssh ; inline\n  # c\nlogpath = a\n   b\nlast = no final newline"
            .getBytes(UTF_8);
    Path f = Files.write(tmp.resolve("jail.local"), text);
    assertThat(run("roundtrip", "--format", "fail2ban-ini", f.toString())).isZero();
    assertThat(out.toByteArray()).isEqualTo(text);
  }

  @Test
  void roundtripOfADuplicateKeyExitsTwoWithFail2bansWording() throws IOException {
    Path f = Files.writeString(tmp.resolve("jail.local"), "[sshd]\nport = 1\nPort = 2\n");
    assertThat(run("roundtrip", "--format", "fail2ban-ini", f.toString())).isEqualTo(2);
    assertThat(err.toString(UTF_8))
        .isEqualTo(
            f
                + ":3:1: While reading from '"
                + f
                + "' [line  3]: option 'port' in section 'sshd' already exists\n");
    assertThat(out.size()).isZero();
  }
}
