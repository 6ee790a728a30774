package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.ParseException;
import dev.hostguard.exec.RecordingExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every PsadClient method: the argv it runs and how its output is read. {@code -R}, {@code -H},
 * {@code --sig-update} and {@code --fw-rm-block-ip} are tested here only: for real they start
 * daemons with the default configuration, signal them, reach the network or change netfilter.
 */
class PsadClientArgvTest {
  private static final String CONF = "/srv/psad/psad.conf";

  private static List<String> argv(String... options) {
    List<String> out = new ArrayList<>(List.of("psad", "-c", CONF));
    out.addAll(List.of(options));
    return out;
  }

  private static final String NOT_RUNNING =
      "[-] psad: pid file /srv/run/psad.pid does not exist for psad on fw1\n";

  private static final String FW_GOOD =
      "[+] Parsing INPUT chain rules.\n"
          + "[+] Firewall config looks good.\n"
          + "[+] Completed check of firewall ruleset.\n"
          + "[+] Results in /var/log/psad/fw_check\n"
          + "[+] Exiting.\n";

  private static final String DUMP =
      "[+] uname output:\nLinux (removed) 6.1 x86_64 GNU/Linux\n\n"
          + "[+] Dumping psad config from: "
          + CONF
          + "\n\n"
          + "    ALERTING_METHODS           noemail,nosyslog\n"
          + "    EMAIL_ADDRESSES            (removed)\n"
          + "    ENABLE_AUTO_IDS_REGEX_MATCHES N\n"
          + "\n"
          + "[+] Command paths:\n"
          + "\n"
          + "[+] iptables                   /usr/sbin/iptables\n";

  @Test
  void everyOptionRunsOnceWithTheConfig() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(argv("--Status"), 1, NOT_RUNNING)
            .respond(argv("--fw-analyze"), 0, FW_GOOD)
            .respond(argv("-D"), 0, DUMP)
            .respond(argv("-R"), 0, "[+] Restarting psad daemons on fw1\n")
            .respond(argv("-H"), 0, "[+] HUP signal sent to psad.\n")
            .respond(argv("--sig-update"), 0, "[+] Downloading latest signatures\n")
            .respond(
                argv("--fw-list-auto"), 0, "[+] Listing chains from IPT_AUTO_CHAIN keywords...\n")
            .respond(argv("--fw-rm-block-ip", "192.0.2.9"), 0, "")
            .build();
    PsadClient psad = PsadClient.on(rec).withConfig(Path.of(CONF));

    var status = psad.status();
    assertThat(status.isPsadRunning()).isFalse();
    assertThat(status.missingPidFiles()).containsEntry("psad", Path.of("/srv/run/psad.pid"));
    var fw = psad.fwAnalyze();
    assertThat(fw.isGood()).isTrue();
    assertThat(fw.resultsFile()).contains(Path.of("/var/log/psad/fw_check"));
    var dump = psad.dump();
    assertThat(dump.configFile()).isEqualTo(CONF);
    assertThat(dump.values())
        .containsExactly(
            java.util.Map.entry("ALERTING_METHODS", "noemail,nosyslog"),
            java.util.Map.entry("EMAIL_ADDRESSES", "(removed)"),
            java.util.Map.entry("ENABLE_AUTO_IDS_REGEX_MATCHES", "N"));
    assertThat(dump.commands())
        .containsExactly(java.util.Map.entry("iptables", "/usr/sbin/iptables"));
    assertThat(dump.render()).isEqualTo(DUMP);
    psad.restart();
    psad.hup();
    psad.sigUpdate();
    assertThat(psad.fwListAuto()).isEqualTo("[+] Listing chains from IPT_AUTO_CHAIN keywords...\n");
    psad.fwRemoveBlockIp("192.0.2.9");

    rec.verifyAllResponsesUsed();
    assertThat(rec.commands()).hasSize(8);
  }

  @Test
  void withoutAConfigPsadReadsItsDefault() {
    RecordingExecutor rec =
        RecordingExecutor.builder().respond(List.of("psad", "--sig-update"), 0, "").build();
    PsadClient psad = PsadClient.on(rec);
    psad.sigUpdate();
    assertThat(psad.config()).isEmpty();
    rec.verifyAllResponsesUsed();
  }

  @Test
  void refusalsCarryPsadsMessage() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(
                argv("-D"),
                2,
                "",
                "[*] Could not mkdir /x/var/log/psad: No such file or directory at /usr/sbin/psad"
                    + " line 10233.\n")
            .respond(argv("--Status"), 1, "", "[*] Could not open /x/psad.conf: No such file\n")
            .respond(argv("--fw-analyze"), 0, "not psad's output\n")
            .build();
    PsadClient psad = PsadClient.on(rec).withConfig(Path.of(CONF));
    assertThatThrownBy(psad::dump)
        .isInstanceOfSatisfying(
            ToolRefusedException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("[*] Could not mkdir /x/var/log/psad: No such file or directory");
              assertThat(e.exitCode()).isEqualTo(2);
            });
    assertThatThrownBy(psad::status)
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("[*] Could not open /x/psad.conf: No such file");
    assertThatThrownBy(psad::fwAnalyze).isInstanceOf(ParseException.class);
    rec.verifyAllResponsesUsed();
  }
}
