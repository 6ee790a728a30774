package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.internal.PythonText;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.fail2ban.gen.IniTexts;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our reading of single files against fail2ban's own parser class ({@code
 * SafeConfigParserWithIncludes}, Python 3.11 ConfigParser) run by the system Python: the same
 * sections, keys and values, or the same error message.
 */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class IniParserDifferentialTest {
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys",
          "from fail2ban.client.configparserinc import SafeConfigParserWithIncludes as P",
          "for f in sys.argv[1:]:",
          "    p = P()",
          "    try:",
          "        p.read(f, get_includes=False)",
          "        out = ['ok', [[k, v] for k, v in p._defaults.items()],",
          "               [[n, [[k, v] for k, v in s.items()]] for n, s in p._sections.items()]]",
          "    except Exception as e:",
          "        out = ['error', str(e)]",
          "    print(repr(out))",
          "");

  @TempDir Path tmp;

  static String ours(String file, String text) {
    try {
      IniParser.Result r = IniParser.parse(file, text);
      List<Object> defaults = pairs(r.defaults);
      List<Object> sections = new ArrayList<>();
      for (Map.Entry<String, Map<String, Object>> e : r.sections.entrySet()) {
        sections.add(List.of(e.getKey(), pairs(e.getValue())));
      }
      return PythonText.repr(List.of("ok", defaults, sections));
    } catch (ConfigError e) {
      return PythonText.repr(List.of("error", e.getMessage()));
    }
  }

  private static List<Object> pairs(Map<String, Object> m) {
    List<Object> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(List.of(k, v)));
    return out;
  }

  @Test
  void generatedFilesReadLikeFail2ban() throws IOException {
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(4242);
    List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-c", SCRIPT));
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String text = IniTexts.text(seeds.nextLong());
      Path f = tmp.resolve("f" + i + ".conf");
      Files.write(f, text.getBytes(StandardCharsets.UTF_8));
      argv.add(f.toString());
      texts.add(text);
    }
    CommandResult res =
        RealTools.run(Command.builder().argv(argv).putEnv("PYTHONIOENCODING", "utf-8").build());
    assertThat(res.stderr()).isEmpty();
    String[] lines = res.stdout().split("\n", -1);
    long errors = java.util.Arrays.stream(lines).filter(l -> l.startsWith("['error'")).count();
    long oks = java.util.Arrays.stream(lines).filter(l -> l.startsWith("['ok'")).count();
    assertThat(errors).as("generated files fail2ban refuses").isGreaterThan(20);
    assertThat(oks).as("generated files fail2ban reads").isGreaterThan(20);
    for (int i = 0; i < texts.size(); i++) {
      String file = argv.get(i + 3);
      assertThat(ours(file, texts.get(i)))
          .as("file %s:%n%s", file, texts.get(i))
          .isEqualTo(lines[i]);
    }
  }
}
