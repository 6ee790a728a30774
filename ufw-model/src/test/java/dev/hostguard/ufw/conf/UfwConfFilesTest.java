package dev.hostguard.ufw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.ufw.UfwPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UfwConfFilesTest {
  static String read(String path) throws Exception {
    return Files.readString(Path.of(path));
  }

  @Test
  @RequiresRealTool(RealTool.UFW)
  void shippedFilesRoundTripAndAreTyped() throws Exception {
    for (String path : List.of("/etc/ufw/ufw.conf", "/usr/share/ufw/ufw.conf")) {
      String text = read(path);
      UfwConf c = UfwConf.parseValid(path, text);
      assertThat(c.render()).isEqualTo(text);
      assertThat(c.logLevel()).isEqualTo("low");
    }
    String text = read("/etc/default/ufw");
    UfwDefaults d = UfwDefaults.parseValid("/etc/default/ufw", text);
    assertThat(d.render()).isEqualTo(text);
    assertThat(d.ipv6()).isTrue();
    assertThat(d.inputPolicy()).isEqualTo(UfwPolicy.DENY);
    assertThat(d.outputPolicy()).isEqualTo(UfwPolicy.ALLOW);
    assertThat(d.forwardPolicy()).isEqualTo(UfwPolicy.DENY);
    assertThat(d.applicationPolicy()).isEqualTo(UfwPolicy.SKIP);
    assertThat(d.manageBuiltins()).isFalse();
    assertThat(d.iptSysctl()).contains("/etc/ufw/sysctl.conf");
    assertThat(d.iptModules()).contains("");
  }

  @Test
  void editsTouchOnlyTheirLine() {
    String text =
        "# c\nIPV6=yes\nDEFAULT_INPUT_POLICY=\"DROP\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n"
            + "DEFAULT_FORWARD_POLICY=\"DROP\"\n";
    UfwDefaults d = UfwDefaults.parse("d", text).withInputPolicy(UfwPolicy.REJECT);
    assertThat(d.render())
        .isEqualTo(text.replace("INPUT_POLICY=\"DROP\"", "INPUT_POLICY=\"REJECT\""));
    assertThat(d.inputPolicy()).isEqualTo(UfwPolicy.REJECT);
    UfwDefaults appended = d.withApplicationPolicy(UfwPolicy.ALLOW);
    assertThat(appended.render()).isEqualTo(d.render() + "DEFAULT_APPLICATION_POLICY=\"ACCEPT\"\n");
    UfwConf c = UfwConf.parse("c", "ENABLED=no\nLOGLEVEL=low").withEnabled(true);
    assertThat(c.render()).isEqualTo("ENABLED=yes\nLOGLEVEL=low");
    assertThat(c.enabled()).isTrue();
  }

  @Test
  void validationUsesUfwMessagesWithPositions() {
    String base = "DEFAULT_INPUT_POLICY=\"DROP\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n";
    assertThatThrownBy(() -> UfwDefaults.parseValid("d", base + "DEFAULT_FORWARD_POLICY=\"x\"\n"))
        .isInstanceOf(ConfParseException.class)
        .hasMessage("d:3:24: Invalid policy 'x' for 'forward'");
    assertThatThrownBy(() -> UfwDefaults.parseValid("d", base))
        .hasMessage("d:3:1: Missing policy for 'forward'");
    assertThatThrownBy(
            () ->
                UfwDefaults.parseValid(
                    "d", base.replace("\"DROP\"", "bogus") + "DEFAULT_FORWARD_POLICY=DROP\n"))
        .hasMessage("d:1:22: Invalid policy 'bogus' for 'input'");
    assertThatThrownBy(() -> UfwConf.parseValid("c", "ENABLED=no\nLOGLEVEL=loud\n"))
        .hasMessage("c:2:10: Invalid log level 'loud'");
    assertThatThrownBy(() -> UfwConf.parseValid("c", "ENABLED=maybe\n"))
        .hasMessage("c:1:9: Invalid value 'maybe' for 'ENABLED' (yes or no)");
    assertThatThrownBy(() -> UfwConf.parseValid("c", "  LOGLEVEL = low\n"))
        .hasMessage("c:1:3: expected KEY=value or a comment");
  }

  @Test
  void parseKeepsAnyTextAndValidateListsEveryErrorWithItsPosition() {
    String text = "echo hi\nDEFAULT_INPUT_POLICY=\"x\"\nIPV6=maybe\nDEFAULT_APPLICATION_POLICY=y\n";
    UfwDefaults d = UfwDefaults.parse("d", text);
    assertThat(d.render()).isEqualTo(text);
    assertThat(d.toBytes()).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(d.validate())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "d:1:1: error: expected KEY=value or a comment",
            "d:2:22: error: Invalid policy 'x' for 'input'",
            "d:5:1: error: Missing policy for 'output'",
            "d:5:1: error: Missing policy for 'forward'",
            "d:3:6: error: Invalid value 'maybe' for 'IPV6' (yes or no)",
            "d:4:28: error: Invalid policy 'y' for 'application'");
    assertThat(d.validate().get(1).lineText()).isEqualTo("DEFAULT_INPUT_POLICY=\"x\"");
    // the typed view refuses what ufw refuses, with the same message
    assertThatThrownBy(d::inputPolicy)
        .isInstanceOf(ConfParseException.class)
        .hasMessage("d:2:22: Invalid policy 'x' for 'input'");
    assertThat(d.applicationPolicy()).isEqualTo(UfwPolicy.SKIP);
    UfwConf c = UfwConf.parse("c", "ENABLED=maybe\nLOGLEVEL=loud\n");
    assertThat(c.validate())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "c:1:9: error: Invalid value 'maybe' for 'ENABLED' (yes or no)",
            "c:2:10: error: Invalid log level 'loud'");
    assertThat(
            UfwConf.parseValid(
                    "c", "ENABLED=no\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .validate())
        .isEmpty();
  }

  @Test
  void ufwReadsOnlyItsPattern() {
    UfwShellFile f = UfwShellFile.parse("f", "A=\"One\"\nB=/x/y\nA=two\n#C=3\n");
    assertThat(f.ufwValue("A")).contains("two");
    assertThat(f.ufwValue("B")).isEmpty();
    assertThat(f.ufwValue("C")).isEmpty();
    assertThat(f.assignment("B").orElseThrow().value()).isEqualTo("/x/y");
  }

  /**
   * A lone CR ends a line for ufw (Python text mode) but not for the shell that sources the file.
   */
  @Test
  void loneCarriageReturnIsALineBreakForUfwOnly() {
    UfwShellFile f = UfwShellFile.parse("ufw.conf", "ENABLED=no\rLOGLEVEL=high\nIPV6=yes\n");
    assertThat(f.ufwValue("LOGLEVEL")).contains("high");
    assertThat(f.ufwValue("ENABLED")).contains("no");
    // the shell reads one assignment: ENABLED is "no<CR>LOGLEVEL=high"
    assertThat(f.assignment("ENABLED").orElseThrow().value()).isEqualTo("no\rLOGLEVEL=high");
    assertThat(f.assignment("LOGLEVEL")).isEmpty();
    // rewriting LOGLEVEL's line would rewrite ENABLED's too: refused
    assertThatThrownBy(() -> f.withValue("LOGLEVEL", "low"))
        .isInstanceOf(dev.hostguard.ufw.UfwRefusedException.class)
        .hasMessageContaining("Line 1 of ufw.conf holds a lone carriage return");
    // IPV6 has a line of its own: only that line changes
    assertThat(f.withValue("IPV6", "no").render())
        .isEqualTo("ENABLED=no\rLOGLEVEL=high\nIPV6=no\n");
    // ufw reads DEFAULT_INPUT_POLICY from behind a comment and a CR; the error points there
    UfwDefaults d =
        UfwDefaults.parse(
            "ufw",
            "# x\rDEFAULT_INPUT_POLICY=\"NO\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n"
                + "DEFAULT_FORWARD_POLICY=\"DROP\"\n");
    assertThat(d.validate().stream().map(Diagnostic::message))
        .contains("Invalid policy 'no' for 'input'");
  }
}
