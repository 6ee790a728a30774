package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The typed IP status detail of {@code psad --Status}, on a hand-written sample in psad's format.
 */
class PsadScanSourceTest {
  private static final String SAMPLE = PsadStatusTest.resource("status-ip-detail.txt");

  @Test
  void sampleRendersBackByteForByte() {
    assertThat(PsadStatus.parse("status", SAMPLE).render()).isEqualTo(SAMPLE);
  }

  @Test
  void ipv6SourceWithOneOsGuessAndTwoDestinations() {
    PsadScanSource s = PsadStatus.parse("status", SAMPLE).scanSources().get(0);
    assertThat(s.address()).isEqualTo("2001:db8:0:0:0:0:0:5");
    assertThat(s.shortForm()).contains("2001:db8::5");
    assertThat(s.dangerLevel()).isEqualTo(3);
    assertThat(s.packets()).isEqualTo(120);
    assertThat(s.emailAlerts()).contains(4L);
    assertThat(s.local()).isTrue();
    assertThat(s.osFingerprints()).containsExactly("Windows XP SP1");
    assertThat(s.destinationAddresses()).containsExactly("2001:db8:0:0:0:0:0:a", "192.0.2.1");

    PsadScanDestination v6 = s.scanDestinations().get(0);
    assertThat(v6.shortForm()).contains("2001:db8::a");
    assertThat(v6.local()).isTrue();
    assertThat(v6.scannedPorts())
        .containsExactly(
            new PsadPortScan("TCP", 22, 22, 100, "INPUT", "eth0"),
            new PsadPortScan("UDPLITE", 7, 9, 3, "INPUT", "eth0"));
    assertThat(v6.protocolTotals()).containsExactly(new PsadProtocolTotal(3, "INPUT", "eth0"));
    assertThat(v6.signatureMatches())
        .containsExactly(
            new PsadSignatureMatch(
                "SCAN \"quoted\" FIN",
                "TCP",
                "INPUT",
                2,
                Optional.of(22),
                Optional.of("FIN"),
                100001),
            new PsadSignatureMatch(
                "[NA]", "UDP", "FORWARD", 1, Optional.of(53), Optional.empty(), 9));
    assertThat(v6.invalidIcmp())
        .containsExactly(
            new PsadInvalidIcmp("ICMP6", true, "200", Optional.of("Echo Request"), "INPUT", 5));
    assertThat(v6.lines())
        .hasSize(9)
        .first()
        .isEqualTo("    DST: 2001:db8:0:0:0:0:0:a (2001:db8::a), Local IP");

    PsadScanDestination v4 = s.scanDestinations().get(1);
    assertThat(v4.shortForm()).isEmpty();
    assertThat(v4.local()).isFalse();
    assertThat(v4.scannedPorts())
        .containsExactly(new PsadPortScan("UDP", 53, 161, 12, "FORWARD", "br0"));
    assertThat(v4.invalidIcmp())
        .containsExactly(new PsadInvalidIcmp("ICMP", false, "99", Optional.empty(), "FORWARD", 7));
  }

  @Test
  void severalOsGuessesAndASourceWithoutDestinations() {
    ImmutableList<PsadScanSource> sources = PsadStatus.parse("status", SAMPLE).scanSources();
    assertThat(sources.get(1).osFingerprints())
        .containsExactly("Linux:2.6:8:Linux 2.6.8 and newer (?)", "Linux:2.4::Linux 2.4");
    assertThat(sources.get(1).emailAlerts()).isEmpty();
    assertThat(sources.get(1).scanDestinations().get(0).scannedPorts())
        .containsExactly(new PsadPortScan("TCP", 443, 448, 6, "INPUT", "eth0"));
    assertThat(sources.get(2).scanDestinations()).isEmpty();
    assertThat(sources.get(2).details()).isEmpty();
  }

  @Test
  void linesPsadDoesNotPrintThereAreErrorsWithPositions() {
    String unknown = SAMPLE.replace("Intf: br0\n        Invalid", "Intf: br0\n        Bogus");
    assertThatThrownBy(() -> PsadStatus.parse("status", unknown))
        .isInstanceOf(PsadStatusParseException.class)
        .hasMessageContaining("status:26:1: expected a line of a DST: block");
    String orphan =
        SAMPLE.replace("            TCP, Chain: INPUT, Count: 2", "            TCP; Count: 2");
    assertThatThrownBy(() -> PsadStatus.parse("status", orphan))
        .isInstanceOf(PsadStatusParseException.class)
        .hasMessageContaining("status:19:1: expected the protocol line of a signature match");
    String noDst = SAMPLE.replace("    DST: 192.0.2.10\n", "    Scanned: 192.0.2.10\n");
    assertThatThrownBy(() -> PsadStatus.parse("status", noDst))
        .isInstanceOf(PsadStatusParseException.class)
        .hasMessageContaining("status:33:1: expected a DST: line or a source OS fingerprint");
    String badSource =
        SAMPLE.replace(", Unique sigs: 0\n    Source", ", Unique sigs: x\n    Source");
    assertThatThrownBy(() -> PsadStatus.parse("status", badSource))
        .isInstanceOf(PsadStatusParseException.class)
        .hasMessageContaining("status:28:1: expected a SRC: line");
  }
}
