package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed built by name, with the seed chapter's defaults and other banactions and filters. */
class Fail2banSeedTest {
  private static Fail2banSeed.Builder mail() {
    return Fail2banSeed.builder().destEmail("admin@example.org").sender("f2b@example.org");
  }

  @Test
  void defaultsAreTheSeedChaptersAndTheAddressesGoWhereTheirNamesSay() {
    Fail2banSeed seed = mail().build();
    assertThat(seed.banAction()).isEqualTo("ufw");
    assertThat(seed.filter()).isEqualTo("sshd");
    assertThat(seed.maxRetry()).isEqualTo(5);
    assertThat(seed.sshPort()).isEqualTo("ssh");
    assertThat(seed.mta()).isEqualTo("mail");
    Fail2banIniDocument empty = Fail2banIniDocument.parse("jail.local", "");
    assertThat(seed.jailLocal(empty).render())
        .isEqualTo(
            "[DEFAULT]\nignoreip = 127.0.0.1/8\ndestemail = admin@example.org\n"
                + "sender = f2b@example.org\nmta = mail\naction = %(action_mwl)s\n");
  }

  @Test
  void otherBanactionsAndFiltersResolve() {
    Fail2banSeed seed =
        mail()
            .lanSegment("192.0.2.0/24")
            .banAction("iptables-multiport")
            .filter("sshd[mode=aggressive]")
            .maxRetry(3)
            .build();
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(
        Path.of("jail.conf"),
        "[DEFAULT]\nbanaction = ufw\nsshd_log = /var/log/auth.log\n"
            + "action_mwl = %(banaction)s[port=\"%(port)s\"]\n[sshd]\n");
    files.put(
        Path.of("filter.d/sshd.conf"),
        "[Init]\nmode = normal\n[Definition]\nfailregex = ^<mode> <HOST>$\n");
    files.put(Path.of("action.d/iptables-multiport.conf"), "[Definition]\nactionban = ban <ip>\n");
    Map<Path, String> seeded = seed.applyTo(files);
    assertThat(seeded.get(Path.of("jail.conf"))).isEqualTo(files.get(Path.of("jail.conf")));
    assertThat(seeded.get(Path.of("jail.d/ssh.local")))
        .isEqualTo(
            "[sshd]\nenabled = true\nbanaction = iptables-multiport\nport = ssh\n"
                + "filter = sshd[mode=aggressive]\nlogpath = %(sshd_log)s\nmaxretry = 3\n");
    Jail sshd = Fail2banConfig.from(Fail2banConfigSource.inMemory(seeded)).jail("sshd");
    assertThat(sshd.enabled()).isTrue();
    assertThat(sshd.banAction()).contains("iptables-multiport");
    assertThat(sshd.filterSpec()).contains("sshd[mode=aggressive]");
    assertThat(sshd.filter().orElseThrow().failregex()).containsExactly("^aggressive <HOST>$");
    assertThat(sshd.maxRetry()).contains(3);
    assertThat(sshd.ignoreIps()).containsExactly("127.0.0.1/8", "192.0.2.0/24");
    assertThat(sshd.logPaths()).extracting(LogPath::glob).containsExactly("/var/log/auth.log");
  }

  @Test
  void refusesWhatFail2banWouldNotReadBack() {
    assertThatThrownBy(() -> mail().maxRetry(0).build())
        .isInstanceOf(Fail2banRefusedException.class)
        .hasMessage("maxretry must be positive: 0");
    assertThatThrownBy(() -> mail().banAction("ufw ; oops").build())
        .isInstanceOf(Fail2banRefusedException.class);
    assertThatThrownBy(() -> Fail2banSeed.builder().destEmail("a@b").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sender");
  }
}
