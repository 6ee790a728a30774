package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostguardCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HostguardCli.run(
        args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  @Test
  void helpListsEverySubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Usage: hostguard")
        .contains("ufw ")
        .contains("ufw-status")
        .contains("fail2ban")
        .contains("psad")
        .contains("roundtrip");
  }

  @Test
  void versionNamesTheProduct() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(UTF_8)).startsWith("hostguard ");
  }

  @Test
  void roundtripOfAMissingFileExitsOne(@TempDir Path dir) {
    String missing = dir.resolve("nope.conf").toString();
    assertThat(run("roundtrip", "--format", "psad-conf", missing)).isEqualTo(1);
    assertThat(err.toString(UTF_8)).contains(missing);
    assertThat(out.size()).isZero();
  }

  @Test
  void roundtripOfAnUnknownFormatExitsOne(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("x"), "x\n");
    assertThat(run("roundtrip", "--format", "yaml", f.toString())).isEqualTo(1);
    assertThat(err.toString(UTF_8)).contains("unknown format 'yaml'");
  }

  @Test
  void anUnknownSubcommandIsOneLineAndExitsTwo() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(UTF_8))
        .isEqualTo(
            "hostguard: Unmatched argument at index 0: 'frobnicate' (see hostguard --help)\n");
    assertThat(out.size()).isZero();
  }

  @Test
  void anInternalErrorIsOneLineAndDebugAddsTheTrace() {
    assertThat(run("fail2ban", "-c", "conf\0dir", "-d")).isEqualTo(70);
    String plain = err.toString(UTF_8);
    assertThat(plain).startsWith("internal error: ").doesNotContain("\tat ");
    assertThat(plain.lines()).hasSize(1);
    err.reset();
    assertThat(run("--debug", "fail2ban", "-c", "conf\0dir", "-d")).isEqualTo(70);
    assertThat(err.toString(UTF_8)).startsWith("internal error: ").contains("\tat ");
  }

  @Test
  void helpListsStatusAndUnban() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(UTF_8)).contains("status").contains("unban");
  }
}
