package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private static CommandResult realPsad(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = RealTool.PSAD.require().toString();
    System.arraycopy(args, 0, argv, 1, args.length);
    return RealTools.run(Command.of(List.of(argv)));
  }

  /** Our run of {@code psad ARGS} gives the real psad's config block, message and exit status. */
  private void assertLikePsad(String... args) {
    out.reset();
    err.reset();
    CommandResult real = realPsad(args);
    String[] ours = new String[args.length + 1];
    ours[0] = "psad";
    System.arraycopy(args, 0, ours, 1, args.length);
    assertThat(run(ours)).as("exit status of %s", List.of(args)).isEqualTo(real.exitCode());
    assertThat(out.toString(UTF_8)).isEqualTo(configBlock(real.stdout()));
    String message = real.stderr().replaceAll(" at /usr/sbin/psad line \\d+\\.\n", "\n");
    if (real.exitCode() != 0) {
      String ourMessage = err.toString(UTF_8);
      assertThat(ourMessage).as("our stderr for %s", List.of(args)).isNotBlank();
      assertThat(message).endsWith(ourMessage);
    }
  }

  @Test
  void overrideFilesAreReadLikePsad() throws Exception {
    Path conf = dir.resolve("psad.conf");
    Files.copy(Path.of("/etc/psad/psad.conf"), conf);
    Path o1 = dir.resolve("o1.conf");
    Files.writeString(o1, "DANGER_LEVEL1 42;\nHG_NEW caf\u00e9 $HOSTNAME;\nFW_SEARCH_ALL N;\n");
    Path o2 = dir.resolve("o2.conf");
    Files.writeString(o2, "DANGER_LEVEL1 99;\nHOSTNAME from-o2;\nHG_TWO $HG_NEW/x;\n");
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "\nENABLE_PERSISTENCE maybe;\n");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    String c = conf.toString();
    assertLikePsad("-c", c, "-O", o1 + "," + o2, "-D");
    assertThat(out.toString(UTF_8))
        .contains("    HG_TWO                     caf\u00e9 from-o2/x\n");
    assertLikePsad("-c", c, "--Override-config", o2 + "," + o1 + ",,", "-D");
    assertLikePsad("-c", c, "-O", o2.toString(), "-O", o1.toString(), "-D");
    assertLikePsad("-c", c, "-O", sub + "," + o2, "-D");
    assertLikePsad("-c", c, "-O", "0", "-D");
    assertLikePsad("-c", c, "-O", bad.toString(), "-D");
    assertThat(err.toString(UTF_8))
        .isEqualTo("[*] ENABLE_PERSISTENCE variable must be 'Y' or 'N'\n");
  }

  @Test
  void unreadableOverridesFailLikePsad() throws Exception {
    Path conf = dir.resolve("psad.conf");
    Files.copy(Path.of("/etc/psad/psad.conf"), conf);
    Path o1 = dir.resolve("o1.conf");
    Files.writeString(o1, "HG_NEW x;\n");
    String c = conf.toString();
    assertLikePsad("-c", c, "-O", dir.resolve("none.conf").toString(), "-D");
    assertThat(err.toString(UTF_8))
        .startsWith("[*] Override config file ")
        .endsWith(" does not exist\n");
    assertLikePsad("-c", c, "-O", o1 + ",," + o1, "-D");
    assertLikePsad("-c", c, "-O", "," + o1, "-D");
    assertLikePsad("-c", c, "-O", o1 + "/x", "-D");
    assertLikePsad("-c", c, "-O", o1 + "/", "-D");
    assertLikePsad("-c", dir.resolve("none.conf").toString(), "-O", o1.toString(), "-D");
    assertLikePsad("-c", dir.toString(), "-O", o1.toString(), "-D");
    // Perl's two-argument open drops blanks around a name that passed psad's -e test
    Files.writeString(dir.resolve("blank.conf "), "HG_NEW y;\n");
    assertLikePsad("-c", c, "-O", dir.resolve("blank.conf ").toString(), "-D");
    assertThat(err.toString(UTF_8)).contains("Could not open config file");
  }

  @Test
  void unstartablePsCommandFailsLikePsad() throws Exception {
    String debian = Files.readString(Path.of("/etc/psad/psad.conf"));
    Path plain = Files.writeString(dir.resolve("plain"), "#!/bin/sh\n");
    String[] values = {"/nonexistent/ps", plain.toString(), dir.toString(), plain + "/ps"};
    int[] statuses = {2, 13, 13, 20};
    for (int i = 0; i < values.length; i++) {
      Path conf = dir.resolve("ps" + i + ".conf");
      Files.writeString(
          conf, debian.replaceFirst("(?m)^psCmd\\s+/bin/ps;", "psCmd " + values[i] + ";"));
      assertLikePsad("-c", conf.toString(), "-D");
      assertThat(err.toString(UTF_8))
          .isEqualTo(
              "[*] Could not execute " + values[i] + " auxww: " + reason(statuses[i]) + "\n");
      assertThat(run("psad", "-c", conf.toString(), "-D")).isEqualTo(statuses[i]);
    }
    Path conf = Files.writeString(dir.resolve("psad.conf"), debian);
    Path override = Files.writeString(dir.resolve("o.conf"), "psCmd /nonexistent/ops;\n");
    assertLikePsad("-c", conf.toString(), "-O", override.toString(), "-D");
    assertThat(err.toString(UTF_8)).contains("/nonexistent/ops auxww");
  }

  private static String reason(int errno) {
    return errno == 2
        ? "No such file or directory"
        : errno == 13 ? "Permission denied" : "Not a directory";
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
