package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsadConfigTest {
  /** A host where every path is an executable and journald does not run. */
  static final PsadHost EVERYTHING =
      new PsadHost() {
        @Override
        public boolean exists(String path) {
          return true;
        }

        @Override
        public boolean isExecutable(String path) {
          return true;
        }

        @Override
        public boolean isJournaldRunning() {
          return false;
        }
      };

  static String minimal() {
    StringBuilder sb = new StringBuilder();
    for (String k : PsadRequiredKeys.KEYS) {
      String v;
      switch (k) {
        case "EMAIL_ADDRESSES":
          v = "a@example.org, b@example.org";
          break;
        case "SYSLOG_FACILITY":
          v = "LOG_LOCAL7";
          break;
        case "SYSLOG_PRIORITY":
          v = "LOG_INFO";
          break;
        case "FW_DATA_FILE":
          v = "/x/fwdata";
          break;
        case "DSHIELD_ALERT_INTERVAL":
          v = "6";
          break;
        default:
          if (k.startsWith("DANGER_LEVEL")) {
            v = k.substring("DANGER_LEVEL".length()) + "0";
          } else if (k.endsWith("DANGER_LEVEL")) {
            v = "1";
          } else {
            v = k.startsWith("ENABLE_") ? "N" : (k.contains("THRESHOLD") ? "5" : "v");
          }
      }
      sb.append(k).append(' ').append(v).append(";\n");
    }
    return sb.append("TOP_SCANS_CTR_THRESHOLD 1;\n").toString();
  }

  static PsadConfig load(String text) {
    return PsadConfig.of(PsadConfDocument.parse("p.conf", text), EVERYTHING);
  }

  @Test
  void expansionIsOneOccurrencePerPassWithInstallRootSlashDroppingOut() {
    PsadConfig c =
        load(
            "INSTALL_ROOT /;\nPSAD_DIR $INSTALL_ROOT/var/log/psad;\nX $PSAD_DIR/a:$PSAD_DIR/b;\n"
                + "Y $$PSAD_DIR;\nZ cost $ 5;\n"
                + minimal());
    assertThat(c.value("PSAD_DIR")).contains("/var/log/psad");
    assertThat(c.value("X")).contains("/var/log/psad/a:/var/log/psad/b");
    assertThat(c.value("Y")).contains("$/var/log/psad");
    assertThat(c.value("Z")).contains("cost $ 5");
  }

  @Test
  void expansionErrorsCarryPsadsWordsAndThePosition() {
    assertThatThrownBy(() -> load("A x;\nB  pre$NOPE;\n" + minimal()))
        .isInstanceOfSatisfying(
            PsadConfParseException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo("[*] sub-var \"NOPE\" not defined in config for var: B.");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(7);
              assertThat(e.exitStatus()).isEqualTo(255);
            });
    assertThatThrownBy(() -> load("B $B;\n" + minimal()))
        .hasMessageEndingWith("[*] sub-ver B not allowed within same variable B");
    assertThatThrownBy(() -> load("B " + "$HOSTNAME".repeat(19) + ";\n" + minimal()))
        .hasMessageEndingWith("[*] Exceeded maximum variable resolution counter.");
  }

  @Test
  void firstDefinitionWinsAndEnableValuesAreUpperCased() {
    PsadConfig c = load("HOSTNAME first;\nENABLE_X yes;\n" + minimal());
    assertThat(c.value("HOSTNAME")).contains("first");
    assertThat(c.value("ENABLE_X")).contains("YES");
    assertThat(c.flag("ENABLE_X")).contains(true);
    assertThat(c.value("FW_SEARCH_ALL")).contains("Y");
    assertThat(c.dump()).contains("    HOSTNAME                   (removed)\n");
  }

  @Test
  void typedView() {
    PsadConfig c =
        load(
            "IGNORE_PORTS tcp/61000-61356, udp/53, UDP/9-9, junk;\nHOME_NET 192.0.2.0/24,"
                + " 198.51.100.0/24;\nIGNORE_PROTOCOLS icmp, 47;\nEMAIL_ADDRESSES x@a.org ,"
                + " y@b.org  z@c.org;\n"
                + minimal());
    assertThat(c.ignorePorts())
        .extracting(Object::toString)
        .containsExactly("tcp/61000-61356", "udp/53");
    assertThat(c.homeNet().isAny()).isFalse();
    assertThat(c.homeNet().networks()).containsExactly("192.0.2.0/24", "198.51.100.0/24");
    assertThat(c.ignoreProtocols()).containsExactly("icmp", "47");
    assertThat(c.emailAddresses()).containsExactly("x@a.org", "y@b.org", "z@c.org");
    assertThat(c.syslogFacility()).contains("LOG_LOCAL7");
    assertThat(c.integer("TOP_SCANS_CTR_THRESHOLD")).contains(1L);
    assertThat(c.path("FW_DATA_FILE")).contains(java.nio.file.Path.of("/x/fwdata"));
    assertThat(c.dangerLevels()).containsExactly(10L, 20L, 30L, 40L, 50L);
  }

  @Test
  void validateListsEveryProblemWithPositions() {
    String text =
        "ENABLE_A maybe;\nDSHIELD_ALERT_INTERVAL 30;\nDANGER_LEVEL1 50;\nDANGER_LEVEL2 15;\n"
            + "MIN_DANGER_LEVEL 6;\n"
            + minimal().replace("HOSTNAME v;\n", "");
    List<Diagnostic> problems =
        PsadConfig.validate(PsadConfDocument.parse("p.conf", text), EVERYTHING);
    assertThat(problems)
        .extracting(Object::toString)
        .containsExactly(
            "p.conf:"
                + (text.split("\n").length + 1)
                + ":1: error: [*] The config file \"p.conf\" does not"
                + " contain the\nvariable: \"HOSTNAME\". Exiting!",
            "p.conf:1:10: error: [*] ENABLE_A variable must be 'Y' or 'N'",
            "p.conf:2:24: error: [*] DSHIELD_ALERT_INTERVAL must be an integer >= 1 and <= 24",
            "p.conf:4:15: warning: [*] DANGER_LEVEL2 must be greater than DANGER_LEVEL1",
            "p.conf:5:18: warning: [*] MIN_DANGER_LEVEL must be an integer >= 0 and <= 5");
    assertThat(problems.get(0).isError()).isTrue();
    assertThat(problems.get(3).isError()).isFalse();
  }

  @Test
  void overridesComeFirstAndProblemsNameTheirDocument() {
    PsadConfDocument main = PsadConfDocument.parse("p.conf", "X $Y;\n" + minimal());
    PsadConfDocument o1 =
        PsadConfDocument.parse(
            "o1.conf", "ENABLE_A maybe;\nY from-o1;\nDSHIELD_ALERT_INTERVAL 30;\n");
    PsadConfDocument o2 = PsadConfDocument.parse("o2.conf", "Y from-o2;\nHOSTNAME o2;\n");
    assertThat(PsadConfig.validate(main, List.of(o1, o2), EVERYTHING))
        .extracting(Object::toString)
        .containsExactly(
            "o1.conf:1:10: error: [*] ENABLE_A variable must be 'Y' or 'N'",
            "o1.conf:3:24: error: [*] DSHIELD_ALERT_INTERVAL must be an integer >= 1 and <= 24");
    PsadConfig c =
        PsadConfig.of(main, List.of(o2, PsadConfDocument.parse("o3.conf", "Z $X;\n")), EVERYTHING);
    assertThat(c.value("X")).contains("from-o2");
    assertThat(c.value("Z")).contains("from-o2");
    assertThat(c.value("HOSTNAME")).contains("o2");
    assertThat(c.document()).isSameAs(main);
    assertThat(c.overrides())
        .extracting(PsadConfDocument::sourceName)
        .containsExactly("o2.conf", "o3.conf");
    assertThat(PsadConfig.of(main.without("X"), List.of(), EVERYTHING).value("Y")).isEmpty();
  }
}
