package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.RoundTripAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PsadConfDocumentTest {
  static final Path DEBIAN_CONF = Path.of("/etc/psad/psad.conf");

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void debianPsadConfRoundTripsByteForByte() throws IOException {
    byte[] bytes = Files.readAllBytes(DEBIAN_CONF);
    PsadConfDocument doc = PsadConfDocument.parse("psad.conf", bytes);
    assertThat(doc.toBytes()).isEqualTo(bytes);
    assertThat(doc.validate()).isEmpty();
    assertThat(doc.variables()).containsKeys("EMAIL_ADDRESSES", "HOME_NET", "INSTALL_ROOT");
    assertThat(doc.commands()).containsKeys("iptables", "whois", "psad");
    assertThat(doc.fwMsgSearch()).containsExactly("DROP");
  }

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void everyDebianKeyHasAType() throws IOException {
    PsadConfDocument doc = PsadConfDocument.parse("psad.conf", Files.readAllBytes(DEBIAN_CONF));
    for (PsadConfEntry e : doc.entries()) {
      assertThat(PsadKeyType.isKnown(e.key())).as(e.key()).isTrue();
    }
    assertThat(PsadKeyType.forKey("ENABLE_AUTO_IDS")).isEqualTo(PsadKeyType.SWITCH);
    assertThat(PsadKeyType.forKey("IGNORE_PORTS")).isEqualTo(PsadKeyType.PORT_LIST);
    assertThat(PsadKeyType.forKey("DANGER_LEVEL3")).isEqualTo(PsadKeyType.INTEGER);
    assertThat(PsadKeyType.forKey("psCmd")).isEqualTo(PsadKeyType.COMMAND);
  }

  @Test
  void linesAreSplitAsPsadSplitsThem() {
    assertThat(PsadConfEntry.parse(0, "  KEY \t a b ;  ### c; d"))
        .isEqualTo(new PsadConfEntry(0, "  ", "KEY", " \t ", "a b ", "  ### c; d"));
    assertThat(PsadConfEntry.parse(0, "K;x y;z"))
        .isEqualTo(new PsadConfEntry(0, "", "K;x", " ", "y", "z"));
    assertThat(PsadConfEntry.parse(0, "KEY ;").value()).isEmpty();
    assertThat(PsadConfEntry.parse(0, "KEY;")).isNull();
    assertThat(PsadConfEntry.parse(0, "KEY value")).isNull();
    assertThat(PsadConfEntry.parse(0, " # KEY value;")).isNull();
    assertThat(PsadConfEntry.parse(0, "psCmd /bin/ps;").commandName()).contains("ps");
    assertThat(PsadConfEntry.parse(0, "psCmd ps;").commandName()).isEmpty();
    assertThat(PsadConfEntry.parse(0, "psCmd /;").commandName()).isEmpty();
  }

  @Test
  void ignoredLinesAndDuplicatesAreWarnedWithPositions() {
    String text = "A 1;\nB without semicolon\n# c\n\nA 2;\nFW_MSG_SEARCH X;\nFW_MSG_SEARCH Y;\n";
    PsadConfDocument doc = PsadConfDocument.parse("p.conf", text);
    assertThat(doc.render()).isEqualTo(text);
    assertThat(doc.validate())
        .extracting(Object::toString)
        .containsExactly(
            "p.conf:2:1: warning: psad ignores this line: no ';' ends a value",
            "p.conf:5:1: warning: A is already defined on line 1; psad keeps the first definition");
    assertThat(doc.rawValue("A")).contains("1");
    assertThat(doc.fwMsgSearch()).containsExactly("X", "Y");
  }

  @Test
  void nonUtf8BytesRoundTrip() {
    byte[] bytes = {'K', ' ', (byte) 0xff, ';', '\r', '\n', 'X', (byte) 0xe9};
    PsadConfDocument doc = PsadConfDocument.parse("p.conf", bytes);
    assertThat(doc.toBytes()).isEqualTo(bytes);
    assertThat(doc.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
  }

  @Test
  void setKeepsAlignmentAndTrailingComment() {
    String text = "# head\nDANGER_LEVEL1               5;    ### Number of packets.\nB   x;\n";
    PsadConfDocument doc = PsadConfDocument.parse("p", text);
    PsadConfDocument edited = doc.withValue("DANGER_LEVEL1", "10");
    assertThat(edited.render())
        .isEqualTo("# head\nDANGER_LEVEL1               10;    ### Number of packets.\nB   x;\n");
    RoundTripAssertions.assertEditLocality(text, edited.render(), Set.of(1));
    assertThat(doc.withValue("DANGER_LEVEL1", "5")).isSameAs(doc);
  }

  @Test
  void newKeysAreAppendedAtTheFilesValueColumn() {
    String text = "AAAA                        1;\nBB                          2;\nC   3;";
    PsadConfDocument doc = PsadConfDocument.parse("p", text).withValue("HOSTNAME", "fw1");
    assertThat(doc.render()).isEqualTo(text + "\nHOSTNAME                    fw1;");
    assertThat(doc.entries().get(3).valueColumn()).isEqualTo(28);
  }

  @Test
  void unsetRemovesEveryDefinitionAndKeepsComments() {
    String text = "# about A\nA 1;\nB 2;\nA 3;\n";
    PsadConfDocument doc = PsadConfDocument.parse("p", text).without("A");
    assertThat(doc.render()).isEqualTo("# about A\nB 2;\n");
    assertThat(doc.without("A")).isSameAs(doc);
  }

  @Test
  void badValuesAreRefused() {
    PsadConfDocument doc = PsadConfDocument.parse("p", "A 1;\n");
    assertThatThrownBy(() -> doc.withValue("A", "x;y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> doc.withValue("A", " x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> doc.withValue("#A", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> doc.withValue("A B", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void recommendedSettingsChangeOnlyTheirLines() throws IOException {
    String text = Files.readString(DEBIAN_CONF, StandardCharsets.UTF_8);
    PsadConfDocument doc = PsadConfDocument.parse("psad.conf", text);
    PsadConfDocument edited =
        doc.withRecommendedSettings(List.of("ops@example.org", "sec@example.org"), "fw1");
    assertThat(edited.rawValue("EMAIL_ADDRESSES")).contains("ops@example.org, sec@example.org");
    assertThat(edited.rawValue("HOSTNAME")).contains("fw1");
    for (String k :
        List.of(
            "ENABLE_PSADWATCHD",
            "ENABLE_AUTO_IDS",
            "ENABLE_AUTO_IDS_EMAILS",
            "EXPECT_TCP_OPTIONS")) {
      assertThat(edited.rawValue(k)).as(k).contains("Y");
    }
    Set<Integer> changed =
        Set.of(
            doc.variables().get("EMAIL_ADDRESSES").lineIndex(),
            doc.variables().get("HOSTNAME").lineIndex(),
            doc.variables().get("ENABLE_PSADWATCHD").lineIndex(),
            doc.variables().get("ENABLE_AUTO_IDS").lineIndex());
    RoundTripAssertions.assertEditLocality(text, edited.render(), changed);
    assertThat(edited.lines().size()).isEqualTo(doc.lines().size());
    // applying it twice changes nothing more
    assertThat(edited.withRecommendedSettings(List.of("ops@example.org", "sec@example.org"), "fw1"))
        .isSameAs(edited);
  }

  @Test
  void refusalsArePsadRefusedExceptionsThatSayWhy() {
    PsadConfDocument doc = PsadConfDocument.parse("p", "A 1;\n");
    assertThatThrownBy(() -> doc.withValue("A", "x;y"))
        .isExactlyInstanceOf(PsadRefusedException.class)
        .hasMessage("a psad.conf value cannot hold ';', CR or LF");
    assertThatThrownBy(() -> doc.withValue("A B", "x"))
        .isExactlyInstanceOf(PsadRefusedException.class)
        .hasMessage("not a psad.conf key: 'A B'");
    assertThatThrownBy(() -> doc.withRecommendedSettings(java.util.List.of(), "fw1"))
        .isExactlyInstanceOf(PsadRefusedException.class);
  }

  @Test
  void settingAKeyChangesOnlyItsValueInItsLine() {
    String text =
        "# alerts\nEMAIL_ADDRESSES     root@localhost;   # who\r\nHOSTNAME  _CHANGEME_;\n";
    PsadConfDocument doc = PsadConfDocument.parse("p", text).withValue("HOSTNAME", "fw1");
    assertThat(doc.render())
        .isEqualTo("# alerts\nEMAIL_ADDRESSES     root@localhost;   # who\r\nHOSTNAME  fw1;\n");
    assertThat(doc.rawValue("HOSTNAME")).contains("fw1");
    assertThat(doc.rawValue("NOPE")).isEmpty();
  }

  @Test
  void theDocumentIsALosslessDocument() {
    byte[] bytes = "A caf\u00e9;\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    dev.hostguard.core.LosslessDocument doc = PsadConfDocument.parse("p", bytes);
    assertThat(doc.toBytes()).isEqualTo(bytes);
    assertThat(doc.sourceName()).isEqualTo("p");
  }
}
