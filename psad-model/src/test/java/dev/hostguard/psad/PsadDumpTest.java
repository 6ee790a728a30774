package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.ParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsadDumpTest {
  private static final String BLOCK =
      "[+] Dumping psad config from: /etc/psad/psad.conf\n"
          + "\n"
          + "    ALERTING_METHODS           ALL\n"
          + "    EMAIL_ADDRESSES            (removed)\n"
          + "    ENABLE_AUTO_IDS_REGEX_MATCHES N\n"
          + "    IGNORE_PORTS               NONE\n"
          + "    TRAILING                    two spaces kept\n"
          + "\n";

  private static final String TEXT =
      "[+] uname output:\n"
          + "Linux (removed) 6.1 x86_64 GNU/Linux\n"
          + "\n"
          + BLOCK
          + "[+] Command paths:\n"
          + "\n"
          + "[+] df                         /bin/df\n"
          + "[+] iptables                   /usr/sbin/iptables\n";

  @Test
  void readsTheConfigBlockAndTheCommandPaths() {
    PsadDump d = PsadDump.parse("psad -D", TEXT);
    assertThat(d.configFile()).isEqualTo("/etc/psad/psad.conf");
    assertThat(d.values())
        .containsExactly(
            Map.entry("ALERTING_METHODS", "ALL"),
            Map.entry("EMAIL_ADDRESSES", "(removed)"),
            Map.entry("ENABLE_AUTO_IDS_REGEX_MATCHES", "N"),
            Map.entry("IGNORE_PORTS", "NONE"),
            Map.entry("TRAILING", " two spaces kept"));
    assertThat(d.commands())
        .containsExactly(Map.entry("df", "/bin/df"), Map.entry("iptables", "/usr/sbin/iptables"));
    assertThat(d.configBlock()).isEqualTo(BLOCK);
    assertThat(d.render()).isEqualTo(TEXT);
    assertThat(d.toBytes()).isEqualTo(TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(d.sourceName()).isEqualTo("psad -D");
    assertThat(PsadDump.parse("other", TEXT)).isEqualTo(d);
  }

  @Test
  void textThatIsNotADumpFailsWithALine() {
    assertThatThrownBy(() -> PsadDump.parse("out", "[+] uname output:\nLinux\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("[+] Dumping psad config from: FILE");
    assertThatThrownBy(
            () -> PsadDump.parse("out", TEXT.replace("    IGNORE_PORTS  ", "IGNORE_PORTS  ")))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(9));
    assertThatThrownBy(() -> PsadDump.parse("out", TEXT.replace("[+] Command paths:\n", "")))
        .isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> PsadDump.parse("out", TEXT.replace("[+] df   ", "df   ")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("expected '[+] NAME PATH'");
    assertThatThrownBy(
            () ->
                PsadDump.parse(
                    "out", TEXT.replace("    ALERTING_METHODS   ", "    ALERTING_METHODS")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("expected the value at column 32");
  }
}
