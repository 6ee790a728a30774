package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.ParseException;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.RoundTripAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user.rules / user6.rules: lossless, and our writer reproduces what ufw wrote. */
class UserRulesFileTest {
  @TempDir Path tmp;

  @Test
  @RequiresRealTool({RealTool.UFW})
  void stockFilesAreLossless() throws IOException {
    for (String f : new String[] {"user.rules", "user6.rules"}) {
      String text = Files.readString(Path.of("/usr/share/ufw/iptables").resolve(f));
      RoundTripAssertions.assertLossless(
          text, t -> UserRulesFile.parse(f, t), UserRulesFile::render);
      assertThat(UserRulesFile.parse(f, text).rules()).isEmpty();
    }
  }

  @Test
  @RequiresRealTool({RealTool.UFW})
  void writerReproducesFilesUfwWrote() throws IOException {
    Path dir = UfwOracle.stockWithPlex(tmp.resolve("d"));
    UfwOracle.populate(dir, UfwDryRunDifferentialTest.POPULATE);
    String v4 = Files.readString(dir.resolve("etc/ufw/user.rules"));
    String v6 = Files.readString(dir.resolve("etc/ufw/user6.rules"));
    UserRulesFile f4 = UserRulesFile.parse("user.rules", v4);
    UserRulesFile f6 = UserRulesFile.parse("user6.rules", v6);
    assertThat(f4.isV6()).isFalse();
    assertThat(f6.isV6()).isTrue();
    assertThat(f4.render()).isEqualTo(v4);
    assertThat(f4.rules()).hasSizeGreaterThan(10);
    assertThat(UserRulesFile.of(f4.rules(), false, UserRulesOptions.stock()).render())
        .isEqualTo(v4);
    assertThat(UserRulesFile.of(f6.rules(), true, UserRulesOptions.stock()).render()).isEqualTo(v6);
  }

  @Test
  void malformedTupleIsATypedErrorWithItsLine() {
    String text = "*filter\n### RULES ###\n\n### tuple ### allow tcp 22\nCOMMIT\n";
    assertThatThrownBy(() -> UserRulesFile.parse("user.rules", text))
        .isInstanceOf(UserRulesParseException.class)
        .satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(4));
  }

  @Test
  void routeTupleWithBothInterfaces() {
    UfwRule r =
        ((UfwCommand.RuleChange)
                UfwRuleParser.fromHost()
                    .parse(List.of("route", "allow", "in", "on", "eth0", "out", "on", "eth1")))
            .rule();
    assertThat(UserRulesFile.tupleLine(r))
        .isEqualTo("### tuple ### route:allow any any 0.0.0.0/0 any 0.0.0.0/0 in_eth0!out_eth1");
    assertThat(UserRulesFile.iptablesLines(r))
        .containsExactly("-A ufw-user-forward -i eth0 -o eth1 -j ACCEPT");
  }

  /** A lone CR ends a line for ufw (Python text mode): two tuples, and the text kept whole. */
  @Test
  void loneCarriageReturnSeparatesTuples() {
    String text =
        "*filter\n### RULES ###\n### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in\r"
            + "### tuple ### deny udp 53 0.0.0.0/0 any 0.0.0.0/0 in comment=6869\r\n"
            + "COMMIT\r";
    UserRulesFile f = UserRulesFile.parse("user.rules", text);
    assertThat(f.render()).isEqualTo(text);
    assertThat(f.rules().stream().map(UfwRuleFormat::command))
        .containsExactly("allow 22/tcp", "deny 53/udp comment 'hi'");
    // a CR inside a tuple cuts it short: ufw skips it as malformed, the strict parse refuses it
    assertThatThrownBy(
            () ->
                UserRulesFile.parse(
                    "user.rules", "### tuple ### allow tcp 22\r0.0.0.0/0 any 0.0.0.0/0 in\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("bad length");
  }
}
