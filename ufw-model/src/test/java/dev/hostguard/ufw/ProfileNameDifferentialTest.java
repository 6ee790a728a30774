package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UfwRuleParser#isValidProfileName} against ufw's own {@code valid_profile_name} (run in one
 * {@code /usr/bin/python3} process) on the names around its ASCII-digit fast path: what Python's
 * {@code int()} reads (underscores, a final newline, non-ASCII digits) and what it does not.
 */
@RequiresRealTool({RealTool.UFW})
class ProfileNameDifferentialTest {

  private static final List<String> NAMES =
      List.of(
          "22",
          "0",
          "00",
          "007",
          "12345678901234567890123",
          "1_000",
          "1_000_000",
          "1__0",
          "_1",
          "1_",
          "22\n",
          "22\n\n",
          "22 ",
          " 22",
          "1 000",
          "٢٢",
          "2٢",
          "２２",
          "22.5",
          "1e3",
          "0x1F",
          "+5",
          "5+",
          "-5",
          "5-",
          "all",
          "All",
          "OpenSSH",
          "Nginx Full",
          "a",
          "9a",
          "");

  @Test
  void sameAnswerAsUfw() {
    StringBuilder stdin = new StringBuilder();
    for (String n : NAMES) {
      stdin.append(ShowAddedDifferentialTest.jsonString(n)).append('\n');
    }
    String script =
        "import json, sys\n"
            + "from ufw.applications import valid_profile_name\n"
            + "for line in sys.stdin:\n"
            + "    print(valid_profile_name(json.loads(line)))\n";
    CommandResult r =
        RealTools.run(
            Command.builder()
                .argv(List.of("/usr/bin/python3", "-c", script))
                .stdin(stdin.toString().getBytes(StandardCharsets.UTF_8))
                .build());
    assertThat(r.exitCode()).as("python3 stderr: %s", r.stderr()).isZero();
    String[] lines = r.stdout().split("\n");
    assertThat(lines).hasSize(NAMES.size());
    List<String> differences = new ArrayList<>();
    int valid = 0;
    for (int i = 0; i < NAMES.size(); i++) {
      boolean ufw = Boolean.parseBoolean(lines[i]);
      valid += ufw ? 1 : 0;
      if (UfwRuleParser.isValidProfileName(NAMES.get(i)) != ufw) {
        differences.add(ShowAddedDifferentialTest.jsonString(NAMES.get(i)) + ": ufw says " + ufw);
      }
    }
    System.out.println(
        "ProfileNameDifferentialTest: N = " + NAMES.size() + " names, " + valid + " valid");
    // both answers occur, or the comparison proves little
    assertThat(valid).isBetween(3, NAMES.size() - 3);
    assertThat(differences).isEmpty();
  }
}
