package dev.hostguard.ufw.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our validation against {@code iptables-restore --test} as a syntax oracle: the quirks the issue
 * names are refused by both at the same line, and small valid files are accepted by both. {@code
 * --test} proves only syntax (with the nft backend it accepts a jump to a missing chain), so the
 * validity of edited shipped files is proved by a real load in {@link ShippedRulesLoadTest}.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.IPTABLES_RESTORE, RealTool.IP6TABLES_RESTORE, RealTool.UNSHARE},
    root = true)
class IptablesRestoreDifferentialTest {
  static Stream<Arguments> quirks() {
    return Stream.of(
        Arguments.of(
            "*filter\n  # indented\n-A INPUT -j ACCEPT\nCOMMIT\n", 2, 3, "Bad argument `#'"),
        Arguments.of("*filter\n-A INPUT -j ACCEPT # x\nCOMMIT\n", 2, 20, "Bad argument `#'"),
        Arguments.of("*filter\n   \n-A INPUT -j ACCEPT\nCOMMIT\n", 2, 1, "no command specified"),
        Arguments.of("*filter\n\t\nCOMMIT\n", 2, 1, "no command specified"),
        Arguments.of("*filter\n-A INPUT -j ACCEPT\nCOMMIT \n", 3, 1, "Bad argument `COMMIT'"),
        Arguments.of("*filter\n-A INPUT -j ACCEPT\n", 3, 1, "COMMIT expected at line 3"),
        Arguments.of("-A INPUT -j ACCEPT\n", 1, 1, "line 1 failed"),
        Arguments.of("*filter\n*nat\nCOMMIT\n", 2, 1, "Bad argument `*nat'"),
        Arguments.of("*nope\nCOMMIT\n", 1, 2, "table name 'nope' invalid"),
        Arguments.of("*filter\n:INPUT\nCOMMIT\n", 2, 7, "policy invalid"),
        Arguments.of(
            "*filter\n-A INPUT -j LOG --log-prefix \"x\nCOMMIT\n", 2, 30, "Unterminated quote"),
        Arguments.of("*filter\r\nCOMMIT\r\n", 1, 8, "carriage return at end of line"),
        Arguments.of("*filter\n-t nat -A INPUT -j ACCEPT\nCOMMIT\n", 2, 1, "The -t option"));
  }

  @ParameterizedTest
  @MethodSource("quirks")
  void refusedByBothWithPosition(String text, int line, int column, String message)
      throws Exception {
    IptablesRestoreDocument doc = IptablesRestoreDocument.parse("t.rules", text);
    assertThat(doc.render()).isEqualTo(text);
    List<Diagnostic> problems = doc.validate();
    assertThat(problems).isNotEmpty();
    Diagnostic first = problems.get(0);
    assertThat(first.severity()).isEqualTo(Diagnostic.Severity.ERROR);
    assertThat(first.message()).startsWith(message);
    assertThat(first.position().line()).as(first.toString()).isEqualTo(line);
    assertThat(first.position().column()).as(first.toString()).isEqualTo(column);
    IptablesRestoreOracle.Verdict real = IptablesRestoreOracle.test(text, false);
    assertThat(real.accepted()).as("iptables-restore").isFalse();
    assertThat(real.line())
        .as("the line iptables-restore blames: %s", real.stderr())
        .hasValue(line);
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void acceptedByBoth(String text) throws Exception {
    assertThat(IptablesRestoreDocument.parse("t.rules", text).validate()).isEmpty();
    IptablesRestoreOracle.Verdict v = IptablesRestoreOracle.test(text, false);
    assertThat(v.accepted()).as(v.stderr()).isTrue();
    // and loaded for real (--test alone would accept a jump to a missing chain)
    IptablesRestoreOracle.Verdict loaded = IptablesRestoreOracle.load(text, false);
    assertThat(loaded.accepted()).as(loaded.stderr()).isTrue();
  }

  static Stream<String> accepted() {
    return Stream.of(
        "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n",
        "*filter\n-A INPUT -j ACCEPT\nCOMMIT",
        "*filter\n-A INPUT  -j\tACCEPT \nCOMMIT\n",
        "*filter\nCOMMIT\n\n# after\n",
        "",
        "*filter\n:f - [0:0]\n-A f -m comment --comment \"a \\\"q\\\" b\" -j ACCEPT\nCOMMIT\n",
        "*filter\n:f - [0:0]\n-A f -m comment --comment #x -j ACCEPT\nCOMMIT\n",
        "*filter\n-A INPUT -j ACCEPT\n# c\nCOMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n");
  }
}
