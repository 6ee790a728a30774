package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.internal.PythonText;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's {@code jail.local} and {@code jail.d/ssh.local} written over the stock configuration:
 * fail2ban resolves them as we do, {@code jail.conf} is untouched, the typed sshd jail agrees with
 * what the real client sends to the server, and an existing {@code jail.local} keeps its lines.
 */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class SeedDifferentialTest {
  @TempDir Path tmp;

  private static final Fail2banSeed SEED =
      Fail2banSeed.builder()
          .lanSegment("192.168.1.0/24")
          .destEmail("admin@example.org")
          .sender("f2b@example.org")
          .mta("mail")
          .sshPort("ssh")
          .maxRetry(5)
          .build();

  @Test
  void seedIsWrittenAsOverridesAndResolvesLikeFail2ban() throws IOException {
    Path conf = Fail2banOracle.stockCopy(tmp);
    byte[] jailConf = Files.readAllBytes(conf.resolve("jail.conf"));
    Files.writeString(tmp.resolve("logs/auth.log"), "");
    Files.writeString(
        conf.resolve("paths-overrides.local"), "[DEFAULT]\nsshd_log = " + tmp + "/logs/auth.log\n");
    SEED.writeTo(conf);
    assertThat(Files.readAllBytes(conf.resolve("jail.conf"))).isEqualTo(jailConf);
    assertThat(Files.readString(conf.resolve("jail.d/ssh.local")))
        .isEqualTo(
            "[sshd]\nenabled = true\nbanaction = ufw\nport = ssh\nfilter = sshd\n"
                + "logpath = %(sshd_log)s\nmaxretry = 5\n");
    Fail2banOracle.assertSameDump(conf, "seed");

    CommandResult real = RealTools.fail2banDump(conf);
    String stdout = new String(real.stdoutBytes(), StandardCharsets.UTF_8);
    Jail sshd = Fail2banConfig.load(conf).jail("sshd");
    assertThat(sshd.enabled()).isTrue();
    assertThat(sshd.banAction()).contains("ufw");
    assertThat(sshd.port()).contains("ssh");
    assertThat(sshd.ignoreIps()).containsExactly("127.0.0.1/8", "192.168.1.0/24");
    List<String> expected = new ArrayList<>();
    expected.add(
        PythonText.repr(List.of("set", "sshd", "maxretry", sshd.maxRetry().orElseThrow())));
    expected.add(
        PythonText.repr(List.of("set", "sshd", "bantime", sshd.banTime().orElseThrow().text())));
    expected.add(
        PythonText.repr(
            List.of(
                "set",
                "sshd",
                "addlogpath",
                sshd.logPaths().isEmpty() ? "" : tmp + "/logs/auth.log",
                "head")));
    List<Object> ignore = new ArrayList<>(List.of("set", "sshd", "addignoreip"));
    ignore.addAll(sshd.ignoreIps());
    expected.add(PythonText.repr(ignore));
    for (ResolvedAction a : sshd.actions()) {
      expected.add(PythonText.repr(List.of("set", "sshd", "addaction", a.name())));
    }
    ResolvedFilter f = sshd.filter().orElseThrow();
    expected.add(PythonText.repr(List.of("multi-set", "sshd", "addfailregex", f.failregex())));
    assertThat(stdout.split("\n")).contains(expected.toArray(new String[0]));
    assertThat(sshd.actions())
        .extracting(ResolvedAction::name)
        .containsExactly("ufw", "mail-whois-lines");
    assertThat(sshd.actions().get(0).command("actionban")).isPresent();
    assertThat(sshd.maxRetry()).contains(5);
    assertThat(sshd.banTime().orElseThrow().seconds()).isEqualTo(600.0);
  }

  @Test
  void editingAnExistingJailLocalKeepsEverythingElse() throws IOException {
    Path conf = Fail2banOracle.stockCopy(tmp);
    String before =
        "# my settings\n[DEFAULT]\n# keep me\nbantime  = 1h\nmta = sendmail ; old mta\n"
            + "action = %(action_)s\n          %(mta)s-whois[name=x]\n\n[recidive]\nenabled = false\n";
    Files.writeString(conf.resolve("jail.local"), before);
    SEED.writeTo(conf);
    String after = Files.readString(conf.resolve("jail.local"));
    assertThat(after)
        .isEqualTo(
            "# my settings\n[DEFAULT]\n# keep me\nbantime  = 1h\nmta = mail\n"
                + "action = %(action_mwl)s\nignoreip = 127.0.0.1/8 192.168.1.0/24\n"
                + "destemail = admin@example.org\nsender = f2b@example.org\n\n[recidive]\nenabled = false\n");
    Fail2banOracle.assertSameDump(conf, "edited jail.local");
  }
}
