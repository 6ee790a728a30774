package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.LosslessDocument;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PsadStatus} and {@link PsadFwAnalysis} built from values, edited, and rendered. */
class PsadStatusBuildTest {

  @Test
  void aBuiltStatusRendersInPsadsLayoutAndParsesBack() {
    PsadStatus built =
        PsadStatus.builder()
            .addDaemons(
                new PsadDaemonStatus(
                    "psad",
                    3435,
                    Optional.of("0.2"),
                    Optional.of("2.7"),
                    Optional.of("Sat Feb 16 01:03:09 2019")))
            .alertEmailAddresses("root@localhost")
            .version("2.4.6")
            .addTopSignatures(new PsadSignatureCount("SCAN FIN", "tcp", 3, 1, 100200))
            .addTopAttackers(new PsadAttacker("203.0.113.5", 2, 10, 0, false))
            .addTopScannedPorts(new PsadScannedPort("tcp", 22, 4))
            .putProtocolCounters("tcp", 10L)
            .resultsFile(Path.of("/var/log/psad/status.out"))
            .build();
    String expected =
        """
        [+] psad (pid: 3435)  %CPU: 0.2  %MEM: 2.7
            Running since: Sat Feb 16 01:03:09 2019

            Command line arguments: [none specified]
            Alert email address(es): root@localhost

        [+] Version: psad v2.4.6

        [+] Top signature matches:
              "SCAN FIN" (tcp),  Count: 3,  Unique sources: 1,  Sid: 100200

        [+] Top attackers:
              203.0.113.5     DL: 2, Packets: 10, Sig count: 0

        [+] Top scanned ports:
              tcp 22    4 packets

        [+] iptables log prefix counters:
                [NONE]

            Total protocol packet counters:
                 tcp: 10 pkts

        [+] IP Status Detail:
                [NONE]

            Total scan sources: 0
            Total scan destinations: 0

        [+] These results are available in: /var/log/psad/status.out
        """;
    assertThat(built.render()).isEqualTo(expected);
    PsadStatus back = PsadStatus.parse("s", expected);
    assertThat(back).isEqualTo(built);
    assertThat(back.sectionsWithNone())
        .containsExactly("iptables log prefix counters", "IP Status Detail");
    LosslessDocument doc = built;
    assertThat(doc.toBytes()).isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aParsedStatusKeepsItsTextUntilAValueChanges() {
    String text = PsadStatusTest.resource("status-ip-detail.txt");
    PsadStatus parsed = PsadStatus.parse("status", text);
    assertThat(PsadStatus.builder().from(parsed).build().render()).isEqualTo(text);
    PsadStatus edited = parsed.withTotalScanSources(parsed.totalScanSources() + 1);
    assertThat(edited.render()).isNotEqualTo(text);
    assertThat(PsadStatus.parse("status", edited.render())).isEqualTo(edited);
    PsadStatus rebuilt = PsadStatus.builder().from(parsed).printedText(Optional.empty()).build();
    assertThat(rebuilt).isEqualTo(parsed);
    assertThat(PsadStatus.parse("status", rebuilt.render())).isEqualTo(parsed);
  }

  @Test
  void valuesPsadCannotPrintAreRefused() {
    assertThatThrownBy(
            () ->
                new PsadDaemonStatus(
                    "psad", 1, Optional.of("0.1"), Optional.empty(), Optional.empty()))
        .isInstanceOf(PsadRefusedException.class);
    assertThatThrownBy(() -> new PsadAttacker("203.0.113.5 x", 1, 1, 0, false))
        .isInstanceOf(PsadRefusedException.class);
  }

  @Test
  void aBuiltFwAnalysisRendersInFwcheckPsadsLayout() {
    PsadFwAnalysis good =
        PsadFwAnalysis.builder()
            .good(true)
            .addParsedChains("INPUT", "INPUT")
            .resultsFile(Path.of("/var/log/psad/fw_check"))
            .build();
    String text =
        """
        [+] Parsing INPUT chain rules.
        [+] Parsing INPUT chain rules.
        [+] Firewall config looks good.
        [+] Completed check of firewall ruleset.
        [+] Results in /var/log/psad/fw_check
        [+] Exiting.
        """;
    assertThat(good.render()).isEqualTo(text);
    assertThat(PsadFwAnalysis.parse("fw", text)).isEqualTo(good);

    PsadFwAnalysis bad =
        PsadFwAnalysis.builder()
            .errorsFound(true)
            .addParsedChains("INPUT")
            .emailedTo("root@localhost")
            .build();
    assertThat(bad.render())
        .isEqualTo(
            """
            [+] Parsing INPUT chain rules.
            [-] Errors found in firewall config.
                emailed to root@localhost
            [+] Exiting.
            """);
    assertThat(PsadFwAnalysis.parse("fw", bad.render())).isEqualTo(bad);
  }

  @Test
  void aParsedFwAnalysisKeepsItsTextUntilAValueChanges() {
    String text = PsadStatusTest.resource("fw-analyze-seed-chapter4.txt");
    PsadFwAnalysis parsed = PsadFwAnalysis.parse("fw", text);
    assertThat(parsed.withParsedChains(parsed.parsedChains()).render()).isEqualTo(text);
    PsadFwAnalysis edited = parsed.withResultsFile(Path.of("/tmp/fw_check"));
    assertThat(edited.render()).contains("[+] Results in /tmp/fw_check\n");
    assertThat(PsadFwAnalysis.parse("fw", edited.render())).isEqualTo(edited);
  }

  @Test
  void anAnalysisIsGoodOrInErrorNotBoth() {
    assertThatThrownBy(() -> PsadFwAnalysis.builder().good(true).errorsFound(true).build())
        .isInstanceOf(PsadRefusedException.class)
        .hasMessage("psad finds a firewall config good or in error, not both");
  }
}
