package dev.hostguard.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hostguard psad -c FILE -D} and {@code roundtrip --format psad-conf} vs the real psad. */
@RequiresRealTool(RealTool.PSAD)
class PsadCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dir;

  private int run(String... args) {
    return HostguardCli.run(
        args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  private static String configBlock(String stdout) {
    int from = stdout.indexOf("[+] Dumping psad config from: ");
    int to = stdout.indexOf("[+] Command paths:");
    return from < 0 || to < 0 ? "" : stdout.substring(from, to);
  }

  @Test
  void dumpEqualsPsadsConfigBlockByteForByte() throws Exception {
    Path conf = dir.resolve("psad.conf");
    Files.copy(Path.of("/etc/psad/psad.conf"), conf);
    Files.writeString(
        conf,
        Files.readString(conf).replace("HOSTNAME                    _CHANGEME_;", "HOSTNAME h;")
            + "X\tcaf\u00e9 $SYSLOG_IDENTITY;\n");
    CommandResult real = RealTools.psadDump(conf);
    assertThat(real.exitCode()).isZero();
    assertThat(run("psad", "-c", conf.toString(), "-D")).isZero();
    assertThat(out.toString(UTF_8)).isEqualTo(configBlock(real.stdout())).contains("café psad");
  }

  @Test
  void fatalConfigExits255WithNothingOnStdout() throws Exception {
    Path conf = dir.resolve("bad.conf");
    Files.writeString(
        conf, Files.readString(Path.of("/etc/psad/psad.conf")) + "HTTP_PORTS2 $NOPE;\n");
    CommandResult real = RealTools.psadDump(conf);
    assertThat(run("psad", "-c", conf.toString(), "-D")).isEqualTo(real.exitCode()).isEqualTo(255);
    assertThat(out.size()).isZero();
    assertThat(err.toString(UTF_8))
        .isEqualTo("[*] sub-var \"NOPE\" not defined in config for var: HTTP_PORTS2.\n");
    assertThat(real.stderr()).startsWith(err.toString(UTF_8).strip());
  }

  @Test
  void missingConfigExitsLikePsad() {
    String missing = dir.resolve("none.conf").toString();
    CommandResult real = RealTools.psadDump(Path.of(missing));
    assertThat(run("psad", "-c", missing, "-D")).isEqualTo(real.exitCode());
    assertThat(out.size()).isZero();
  }

  @Test
  void roundtripIsByteForByte() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of("/etc/psad/psad.conf"));
    Path conf = dir.resolve("psad.conf");
    Files.write(conf, bytes);
    assertThat(run("roundtrip", "--format", "psad-conf", conf.toString())).isZero();
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }
}
