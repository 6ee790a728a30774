package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PsadStatusTest {
  static String resource(String name) {
    try (InputStream in = PsadStatusTest.class.getResourceAsStream("/psad/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void seedSampleParses() {
    String text = resource("status-seed-chapter4.txt");
    PsadStatus s = PsadStatus.parse("status", text);
    assertThat(s.render()).isEqualTo(text);
    assertThat(s.missingPidFiles())
        .containsEntry("psadwatchd", Path.of("/var/run/psad/psadwatchd.pid"));
    assertThat(s.daemons())
        .containsExactly(
            new PsadDaemonStatus(
                "psad_fw_read",
                3444,
                Optional.of("0.0"),
                Optional.of("2.2"),
                Optional.of("Sat Feb 16 01:03:09 2019")),
            new PsadDaemonStatus(
                "psad",
                3435,
                Optional.of("0.2"),
                Optional.of("2.7"),
                Optional.of("Sat Feb 16 01:03:09 2019")));
    assertThat(s.isPsadRunning()).isTrue();
    assertThat(s.commandLineArguments()).isEmpty();
    assertThat(s.alertEmailAddresses()).contains("[email protected]");
    assertThat(s.version()).contains("2.4.3");
    assertThat(s.topSignatures()).isEmpty();
    assertThat(s.topAttackers()).isEmpty();
    assertThat(s.topScannedPorts()).isEmpty();
    assertThat(s.logPrefixCounters()).isEmpty();
    assertThat(s.protocolCounters()).isEmpty();
    assertThat(s.scanSources()).isEmpty();
    assertThat(s.totalScanSources()).isZero();
    assertThat(s.totalScanDestinations()).isZero();
    assertThat(s.resultsFile()).contains(Path.of("/var/log/psad/status.out"));
    assertThat(s.sectionsWithNone())
        .containsExactly(
            "Top 50 signature matches",
            "Top 25 attackers",
            "Top 20 scanned ports",
            "iptables log prefix counters",
            "IP Status Detail");
  }

  @Test
  void daemonWithoutPsLineParses() {
    PsadStatus s = PsadStatus.parse("s", "[+] psadwatchd (pid: 12)\n\n");
    assertThat(s.daemons())
        .containsExactly(
            new PsadDaemonStatus(
                "psadwatchd", 12, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void notRunningDaemonIsReported() {
    PsadStatus s =
        PsadStatus.parse(
            "s", "[-] psad: pid file /var/run/psad/psad.pid does not exist for psad on fw1\n");
    assertThat(s.isPsadRunning()).isFalse();
    assertThat(s.missingPidFiles()).containsEntry("psad", Path.of("/var/run/psad/psad.pid"));
  }

  @Test
  void itemsAreTyped() {
    String text =
        "[+] Top 50 signature matches:\n"
            + "      \"SCAN FIN\" (tcp),  Count: 3,  Unique sources: 1,  Sid: 100200\n\n"
            + "[+] Top 25 attackers:\n"
            + "      203.0.113.5     DL: 2, Packets: 10, Sig count: 3, (local IP)\n\n"
            + "[+] Top 20 scanned ports:\n      tcp 22    4 packets\n      udp 53    1 packets\n\n"
            + "    Total protocol packet counters:\n         tcp: 10 pkts\n\n";
    PsadStatus s = PsadStatus.parse("s", text);
    assertThat(s.topSignatures())
        .containsExactly(new PsadSignatureCount("SCAN FIN", "tcp", 3, 1, 100200));
    assertThat(s.topAttackers()).containsExactly(new PsadAttacker("203.0.113.5", 2, 10, 3, true));
    assertThat(s.topScannedPorts())
        .containsExactly(new PsadScannedPort("tcp", 22, 4), new PsadScannedPort("udp", 53, 1));
    assertThat(s.protocolCounters()).containsEntry("tcp", 10L);
  }

  @Test
  void foreignLinesAreErrorsWithPositions() {
    assertThatThrownBy(() -> PsadStatus.parse("s", "[+] Top 25 attackers:\n  garbage\n"))
        .isInstanceOf(PsadStatusParseException.class)
        .hasMessage("s:2:1: expected an attacker line");
    assertThatThrownBy(() -> PsadStatus.parse("s", "hello\n"))
        .hasMessage("s:1:1: not a line of psad --Status");
  }

  @Test
  void seedFwAnalyzeParses() {
    String text = resource("fw-analyze-seed-chapter4.txt");
    PsadFwAnalysis a = PsadFwAnalysis.parse("fw", text);
    assertThat(a.render()).isEqualTo(text);
    assertThat(a.isGood()).isTrue();
    assertThat(a.errorsFound()).isFalse();
    assertThat(a.parsedChains()).containsExactly("INPUT", "INPUT");
    assertThat(a.resultsFile()).contains(Path.of("/var/log/psad/fw_check"));
  }

  @Test
  void fwAnalyzeErrorsAreReported() {
    PsadFwAnalysis a =
        PsadFwAnalysis.parse(
            "fw",
            "[+] Parsing INPUT chain rules.\n[-] Errors found in firewall config.\n"
                + "    emailed to root@localhost\n[+] Results in /var/log/psad/fw_check\n"
                + "[+] Exiting.\n");
    assertThat(a.isGood()).isFalse();
    assertThat(a.errorsFound()).isTrue();
    assertThat(a.emailedTo()).contains("root@localhost");
    assertThatThrownBy(() -> PsadFwAnalysis.parse("fw", "what\n"))
        .hasMessage("fw:1:1: not a line of psad --fw-analyze");
  }
}
