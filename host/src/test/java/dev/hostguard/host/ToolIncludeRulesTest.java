package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tools as the oracle for what {@link HostFiles} leaves in their directories: temp files
 * and backups that the tools never load. ufw reads every file of {@code applications.d} that is not
 * hidden (so a backup beside would be loaded: the negative control); fail2ban reads {@code
 * jail.d/*.conf} and {@code *.local} through Python's glob.
 */
class ToolIncludeRulesTest {
  @TempDir Path tmp;

  @Test
  @RequiresRealTool(RealTool.UFW)
  void ufwLoadsNeitherTheTempNorTheBackupOfAnApplicationProfile() throws Exception {
    Path datadir = UfwDataDir.createStock(tmp.resolve("ufw"));
    Files.createDirectories(datadir.resolve("lib/ufw"));
    Path profile = Path.of("/etc/ufw/applications.d/hostguard");
    HostFiles.local()
        .withRoot(datadir)
        .withClock(HostFilesContract.CLOCK)
        .write(profile, profile("Old", 8080));
    AppliedChange c =
        HostFiles.local()
            .withRoot(datadir)
            .withClock(HostFilesContract.CLOCK)
            .write(profile, profile("Hostguard", 8081));
    assertThat(c.backup()).isPresent();
    // what a write killed before its rename leaves
    Path apps = datadir.resolve("etc/ufw/applications.d");
    Files.write(
        apps.resolve(SessionHostFiles.tempName(apps.resolve("hostguard"))), profile("Temp", 8082));

    assertThat(appList(datadir)).contains("Hostguard").doesNotContain("Old", "Temp");

    // the negative control: a backup named beside the profile would be loaded
    Files.write(apps.resolve("hostguard-COPY-" + HostFilesContract.STAMP), profile("Copy", 8083));
    assertThat(appList(datadir)).contains("Hostguard", "Copy");
  }

  @Test
  @RequiresRealTool(RealTool.FAIL2BAN_CLIENT)
  void fail2banReadsNeitherTheTempsNorTheBackupsBesideItsFiles() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("fail2ban/jail.d"));
    Files.writeString(tmp.resolve("fail2ban/jail.conf"), "[DEFAULT]\n");
    for (String file : List.of("/jail.d/sshd.conf", "/jail.local")) {
      HostFiles.local()
          .withRoot(tmp.resolve("fail2ban"))
          .withClock(HostFilesContract.CLOCK)
          .write(Path.of(file), "[old]\n".getBytes(UTF_8));
      HostFiles session =
          HostFiles.local().withRoot(tmp.resolve("fail2ban")).withClock(HostFilesContract.CLOCK);
      session.write(Path.of(file), "[older]\n".getBytes(UTF_8));
      assertThat(
              session
                  .write(Path.of(file), ("[new" + file.length() + "]\n").getBytes(UTF_8))
                  .backup())
          .isEmpty();
      Path real = tmp.resolve("fail2ban" + file);
      Files.writeString(real.resolveSibling(SessionHostFiles.tempName(real)), "[temp]\n");
    }
    try (Stream<Path> names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(
              ".sshd.conf.hostguard-tmp", "sshd.conf", "sshd.conf-COPY-" + HostFilesContract.STAMP);
    }

    String script =
        """
        import sys
        from fail2ban.client.configreader import ConfigReaderUnshared
        r = ConfigReaderUnshared(basedir=sys.argv[1]); r.read('jail'); print(sorted(r.sections()))
        """;
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", script, tmp.resolve("fail2ban").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo("['new11', 'new17']\n");
  }

  @Test
  void tempAndBackupNamesEndInNoIncludedSuffix() {
    for (String name :
        List.of("before.rules", "jail.local", "psad.conf", "sshd.conf", "user6.rules")) {
      String temp = SessionHostFiles.tempName(Path.of("/etc/x").resolve(name));
      assertThat(temp).startsWith(".").endsWith("-tmp").isEqualTo("." + name + ".hostguard-tmp");
      // psad's snort_rules reads names matching /\.rules$/, hidden ones included
      assertThat(temp).doesNotEndWith(".rules").doesNotEndWith(".conf").doesNotEndWith(".local");
    }
  }

  private static byte[] profile(String name, int port) {
    return ("["
            + name
            + "]\ntitle="
            + name
            + "\ndescription="
            + name
            + "\nports="
            + port
            + "/tcp\n")
        .getBytes(UTF_8);
  }

  private static List<String> appList(Path datadir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                RealTool.UFW.find().orElseThrow().toString(), "--datadir=" + datadir, "app", "list")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().skip(1).map(String::strip).toList();
  }
}
