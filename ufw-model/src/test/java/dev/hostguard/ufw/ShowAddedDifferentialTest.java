package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.gen.UfwCommandGens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical command ({@code ufw show added}) and IP version of 5,000 generated command lines,
 * against ufw's own parser run in one Python process ({@code /usr/bin/python3}).
 */
@RequiresRealTool({RealTool.UFW})
class ShowAddedDifferentialTest {

  private static String json(List<String> argv) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < argv.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(jsonString(argv.get(i)));
    }
    return sb.append(']').toString();
  }

  /** {@code s} as a JSON string in ASCII (what Python's {@code json.loads} reads back exactly). */
  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Test
  void canonicalCommandsMatchUfwsParser() throws IOException {
    List<List<String>> argvs = new ArrayList<>();
    // the fixed seed's 5,000 command lines, then 2,000 from a fresh seed (printed)
    for (long seed : Exploration.seeds("ShowAddedDifferentialTest", 99L)) {
      argvs.addAll(
          Exploration.sample(UfwCommandGens.commandLines(), seed, seed == 99L ? 5000 : 2000));
    }
    StringBuilder stdin = new StringBuilder();
    for (List<String> a : argvs) {
      stdin.append(json(a)).append('\n');
    }
    String script;
    try (InputStream in = getClass().getResourceAsStream("/ufw/oracle/get_command.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    CommandResult r =
        RealTools.run(
            Command.builder()
                .argv(List.of("/usr/bin/python3", "-c", script))
                .stdin(stdin.toString().getBytes(StandardCharsets.UTF_8))
                .build());
    String[] lines = r.stdout().split("\n");
    assertThat(lines).hasSize(argvs.size());
    UfwRuleParser parser = UfwRuleParser.fromHost();
    List<String> failures = new ArrayList<>();
    int rules = 0;
    for (int i = 0; i < argvs.size(); i++) {
      String expected = lines[i];
      String ours;
      try {
        UfwCommand c = parser.parse(argvs.get(i));
        if (c instanceof UfwCommand.RuleChange rc) {
          rules++;
          ours =
              "{\"cmd\": "
                  + pyJson(UfwRuleFormat.command(rc.rule()))
                  + ", \"type\": \""
                  + rc.ipVersion().name().toLowerCase(java.util.Locale.ROOT)
                  + "\"}";
        } else {
          ours = "other";
        }
      } catch (UfwRuleException e) {
        ours = "err";
      }
      boolean same =
          expected.startsWith("{\"err\"")
              ? ours.equals("err")
              : expected.startsWith("{\"other\"") ? ours.equals("other") : expected.equals(ours);
      if (!same) {
        failures.add(argvs.get(i) + "\n   ufw:  " + expected + "\n   ours: " + ours);
      }
    }
    assertThat(rules).as("rule changes checked").isGreaterThan(1400);
    assertThat(failures).as("%d of %d differ", failures.size(), argvs.size()).isEmpty();
  }

  /** Python's json.dumps of a string (ensure_ascii). */
  private static String pyJson(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
