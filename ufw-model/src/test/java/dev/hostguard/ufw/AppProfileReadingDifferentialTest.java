package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
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
 * How ufw's RawConfigParser reads {@code applications.d}, at its edges, against the real ufw. ufw
 * reads in Python's text mode, where a lone CR ends a line as LF and CRLF do (found by fuzzing: a
 * description holding a CR was kept whole, so hostguard loaded a profile ufw skips); a section
 * header is a stripped line that starts with '[' and has a last ']' after some text (fuzzing: an
 * option named "[imap"); white space is Python's. Each file goes alone into a stock data dir and
 * the real ufw's {@code app list} and {@code app info} are compared with {@link AppProfiles}: N =
 * 17 files, 2 runs each.
 */
@RequiresRealTool({RealTool.UFW})
class AppProfileReadingDifferentialTest {
  @TempDir Path tmp;

  static final String[] FILES = {
    // a CR before text that is not an option: RawConfigParser refuses the file
    "[Web]\ntitle=t\ndescription=a n\r\u0001ame\nports=80/tcp\n",
    // a CR between two options: two lines
    "[Web]\ntitle=t\rdescription=d\nports=80/tcp\n",
    // CR only, every line
    "[Web]\rtitle=t\rdescription=d\rports=80/tcp\r",
    // CR only, no final line break
    "[Web]\rtitle=t\rdescription=d\rports=443/tcp",
    // CR then CRLF: an empty line inside a continued value
    "[Web]\ntitle=t\ndescription=first\r\r\n  second\nports=80/tcp\n",
    // a CR inside a continued value's indented line
    "[Web]\ntitle=t\ndescription=first\n  second\r  third\nports=80/tcp\n",
    // a section header after a CR
    "[Web]\ntitle=t\ndescription=d\nports=80/tcp\r[Mail]\ntitle=m\ndescription=d\nports=25/tcp\n",
    // a CR in a section name's line
    "[We\rb]\ntitle=t\ndescription=d\nports=80/tcp\n",
    // CRLF throughout: the ordinary Windows file
    "[Web]\r\ntitle=t\r\ndescription=d\r\nports=80/tcp\r\n",
    // a CR in the ports value
    "[Web]\ntitle=t\ndescription=d\nports=80/tcp\r|443/tcp\n",
    // RawConfigParser's header rule (SECTCRE matched on the stripped line): '[' then a last ']'
    // with text between; anything else is an option (found by fuzzing: an option named "[imap")
    "[Web]\ntitle=t\ndescription=d\nports=80/tcp\n[imap\u0000=587/tcp\n",
    "[Web]\ntitle=t\ndescription=d\nports=80/tcp\n[]x\n",
    "[Mail] \ntitle=t\ndescription=d\nports=25/tcp\n\n[Web]\t\ntitle=t\ndescription=d\nports=80\n",
    "[Web]]\ntitle=t\ndescription=d\nports=80/tcp\n",
    "[A]\ntitle=t\ndescription=d\nports=80/tcp\n [Web]\n[Web]x]\ntitle=t\ndescription=d\nports=81\n",
    // a value whose first line is empty, continued (fuzzing: written back, it read the same)
    "[DEFAULT]\nnote=\n\u000bsecond\n\n[Web]\ntitle=t\ndescription=\n  more\nports=80/tcp\n",
    // Python's white space (str.strip), wider than Java's: NBSP and U+2003 around values
    "[Web]\ntitle=\u00a0t\u2003\ndescription=d\u00a0\nports=80/tcp\u00a0\n",
  };

  @Test
  void profilesReadAsUfwReadsThem() throws IOException {
    int loaded = 0;
    for (int n = 0; n < FILES.length; n++) {
      Path dir = UfwOracle.stockWithPlex(tmp.resolve("d" + n));
      Path apps = dir.resolve("etc/ufw/applications.d");
      Files.write(apps.resolve("web"), FILES[n].getBytes(StandardCharsets.UTF_8));
      AppProfiles ours = AppProfiles.load(apps, ServicesDatabase.fromHost());
      List<List<String>> argvs = new ArrayList<>();
      argvs.add(List.of("app", "list"));
      argvs.add(List.of("app", "info", "Web"));
      List<CommandResult> ufw = UfwOracle.runAll(dir, argvs);
      String what = "file " + n + ": " + FILES[n].replace("\r", "<CR>").replace("\n", "<LF>");
      assertThat(ours.listText() + "\n").as(what).isEqualTo(ufw.get(0).stdout());
      assertThat(ours.warnings().stream().map(w -> "WARN: " + w).toList())
          .as(what)
          .isEqualTo(UfwOracle.warnings(ufw.get(0).stderr()));
      if (ufw.get(1).exitCode() == 0) {
        loaded++;
        assertThat(ours.infoText("Web") + "\n").as(what).isEqualTo(ufw.get(1).stdout());
      } else {
        assertThat(ours.byName()).as(what).doesNotContainKey("Web");
      }
    }
    System.out.printf(
        "AppProfileReadingDifferentialTest: N = %d files, %d loaded by ufw%n",
        FILES.length, loaded);
    assertThat(loaded).isGreaterThanOrEqualTo(5);
  }
}
