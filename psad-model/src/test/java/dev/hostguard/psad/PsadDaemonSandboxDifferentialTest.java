package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real psad daemon in a private network and mount namespace (fresh {@code /run}, {@code
 * /var/log/psad} and {@code /var/lib/psad} bind-mounted from a temp dir, no mail, no syslog), fed a
 * TCP scan from 203.0.113.5 (a documentation address) through a private {@code IPT_SYSLOG_FILE};
 * its real {@code --Status} and {@code --fw-analyze} output must parse. The sandbox script stops
 * the daemon by its pid before it returns.
 */
@RequiresRealTool(
    value = {RealTool.PSAD, RealTool.UNSHARE},
    root = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsadDaemonSandboxDifferentialTest {
  static final int[] PORTS = {21, 22, 23, 25, 80, 110, 143, 443, 3306, 8080};
  static final int[] XMAS_PORTS = {1, 2, 3};
  static final int[] UDP_PORTS = {53, 161};
  static final int LINUX_FIRST_PORT = 5000;
  static final int LINUX_PACKETS = 6;

  /** The start of every fed log line. */
  static final String LOG =
      "Nov 25 21:00:00 sandbox kernel: [ 1234.5678] [IPTABLES] IN=eth0 OUT="
          + " MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 ";

  Path work;
  String status;
  String fwAnalyze;
  int statusExit;

  @BeforeAll
  void runSandbox(@TempDir Path dir) throws IOException {
    work = dir;
    PsadConfDocument conf =
        PsadConfDocument.parse("psad.conf", Files.readAllBytes(Path.of("/etc/psad/psad.conf")))
            .withValue("EMAIL_ADDRESSES", "nobody@example.org")
            .withValue("HOSTNAME", "sandbox")
            .withValue("ALERTING_METHODS", "noemail,nosyslog")
            .withValue("IPT_SYSLOG_FILE", work.resolve("iptables.log").toString())
            .withValue("CHECK_INTERVAL", "1")
            .withValue("ENABLE_WHOIS_LOOKUPS", "N")
            .withValue("ENABLE_DNS_LOOKUPS", "N")
            .withValue("AUTO_DETECT_JOURNALCTL", "N")
            .withValue("ENABLE_FW_MSG_READ_CMD", "N");
    Files.write(work.resolve("psad.conf"), conf.toBytes());
    List<String> scan = new ArrayList<>();
    for (int port : PORTS) {
      scan.add(
          LOG
              + "SRC=203.0.113.5 DST=192.0.2.10 LEN=44 TOS=0x00 PREC=0x00 TTL=40 ID=5555 PROTO=TCP"
              + " SPT=40000 DPT="
              + port
              + " WINDOW=1024 RES=0x00 SYN URGP=0 ");
    }
    for (int port : XMAS_PORTS) {
      scan.add(
          LOG
              + "SRC=203.0.113.5 DST=192.0.2.10 LEN=40 TOS=0x00 PREC=0x00 TTL=40 ID=5556 PROTO=TCP"
              + " SPT=40001 DPT="
              + port
              + " WINDOW=1024 RES=0x00 URG PSH FIN URGP=0 ");
    }
    for (int port : UDP_PORTS) {
      scan.add(
          LOG
              + "SRC=203.0.113.5 DST=192.0.2.11 LEN=28 TOS=0x00 PREC=0x00 TTL=40 ID=5557 PROTO=UDP"
              + " SPT=40002 DPT="
              + port
              + " LEN=8 ");
    }
    // an echo request with code 7: psad's "ICMP PING undefined code" signature
    scan.add(
        LOG
            + "SRC=203.0.113.5 DST=192.0.2.10 LEN=28 TOS=0x00 PREC=0x00 TTL=40 ID=5558 PROTO=ICMP"
            + " TYPE=8 CODE=7 ID=1 SEQ=1 ");
    // SYNs with a Linux TCP option set: psad's p0f guesses the OS
    for (int port = LINUX_FIRST_PORT; port < LINUX_FIRST_PORT + LINUX_PACKETS; port++) {
      scan.add(
          LOG
              + "SRC=198.51.100.7 DST=192.0.2.10 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=4242 DF"
              + " PROTO=TCP SPT=50000 DPT="
              + port
              + " WINDOW=5840 RES=0x00 SYN URGP=0 OPT (020405B40402080A0001E2400000000001030307) ");
    }
    Files.write(work.resolve("scan.log"), scan, StandardCharsets.UTF_8);
    Path script = work.resolve("psad-status-sandbox.sh");
    try (InputStream in = getClass().getResourceAsStream("psad-status-sandbox.sh")) {
      assertThat(in).isNotNull();
      Files.write(script, in.readAllBytes());
    }
    CommandResult r =
        RealTools.run(
            Command.builder()
                .argv(
                    List.of(
                        RealTool.UNSHARE.require().toString(),
                        "--net",
                        "--mount",
                        "--propagation",
                        "private",
                        "bash",
                        script.toString(),
                        work.toString()))
                .timeout(Duration.ofSeconds(120))
                .build());
    assertThat(r.exitCode()).as("sandbox: %s", r.stderr()).isZero();
    status = Files.readString(work.resolve("status.out"), StandardCharsets.UTF_8);
    statusExit = Integer.parseInt(Files.readString(work.resolve("status.rc")).strip());
    fwAnalyze = Files.readString(work.resolve("fw.out"), StandardCharsets.UTF_8);
  }

  @Test
  void realStatusParses() {
    PsadStatus s = PsadStatus.parse("status.out", status);
    assertThat(s.render()).isEqualTo(status);
    assertThat(statusExit).isZero();
    assertThat(s.isPsadRunning()).as(status).isTrue();
    assertThat(s.daemon("psad").orElseThrow().runningSince()).isPresent();
    assertThat(s.commandLineArguments()).contains("-c " + work.resolve("psad.conf"));
    assertThat(s.alertEmailAddresses()).contains("nobody@example.org");
    assertThat(s.version()).contains("2.4.6");
    int scanner = PORTS.length + XMAS_PORTS.length + UDP_PORTS.length + 1;
    assertThat(s.topAttackers())
        .extracting(PsadAttacker::address)
        .containsExactlyInAnyOrder("203.0.113.5", "198.51.100.7");
    assertThat(s.topAttackers())
        .filteredOn(a -> a.address().equals("203.0.113.5"))
        .extracting(PsadAttacker::packets)
        .containsExactly((long) scanner);
    assertThat(s.topScannedPorts())
        .extracting(PsadScannedPort::port)
        .contains(21, 22, 23, 25, 80, 110, 143, 443, 3306, 8080, 1, 2, 3, 53, 161);
    assertThat(s.logPrefixCounters()).containsEntry("[IPTABLES]", (long) scanner + LINUX_PACKETS);
    assertThat(s.protocolCounters())
        .containsEntry("tcp", (long) PORTS.length + XMAS_PORTS.length + LINUX_PACKETS)
        .containsEntry("udp", (long) UDP_PORTS.length)
        .containsEntry("icmp", 1L);
    assertThat(s.scanSources())
        .extracting(PsadScanSource::address)
        .containsExactlyInAnyOrder("203.0.113.5", "198.51.100.7");
    assertThat(source(s, "203.0.113.5").destinationAddresses())
        .containsExactlyInAnyOrder("192.0.2.10", "192.0.2.11");
    assertThat(s.totalScanSources()).isEqualTo(2);
    assertThat(s.totalScanDestinations()).isEqualTo(2);
    assertThat(s.resultsFile()).contains(Path.of("/var/log/psad/status.out"));
    assertThat(s.sectionsWithNone()).doesNotContain("IP Status Detail");
  }

  private static PsadScanSource source(PsadStatus s, String address) {
    return s.scanSources().stream()
        .filter(x -> x.address().equals(address))
        .findFirst()
        .orElseThrow();
  }

  private static PsadScanDestination destination(PsadScanSource s, String address) {
    return s.scanDestinations().stream()
        .filter(d -> d.address().equals(address))
        .findFirst()
        .orElseThrow();
  }

  /** The typed IP status detail holds what was fed to the real daemon, and every printed line. */
  @Test
  void realIpStatusDetailIsTyped() throws IOException {
    PsadStatus s = PsadStatus.parse("status.out", status);
    PsadScanSource scanner = source(s, "203.0.113.5");
    assertThat(scanner.shortForm()).isEmpty();
    assertThat(scanner.local()).isFalse();
    assertThat(scanner.emailAlerts()).contains(0L);
    assertThat(scanner.destinations()).isEqualTo(2);
    assertThat(scanner.packets())
        .isEqualTo(PORTS.length + XMAS_PORTS.length + UDP_PORTS.length + 1);
    assertThat(scanner.protocols()).isEqualTo(3);
    assertThat(scanner.osFingerprints()).isEmpty();

    PsadScanDestination tcp = destination(scanner, "192.0.2.10");
    assertThat(tcp.local()).isFalse();
    assertThat(tcp.scannedPorts())
        .containsExactly(
            new PsadPortScan("TCP", 1, 8080, PORTS.length + XMAS_PORTS.length, "INPUT", "eth0"));
    assertThat(tcp.protocolTotals()).containsExactly(new PsadProtocolTotal(2, "INPUT", "eth0"));
    assertThat(tcp.signatureMatches())
        .extracting(
            PsadSignatureMatch::protocol, PsadSignatureMatch::chain, PsadSignatureMatch::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TCP", "INPUT", (long) XMAS_PORTS.length),
            org.assertj.core.groups.Tuple.tuple("ICMP", "INPUT", 1L));
    PsadSignatureMatch xmas =
        tcp.signatureMatches().stream().filter(m -> m.protocol().equals("TCP")).findFirst().get();
    assertThat(xmas.tcpFlags()).contains("URG PSH FIN");
    assertThat(xmas.destinationPort()).hasValueSatisfying(p -> assertThat(XMAS_PORTS).contains(p));
    PsadSignatureMatch ping =
        tcp.signatureMatches().stream().filter(m -> m.protocol().equals("ICMP")).findFirst().get();
    assertThat(ping.destinationPort()).isEmpty();
    assertThat(ping.tcpFlags()).isEmpty();
    // messages and sids are the installed signature file's
    String signatures = Files.readString(Path.of("/etc/psad/signatures"), StandardCharsets.UTF_8);
    for (PsadSignatureMatch m : tcp.signatureMatches()) {
      assertThat(signatures)
          .contains("msg:\"" + m.message() + "\";")
          .contains("sid:" + m.sid() + ";");
    }
    assertThat(tcp.invalidIcmp()).isEmpty();

    PsadScanDestination udp = destination(scanner, "192.0.2.11");
    assertThat(udp.scannedPorts())
        .containsExactly(new PsadPortScan("UDP", 53, 161, UDP_PORTS.length, "INPUT", "eth0"));
    assertThat(udp.protocolTotals()).containsExactly(new PsadProtocolTotal(1, "INPUT", "eth0"));
    assertThat(udp.signatureMatches()).isEmpty();

    PsadScanSource linux = source(s, "198.51.100.7");
    assertThat(linux.packets()).isEqualTo(LINUX_PACKETS);
    assertThat(linux.osFingerprints()).isNotEmpty();
    String pfOs = Files.readString(Path.of("/etc/psad/pf.os"), StandardCharsets.UTF_8);
    for (String os : linux.osFingerprints()) {
      assertThat(pfOs).contains(os);
      assertThat(os).startsWith("Linux:");
    }
    assertThat(destination(linux, "192.0.2.10").scannedPorts())
        .containsExactly(
            new PsadPortScan(
                "TCP",
                LINUX_FIRST_PORT,
                LINUX_FIRST_PORT + LINUX_PACKETS - 1,
                LINUX_PACKETS,
                "INPUT",
                "eth0"));

    // every printed line under a SRC: line is in exactly one typed place
    for (PsadScanSource src : s.scanSources()) {
      int osLines = src.osFingerprints().isEmpty() ? 0 : src.osFingerprints().size() + 1;
      List<String> os = new ArrayList<>();
      src.osFingerprints().forEach(f -> os.add("        " + f));
      assertThat(src.details().subList(Math.min(1, osLines), osLines)).isEqualTo(os);
      List<String> typed = new ArrayList<>();
      src.scanDestinations().forEach(d -> typed.addAll(d.lines()));
      assertThat(src.details().subList(osLines, src.details().size())).isEqualTo(typed);
      assertThat(status).contains(src.sourceLine() + "\n");
    }
  }

  @Test
  void realFwAnalyzeParses() {
    PsadFwAnalysis a = PsadFwAnalysis.parse("fw.out", fwAnalyze);
    assertThat(a.render()).isEqualTo(fwAnalyze);
    // an empty ruleset in a fresh network namespace has no LOG rules
    assertThat(a.errorsFound()).as(fwAnalyze).isTrue();
    assertThat(a.isGood()).isFalse();
    assertThat(a.parsedChains()).contains("INPUT");
    assertThat(a.resultsFile()).contains(Path.of("/var/log/psad/fw_check"));
  }
}
