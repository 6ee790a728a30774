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
          "Nov 25 21:00:00 sandbox kernel: [ 1234.5678] [IPTABLES] IN=eth0 OUT="
              + " MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.5 DST=192.0.2.10"
              + " LEN=44 TOS=0x00 PREC=0x00 TTL=40 ID=5555 PROTO=TCP SPT=40000 DPT="
              + port
              + " WINDOW=1024 RES=0x00 SYN URGP=0 ");
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
    assertThat(s.topAttackers()).extracting(PsadAttacker::address).contains("203.0.113.5");
    assertThat(s.topAttackers().get(0).packets()).isEqualTo(PORTS.length);
    assertThat(s.topScannedPorts())
        .extracting(PsadScannedPort::port)
        .containsExactlyInAnyOrder(21, 22, 23, 25, 80, 110, 143, 443, 3306, 8080);
    assertThat(s.logPrefixCounters()).containsEntry("[IPTABLES]", (long) PORTS.length);
    assertThat(s.protocolCounters()).containsEntry("tcp", (long) PORTS.length);
    assertThat(s.scanSources()).hasSize(1);
    assertThat(s.scanSources().get(0).address()).isEqualTo("203.0.113.5");
    assertThat(s.scanSources().get(0).destinationAddresses()).containsExactly("192.0.2.10");
    assertThat(s.totalScanSources()).isEqualTo(1);
    assertThat(s.totalScanDestinations()).isEqualTo(1);
    assertThat(s.resultsFile()).contains("/var/log/psad/status.out");
    assertThat(s.sectionsWithNone()).containsExactly("Top 50 signature matches");
  }

  @Test
  void realFwAnalyzeParses() {
    PsadFwAnalysis a = PsadFwAnalysis.parse("fw.out", fwAnalyze);
    assertThat(a.render()).isEqualTo(fwAnalyze);
    // an empty ruleset in a fresh network namespace has no LOG rules
    assertThat(a.errorsFound()).as(fwAnalyze).isTrue();
    assertThat(a.isGood()).isFalse();
    assertThat(a.parsedChains()).contains("INPUT");
    assertThat(a.resultsFile()).contains("/var/log/psad/fw_check");
  }
}
