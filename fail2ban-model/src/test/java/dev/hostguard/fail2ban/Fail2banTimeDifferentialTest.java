package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fail2ban's time syntax against {@code MyTime.str2seconds} of the installed fail2ban. */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class Fail2banTimeDifferentialTest {
  private static final List<String> EXPRESSIONS =
      List.of(
          "10m",
          "1h",
          "1d12h",
          "1mo",
          "-1",
          "1h+30m",
          "600",
          "1y-6mo",
          "0d 1h 30m",
          "2w",
          "1.5h",
          "3 5",
          "48h",
          "1 day",
          "2 weeks",
          "5min",
          "30sec",
          "1hour",
          "7d",
          "1M",
          "1mon",
          "1year",
          "(1h+1m)*2",
          "1d-1h",
          "10",
          "1W",
          "24 hours",
          "1mm",
          "1ss",
          "1dd");

  @Test
  void secondsAreFail2bans() {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/usr/bin/python3",
                "-c",
                "import sys\nfrom fail2ban.server.mytime import MyTime\n"
                    + "for a in sys.argv[1:]:\n    print(float(MyTime.str2seconds(a)))\n"));
    argv.addAll(EXPRESSIONS);
    CommandResult r = RealTools.run(Command.of(argv));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    String[] lines = r.stdout().split("\n");
    for (int i = 0; i < EXPRESSIONS.size(); i++) {
      assertThat(Fail2banTime.of(EXPRESSIONS.get(i)).seconds())
          .as(EXPRESSIONS.get(i))
          .isEqualTo(Double.parseDouble(lines[i]));
    }
  }
}
