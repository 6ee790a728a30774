package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.LineDocument;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ufw's {@code _read_rules} opens {@code user.rules} with {@code open(fn, 'r')} (Python text mode,
 * universal newlines): a lone CR ends a line as LF and CRLF do. Each variant of a user.rules that
 * the real ufw wrote goes into its own stock data dir, and the real ufw dry run's {@code allow
 * 8080/tcp} and {@code delete allow 80/tcp} (which print the rules ufw read, rewritten) are
 * compared with {@link UfwDryRun}'s, and the rules {@link UserRulesFile} reads with those ufw's
 * {@code show added} lists: N = 9 files, 3 runs each.
 */
@RequiresRealTool({RealTool.UFW})
class UserRulesCarriageReturnDifferentialTest {
  @TempDir Path tmp;

  private static final String EXTRA = "### tuple ### deny tcp 23 0.0.0.0/0 any 0.0.0.0/0 in";

  /** Variants of the file ufw wrote, each a rewrite of its text. */
  static final List<UnaryOperator<String>> VARIANTS =
      List.of(
          // CR only, every line
          t -> t.replace("\n", "\r"),
          // CRLF throughout
          t -> t.replace("\n", "\r\n"),
          // a tuple line, a lone CR and another tuple on the same line of the file
          t -> t.replaceFirst("(### tuple ### allow tcp 22 [^\n]*)\n", "$1\r" + EXTRA + "\n"),
          // the tuple line ends in a CR instead of an LF
          t -> t.replaceFirst("(### tuple ### allow tcp 22 [^\n]*)\n", "$1\r"),
          // a CR before a tuple line, after an iptables line
          t -> t.replaceFirst("\n\n(### tuple ### deny)", "\n-A ufw-user-input -j RETURN\r$1"),
          // a CR inside a tuple: a short tuple (skipped with a warning) and a line that is none
          t -> t.replaceFirst("### tuple ### allow tcp 22 ", "### tuple ### allow tcp 22\r"),
          // a CR before a comment: the comment is not the tuple's
          t -> t.replaceFirst("( in) comment=", "$1\r comment="),
          // a CR then CRLF after a tuple: an empty line follows it
          t -> t.replaceFirst("(### tuple ### allow tcp 22 [^\n]*)\n", "$1\r\r\n"),
          // no final line break, the file ends in a CR
          t -> t.substring(0, t.length() - 1) + "\r");

  @Test
  void loneCarriageReturnsEndLinesAsForUfw() throws IOException {
    Path base = UfwOracle.stockWithPlex(tmp.resolve("base"));
    UfwOracle.populate(
        base,
        List.of(
            List.of("allow", "22/tcp"),
            List.of("deny", "from", "10.0.0.0/8"),
            List.of("allow", "out", "53", "comment", "allow DNS calls out"),
            List.of("allow", "80/tcp", "comment", "web")));
    String written = Files.readString(base.resolve("etc/ufw/user.rules"));
    int rulesSeen = 0;
    for (int n = 0; n < VARIANTS.size(); n++) {
      String text = VARIANTS.get(n).apply(written);
      assertThat(text).as("variant %d applies", n).isNotEqualTo(written);
      Path dir = UfwOracle.stockWithPlex(tmp.resolve("d" + n));
      Files.write(dir.resolve("etc/ufw/user.rules"), text.getBytes(StandardCharsets.UTF_8));
      List<List<String>> argvs =
          List.of(
              List.of("show", "added"),
              List.of("allow", "8080/tcp"),
              List.of("delete", "allow", "80/tcp"));
      List<CommandResult> real = UfwOracle.runAll(dir, argvs);
      UfwDryRun mirror = UfwDryRun.of(dir, ServicesDatabase.fromHost());
      String what = "variant " + n;
      for (int k = 1; k < argvs.size(); k++) {
        List<String> argv = new ArrayList<>();
        argv.add("--dry-run");
        argv.addAll(argvs.get(k));
        UfwDryRun.Result ours = mirror.run(argv);
        CommandResult theirs = real.get(k);
        assertThat(ours.exitCode())
            .as("%s%nufw: %s%nours: %s", what, theirs.stderr(), ours.stderr())
            .isEqualTo(theirs.exitCode());
        assertThat(ours.firstError()).as(what).isEqualTo(UfwOracle.firstError(theirs.stderr()));
        assertThat(UfwOracle.warnings(ours.stderr()))
            .as(what)
            .isEqualTo(UfwOracle.warnings(theirs.stderr()));
        assertThat(ours.stdout()).as(what).isEqualTo(theirs.stdout());
      }
      // the typed reading: ufw's "show added" lists one "ufw ..." line per rule it read
      UserRulesFile file =
          UserRulesFile.parse(LineDocument.parse("user.rules", text), false, w -> {});
      assertThat(file.render()).as(what).isEqualTo(text);
      List<String> shown = new ArrayList<>();
      for (String l : real.get(0).stdout().split("\n", -1)) {
        if (l.startsWith("ufw ")) {
          shown.add(l);
        }
      }
      assertThat(file.rules().stream().map(r -> "ufw " + UfwRuleFormat.command(r)).toList())
          .as(what)
          .isEqualTo(shown);
      rulesSeen += shown.size();
    }
    System.out.printf(
        "UserRulesCarriageReturnDifferentialTest: N = %d files, %d rules shown by ufw%n",
        VARIANTS.size(), rulesSeen);
    assertThat(rulesSeen).isGreaterThanOrEqualTo(3 * VARIANTS.size());
  }
}
