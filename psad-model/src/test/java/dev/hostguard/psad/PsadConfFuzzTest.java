package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hostguard.core.Diagnostic;

/**
 * Jazzer targets: any bytes are a psad.conf that renders back exactly and that psad's reading
 * either accepts or refuses with a positioned {@link PsadConfParseException}; status and auto_dl
 * text either parses losslessly or fails with a {@link PsadStatusParseException} or {@link
 * PsadFwAnalysisParseException}.
 */
class PsadConfFuzzTest {
  private static final PsadHost NOTHING =
      new PsadHost() {
        @Override
        public boolean exists(String path) {
          return false;
        }

        @Override
        public boolean isExecutable(String path) {
          return false;
        }

        @Override
        public boolean isJournaldRunning() {
          return false;
        }
      };

  @FuzzTest(maxDuration = "60s")
  void psadConfParsesRendersAndLoads(byte[] input) {
    PsadConfDocument doc = PsadConfDocument.parse("fuzz", input);
    assertThat(doc.toBytes()).isEqualTo(input);
    for (PsadConfEntry e : doc.entries()) {
      assertThat(doc.lines().text(e.lineIndex())).isEqualTo(e.text());
    }
    for (Diagnostic p : PsadConfig.validate(doc, NOTHING)) {
      assertThat(p.sourceName()).isEqualTo("fuzz");
    }
    try {
      PsadConfig c = PsadConfig.of(doc, NOTHING);
      assertThat(c.dump()).startsWith("[+] Dumping psad config from: fuzz\n");
      c.ignorePorts();
      c.emailAddresses();
      c.homeNet();
    } catch (PsadConfParseException e) {
      assertThat(e.getMessage()).startsWith("fuzz:");
    }
  }

  @FuzzTest(maxDuration = "60s")
  void statusAndAutoDlParseOrFailWithAPosition(byte[] input) {
    String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    try {
      assertThat(PsadStatus.parse("fuzz", text).render()).isEqualTo(text);
    } catch (PsadStatusParseException e) {
      assertThat(e.getMessage()).startsWith("fuzz:");
    }
    try {
      assertThat(PsadFwAnalysis.parse("fuzz", text).render()).isEqualTo(text);
    } catch (PsadFwAnalysisParseException e) {
      assertThat(e.getMessage()).startsWith("fuzz:");
    }
    AutoDlDocument dl = AutoDlDocument.parse("fuzz", text);
    assertThat(dl.render()).isEqualTo(text);
    for (AutoDlEntry e : dl.entries()) {
      e.ports();
    }
  }
}
