package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures captured from ufw 0.36.2 in a sandbox (the seed chapter's rules plus long cells). */
class UfwStatusParserTest {

  static String fixture(String name) throws IOException {
    try (InputStream in = UfwStatusParserTest.class.getResourceAsStream("/ufw-status/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "inactive.txt",
        "seed-status.txt",
        "seed-verbose.txt",
        "seed-numbered.txt",
        "seed-added.txt"
      })
  void fixturesRenderBackByteForByte(String name) throws IOException {
    String text = fixture(name);
    assertThat(UfwStatusOutput.parse(name, text).render()).isEqualTo(text);
  }

  @Test
  void verboseHeaderAndGroupsAreTyped() throws IOException {
    UfwStatus s = UfwStatus.parse("v", fixture("seed-verbose.txt"));
    assertThat(s.form()).isEqualTo(StatusForm.VERBOSE);
    assertThat(s.header())
        .contains(
            StatusHeader.builder()
                .logging(StatusLogging.LOW)
                .incoming(UfwPolicy.DENY)
                .outgoing(UfwPolicy.DENY)
                .routed(Optional.empty())
                .newProfiles(UfwPolicy.SKIP)
                .build());
    StatusEntry mail6 =
        s.entries().stream()
            .filter(e -> e.to().text().equals("587/tcp (Mail submission (v6))"))
            .findFirst()
            .orElseThrow();
    assertThat(mail6.to().app()).contains("Mail submission");
    assertThat(mail6.to().port()).contains("587");
    assertThat(mail6.to().protocol()).contains("tcp");
    assertThat(mail6.to().v6()).isTrue();
    assertThat(mail6.direction()).contains(UfwDirection.OUT);
    assertThat(s.directionWord(mail6)).contains("OUT");
    assertThat(mail6.comment()).contains("allow mail out");

    StatusEntry route = s.entries().get(s.entries().size() - 1);
    assertThat(route.route()).isTrue();
    assertThat(s.directionWord(route)).contains("FWD");
    assertThat(route.to().text()).isEqualTo("2001:db8:1::/48 6000:6007/tcp on eth1");
    assertThat(route.to().address()).contains("2001:db8:1::/48");
    assertThat(route.to().port()).contains("6000:6007");
    assertThat(route.interfaceOut()).contains("eth1");
    assertThat(route.interfaceIn()).contains("eth0");
    assertThat(route.v6()).isTrue();

    StatusEntry www = s.entries().get(1);
    assertThat(www.to().app()).contains("WWW Full");
    assertThat(www.to().port()).contains("80,443");
    assertThat(www.from().address()).contains("192.0.2.1");
    assertThat(www.logType()).isEqualTo(UfwLogType.LOG_ALL);
    assertThat(www.comment()).isEmpty();
  }

  @Test
  void numberedKeepsFileOrderAndOutAttribute() throws IOException {
    UfwStatus s = UfwStatus.parse("n", fixture("seed-numbered.txt"));
    assertThat(s.form()).isEqualTo(StatusForm.NUMBERED);
    assertThat(s.entries()).hasSize(19);
    StatusEntry reject = s.entries().get(9);
    assertThat(s.render().lines().skip(4 + 9).findFirst().orElseThrow()).startsWith("[10] ");
    assertThat(reject.action()).isEqualTo(UfwAction.REJECT);
    assertThat(reject.logType()).isEqualTo(UfwLogType.LOG);
    assertThat(s.outAttribute(reject)).isTrue();
    assertThat(reject.interfaceOut()).contains("enp3s0");
    assertThat(reject.to().port()).contains("25,465,587");
    assertThat(s.entries().get(6).to().app()).contains("Mail submission");
    assertThat(s.entries().get(16).to().app()).contains("Mail submission");
    assertThat(s.entries().get(16).to().v6()).isTrue();
  }

  @Test
  void plainHidesInDirection() throws IOException {
    UfwStatus s = UfwStatus.parse("p", fixture("seed-status.txt"));
    assertThat(s.directionWord(s.entries().get(0))).isEmpty();
    assertThat(s.entries().get(0).direction()).contains(UfwDirection.IN);
    assertThat(s.entries().get(0).action()).isEqualTo(UfwAction.LIMIT);
  }

  @Test
  void showAddedIsAListOfCommands() throws IOException {
    UfwAddedRules a = (UfwAddedRules) UfwStatusOutput.parse("a", fixture("seed-added.txt"));
    assertThat(a.commands()).hasSize(11);
    assertThat(a.commands().get(0)).isEqualTo("limit 22/tcp comment 'allow SSH connections in'");
    String none = "Added user rules (see 'ufw status' for running firewall):\n(None)\n";
    assertThat(UfwStatusOutput.parse("a", none)).isEqualTo(UfwAddedRules.builder().build());
  }

  @Test
  void emptyActiveStatuses() {
    assertThat(UfwStatus.parse("s", "Status: active\n").entries()).isEmpty();
    UfwStatus v =
        UfwStatus.parse(
            "s",
            "Status: active\nLogging: off\nDefault: allow (incoming), reject (outgoing), allow"
                + " (routed)\nNew profiles: reject\n");
    assertThat(v.header().map(StatusHeader::logging)).isEqualTo(Optional.of(StatusLogging.OFF));
    assertThat(v.header().flatMap(StatusHeader::routed)).contains(UfwPolicy.ALLOW);
  }

  @Test
  void positionsOfErrors() throws IOException {
    String verbose = fixture("seed-verbose.txt");
    assertError("Status: maybe\n", 1, 1, "expected 'Status: active'");
    assertError("Status: active", 1, 15, "missing newline at end of output");
    assertError("Status: active\r\n", 1, 15, "carriage return before newline");
    assertError("", 1, 1, "empty input");
    // a padding space too few in the To column of line 8
    String shrunk =
        verbose.replace(
            "22/tcp                     LIMIT IN", "22/tcp                    LIMIT IN");
    assertError(shrunk, 8, 28, "expected 'To' then an action");
    // the blank line between the incoming and outgoing groups removed (line 11)
    String noBlank = verbose.replaceFirst("\n\n53 ", "\n53 ");
    assertError(noBlank, 11, 1, "expected a blank line between rule groups");
    // trailing padding of From removed: not in ufw's layout
    String noPad = verbose.replace("(v6)              # allow whois", "(v6) # allow whois");
    assertError(noPad, 26, 40, "expected 'From' padded to 26 characters");
    assertError("Status: inactive\nx\n", 2, 1, "unexpected text after 'Status: inactive'");
    assertThatThrownBy(() -> UfwStatus.parse("a", fixture("seed-added.txt")))
        .isInstanceOf(StatusParseException.class);
  }

  private static void assertError(String text, int line, int column, String reason) {
    assertThatThrownBy(() -> UfwStatusOutput.parse("<stdin>", text))
        .isInstanceOfSatisfying(
            StatusParseException.class,
            e -> {
              assertThat(e.reason()).startsWith(reason);
              assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
              assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
            });
  }
}
