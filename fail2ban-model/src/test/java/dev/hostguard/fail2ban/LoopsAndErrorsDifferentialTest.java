package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loops and errors end like fail2ban's: interpolation loops, self-referencing tags, include loops,
 * missing filters and actions, bad option syntax, errors inside an action file (fail2ban's {@code
 * Error in action definition} wrapper), bad log levels, missing directories.
 */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class LoopsAndErrorsDifferentialTest {
  @TempDir Path tmp;

  private static final Map<String, String[]> CASES =
      Map.ofEntries(
          Map.entry(
              "interpolation-loop",
              new String[] {
                "jail.local", "[sshd]\nenabled = true\nport = %(a)s\na = %(b)s\nb = %(a)s\n"
              }),
          Map.entry(
              "tag-loop",
              new String[] {
                "action.d/dummy.local", "[Definition]\nactionban = <a>\n[Init]\na = <b>\nb = <a>\n",
                "jail.local", "[sshd]\nenabled = true\naction = dummy\n"
              }),
          Map.entry(
              "tag-self",
              new String[] {
                "action.d/dummy.local", "[Init]\nname = x<name>\n",
                "jail.local", "[sshd]\nenabled = true\naction = dummy\n"
              }),
          Map.entry(
              "include-loop",
              new String[] {
                "jail.local", "[INCLUDES]\nbefore = a.conf\n[sshd]\nenabled = true\n",
                "a.conf",
                    "[INCLUDES]\nbefore = jail.local\nafter = a.conf\n[DEFAULT]\nmaxretry = 9\n"
              }),
          Map.entry(
              "missing-filter-and-action",
              new String[] {
                "jail.local",
                "[sshd]\nenabled = true\nfilter = nope\n[dropbear]\nenabled = true\naction = nope\n"
              }),
          Map.entry(
              "bad-option-syntax",
              new String[] {"jail.local", "[sshd]\nenabled = true\naction = dummy[a=\"x\" b]\n"}),
          Map.entry(
              "bad-loglevel", new String[] {"fail2ban.local", "[Definition]\nloglevel = LOUD\n"}),
          Map.entry(
              "parse-error-in-filter",
              new String[] {
                "filter.d/sshd.local",
                "[Definition]\nnot an option\n",
                "jail.local",
                "[sshd]\nenabled = true\n"
              }),
          Map.entry(
              "tag-loop-order",
              new String[] {
                "action.d/dummy.local",
                "[Definition]\nactionban = <t>\n[Init]\nt = <b><a>\nb = B\na = <t>\n",
                "jail.local",
                "[sshd]\nenabled = true\naction = dummy\n"
              }),
          Map.entry(
              "action-init-interpolation",
              new String[] {
                "action.d/dummy.local",
                "[Definition]\nactionban = echo <ip> %(x)s\n[Init]\nx = %(missing)s\n",
                "jail.local",
                "[sshd]\nenabled = true\naction = dummy[name=foo]\n"
              }),
          Map.entry(
              "parse-error-in-action",
              new String[] {
                "action.d/dummy.local", "[Definition]\nactionban = echo <ip>\nthis line is bad\n",
                "jail.local", "[sshd]\nenabled = true\naction = dummy\n"
              }),
          Map.entry(
              "duplicate-in-action",
              new String[] {
                "action.d/dummy.local", "[Definition]\nactionban = echo <ip>\nactionban = x\n",
                "jail.local", "[sshd]\nenabled = true\naction = dummy\n"
              }),
          Map.entry(
              "depth-limit-in-action",
              new String[] {
                "action.d/dummy.local",
                "[Definition]\nactionban = echo <ip> %(a)s\na = %(b)s\nb = %(a)s\n",
                "jail.local",
                "[sshd]\nenabled = true\naction = dummy\n"
              }),
          Map.entry(
              "percent-syntax-in-action",
              new String[] {
                "action.d/dummy.local", "[Definition]\nactionban = echo <ip> %z\n",
                "jail.local", "[sshd]\nenabled = true\naction =  dummy[name=x]  \n"
              }),
          Map.entry("no-section-header", new String[] {"jail.local", "enabled = true\n"}),
          Map.entry(
              "percent-syntax",
              new String[] {"jail.local", "[sshd]\nenabled = true\nport = 100%\n"}),
          Map.entry(
              "depth-limit",
              new String[] {
                "jail.local",
                "[sshd]\nenabled = true\nport = %(a1)s\na1 = %(a2)s\na2 = %(a3)s\na3 = %(a4)s\na4 = %(a5)s\n"
                    + "a5 = %(a6)s\na6 = %(a7)s\na7 = %(a8)s\na8 = %(a9)s\na9 = %(a10)s\na10 = %(a11)s\na11 = x\n"
              }));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "interpolation-loop",
        "tag-loop",
        "tag-self",
        "tag-loop-order",
        "action-init-interpolation",
        "parse-error-in-action",
        "duplicate-in-action",
        "depth-limit-in-action",
        "percent-syntax-in-action",
        "include-loop",
        "missing-filter-and-action",
        "bad-option-syntax",
        "bad-loglevel",
        "parse-error-in-filter",
        "no-section-header",
        "percent-syntax",
        "depth-limit"
      })
  void endsLikeFail2ban(String name) throws IOException {
    Path conf = Fail2banOracle.stockCopyWith(tmp, CASES.get(name));
    Fail2banOracle.assertSameDump(conf, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"interpolation-loop", "tag-loop"})
  void loopsAreCleanErrors(String name) throws IOException {
    Path conf = Fail2banOracle.stockCopyWith(tmp, CASES.get(name));
    Fail2banDump d = Fail2banDump.load(conf);
    assertThat(d.exitCode()).isEqualTo(255);
    assertThat(d.hasStream()).isFalse();
    assertThat(d.messages()).anyMatch(m -> m.contains("Failed during configuration"));
  }

  @org.junit.jupiter.api.Test
  void missingDirectoryIsFail2bansError() {
    Path missing = tmp.resolve("nope");
    Fail2banOracle.assertSameDump(missing, "missing dir");
  }
}
