package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hermetic steps of the how-to that opens {@code docs/fail2ban.md}, as written there. */
class Fail2banHowToTest {

  @Test
  void parseSetAnOptionResolveFromMemoryAndRender() {
    String text = "[sshd]\nenabled = true\nport = ssh ; the default\n";
    Fail2banIniDocument jailLocal = Fail2banIniDocument.parse("jail.local", text);
    assertThat(jailLocal.render()).isEqualTo(text);
    assertThat(jailLocal.value("sshd", "port")).contains("ssh");

    Fail2banIniDocument edited = jailLocal.withOption("sshd", "maxretry", "3");
    assertThat(edited.render())
        .isEqualTo("[sshd]\nenabled = true\nport = ssh ; the default\nmaxretry = 3\n");

    Map<Path, String> files =
        Map.of(
            Path.of("jail.conf"),
            "[DEFAULT]\nbantime = 10m\n[sshd]\nmaxretry = 5\n",
            Path.of("jail.local"),
            edited.render());
    Fail2banConfig config = Fail2banConfig.from(Fail2banConfigSource.inMemory(files));
    Jail sshd = config.jail("sshd");
    assertThat(sshd.enabled()).isTrue();
    assertThat(sshd.maxRetry()).contains(3);
    assertThat(sshd.banTime().map(Fail2banTime::seconds)).contains(600.0);
    assertThat(edited.toBytes())
        .isEqualTo(edited.render().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    Fail2banSeed seed =
        Fail2banSeed.builder()
            .destEmail("admin@example.org")
            .sender("f2b@example.org")
            .lanSegment("192.168.1.0/24")
            .banAction("iptables-multiport")
            .build();
    Map<Path, String> seeded = seed.applyTo(files);
    assertThat(seeded.get(Path.of("jail.local")))
        .startsWith(edited.render())
        .contains("destemail = admin@example.org\nsender = f2b@example.org\n");
    assertThat(seeded.get(Path.of("jail.d/ssh.local")))
        .contains("banaction = iptables-multiport\n");
  }
}
