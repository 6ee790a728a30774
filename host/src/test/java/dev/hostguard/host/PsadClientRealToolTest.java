package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadDump;
import dev.hostguard.psad.PsadFwAnalysis;
import dev.hostguard.psad.PsadHost;
import dev.hostguard.psad.PsadStatus;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.RealTool;
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
 * PsadClient against the real psad 2.4.6 on a private psad.conf (the stock one with PSAD_DIR,
 * PSAD_RUN_DIR and PSAD_FIFO_DIR in a temp dir, {@code ALERTING_METHODS noemail,nosyslog;} and a
 * private IPT_SYSLOG_FILE), so psad writes nowhere else and mails nothing. No daemon is started:
 * {@code -R}, {@code -H}, {@code --sig-update} and {@code --fw-rm-block-ip} are argv-only ({@link
 * PsadClientArgvTest}). N = 1 configuration, 1 psad run a test (5 in all); a few seconds.
 */
@RequiresRealTool(RealTool.PSAD)
class PsadClientRealToolTest {
  @TempDir Path dir;

  @Test
  void dumpIsParsedAndItsConfigBlockIsWhatPsadConfigRenders() throws IOException {
    Path conf = privateConfig(dir.resolve("log"));
    PsadDump dump = PsadClient.on(LocalExecutor.create()).withConfig(conf).dump();

    assertThat(dump.configFile()).isEqualTo(conf.toString());
    assertThat(dump.values()).containsEntry("PSAD_DIR", dir.resolve("log").toString());
    assertThat(dump.values()).containsEntry("ALERTING_METHODS", "noemail,nosyslog");
    assertThat(dump.values()).containsEntry("EMAIL_ADDRESSES", "(removed)");
    assertThat(dump.commands()).containsKey("iptables");
    PsadConfig model =
        PsadConfig.of(
            PsadConfDocument.parse(conf.toString(), Files.readAllBytes(conf)), PsadHost.local());
    assertThat(dump.configBlock()).isEqualTo(model.dump());
  }

  @Test
  void statusWithoutADaemonNamesTheMissingPidFile() throws IOException {
    Path conf = privateConfig(dir.resolve("log"));
    PsadStatus status = PsadClient.on(LocalExecutor.create()).withConfig(conf).status();

    assertThat(status.isPsadRunning()).isFalse();
    assertThat(status.missingPidFiles()).containsEntry("psad", dir.resolve("run/psad.pid"));
  }

  @Test
  void aConfigurationPsadDiesOnIsRefusedWithPsadsMessage() throws IOException {
    Path missing = dir.resolve("no/such/dir");
    Path conf = privateConfig(missing);
    PsadClient psad = PsadClient.on(LocalExecutor.create()).withConfig(conf);

    assertThatThrownBy(psad::status)
        .isInstanceOfSatisfying(
            ToolRefusedException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("[*] Could not mkdir " + missing + ": No such file or directory");
              assertThat(e.exitCode()).isEqualTo(2);
              assertThat(e.command().argv())
                  .containsExactly("psad", "-c", conf.toString(), "--Status");
            });
  }

  @Test
  @RequiresRealTool(
      value = {RealTool.PSAD, RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
      root = true)
  void fwAnalyzeAndFwListAutoInAPrivateNetworkNamespace() throws IOException {
    Path log = dir.resolve("log");
    Path conf = privateConfig(log);
    try (NetworkNamespace ns = NetworkNamespace.create()) {
      PsadClient psad = PsadClient.on(ns.executor()).withConfig(conf);

      PsadFwAnalysis analysis = psad.fwAnalyze();
      // an empty ruleset in a fresh namespace logs nothing: psad finds errors
      assertThat(analysis.errorsFound()).isTrue();
      assertThat(analysis.parsedChains()).isNotEmpty();
      assertThat(analysis.resultsFile()).contains(log.resolve("fw_check"));
      assertThat(log.resolve("fw_check")).exists();

      assertThat(psad.fwListAuto())
          .contains("[-] Table: filter, chain: PSAD_BLOCK_INPUT, does not exist");
    }
  }

  /**
   * The stock psad.conf (read from the machine) with its run-time directories in {@code dir} (the
   * log dir as given: a missing parent makes psad die) and no mail or syslog.
   */
  private Path privateConfig(Path psadDir) throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Path fifo = Files.createDirectories(dir.resolve("fifo"));
    Path iptLog = Files.writeString(dir.resolve("fw.log"), "");
    if (psadDir.getParent().equals(dir)) {
      Files.createDirectories(psadDir);
    }
    List<String> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(Path.of("/etc/psad/psad.conf"), StandardCharsets.ISO_8859_1)) {
      out.add(
          replace(
              line,
              List.of(
                  List.of("PSAD_DIR", psadDir.toString()),
                  List.of("PSAD_RUN_DIR", run.toString()),
                  List.of("PSAD_FIFO_DIR", fifo.toString()),
                  List.of("ALERTING_METHODS", "noemail,nosyslog"),
                  List.of("IPT_SYSLOG_FILE", iptLog.toString()))));
    }
    Path conf = dir.resolve("psad.conf");
    Files.write(conf, out, StandardCharsets.ISO_8859_1);
    return conf;
  }

  private static String replace(String line, List<List<String>> keyValues) {
    for (List<String> kv : keyValues) {
      if (line.matches(kv.get(0) + "\\s.*")) {
        return kv.get(0) + " " + kv.get(1) + ";";
      }
    }
    return line;
  }
}
