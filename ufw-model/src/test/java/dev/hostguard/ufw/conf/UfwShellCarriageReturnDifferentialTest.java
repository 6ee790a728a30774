package dev.hostguard.ufw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwDataDir;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwDryRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ufw's {@code _get_defaults} opens {@code /etc/default/ufw} and {@code ufw.conf} with {@code
 * open(fn, 'r')} (Python text mode, universal newlines): a lone CR ends a line as LF and CRLF do.
 * Each variant goes into its own stock data dir; the real ufw dry run of {@code allow 8080/tcp}
 * (whose user.rules LOGGING section follows the policies and log level) is compared with {@link
 * UfwDryRun}'s, and ufw's policy errors with {@link UfwDefaults#validate()}'s: N = 10 files.
 */
@RequiresRealTool({RealTool.UFW})
class UfwShellCarriageReturnDifferentialTest {
  @TempDir Path tmp;

  record Variant(String file, UnaryOperator<String> edit) {}

  static final List<Variant> VARIANTS =
      List.of(
          // CR only, every line
          new Variant("etc/default/ufw", t -> t.replace("\n", "\r")),
          // CRLF throughout
          new Variant("etc/default/ufw", t -> t.replace("\n", "\r\n")),
          // a second assignment behind a lone CR: ufw reads it, and the later line wins
          new Variant(
              "etc/default/ufw",
              t ->
                  t.replace(
                      "DEFAULT_INPUT_POLICY=\"DROP\"\n",
                      "DEFAULT_INPUT_POLICY=\"DROP\"\rDEFAULT_INPUT_POLICY=\"ACCEPT\"\n")),
          // a comment, a lone CR and an assignment: a comment for the shell, a setting for ufw
          new Variant(
              "etc/default/ufw",
              t ->
                  t.replace(
                      "DEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n",
                      "# output\rDEFAULT_OUTPUT_POLICY=\"REJECT\"\n")),
          // the same with a value ufw refuses
          new Variant(
              "etc/default/ufw",
              t ->
                  t.replace(
                      "DEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n",
                      "# output\rDEFAULT_OUTPUT_POLICY=\"NO\"\n")),
          // a CR inside a value cuts it short
          new Variant(
              "etc/default/ufw",
              t ->
                  t.replace(
                      "DEFAULT_FORWARD_POLICY=\"DROP\"", "DEFAULT_FORWARD_POLICY=\"DR\rOP\"")),
          // no final line break, the file ends in a CR
          new Variant("etc/default/ufw", t -> t.substring(0, t.length() - 1) + "\r"),
          // ufw.conf: CR only
          new Variant("etc/ufw/ufw.conf", t -> t.replace("\n", "\r")),
          // ufw.conf: a later LOGLEVEL behind a lone CR
          new Variant(
              "etc/ufw/ufw.conf", t -> t.replace("LOGLEVEL=low", "LOGLEVEL=low\rLOGLEVEL=full")),
          // ufw.conf: LOGLEVEL behind a comment and a lone CR
          new Variant("etc/ufw/ufw.conf", t -> t.replace("LOGLEVEL=low", "#\rLOGLEVEL=off")));

  @Test
  void loneCarriageReturnsEndLinesAsForUfw() throws IOException {
    int accepted = 0;
    for (int n = 0; n < VARIANTS.size(); n++) {
      Variant v = VARIANTS.get(n);
      Path dir = UfwDataDir.createStock(tmp.resolve("d" + n));
      Path file = dir.resolve(v.file());
      String stock = Files.readString(file);
      String text = v.edit().apply(stock);
      String what = "variant " + n + ": " + text.replace("\r", "<CR>").replace("\n", "<LF>\n");
      assertThat(text).as(what).isNotEqualTo(stock);
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
      CommandResult theirs = RealTools.ufwDryRun(dir, List.of("allow", "8080/tcp"));
      UfwDryRun.Result ours =
          UfwDryRun.of(dir, ServicesDatabase.fromHost())
              .run(List.of("--dry-run", "allow", "8080/tcp"));
      String theirError = firstError(theirs.stderr());
      assertThat(ours.exitCode()).as(what).isEqualTo(theirs.exitCode());
      assertThat(ours.firstError()).as(what).isEqualTo(theirError);
      assertThat(ours.stdout()).as(what).isEqualTo(theirs.stdout());
      if (v.file().equals("etc/default/ufw")) {
        // the typed reading: the policy error ufw stops at is one validate() reports
        List<String> policyErrors =
            UfwDefaults.parse("ufw", text).validate().stream()
                .map(Diagnostic::message)
                .filter(m -> m.contains(" policy"))
                .toList();
        if (theirs.exitCode() == 0) {
          assertThat(policyErrors).as(what).isEmpty();
        } else {
          assertThat(policyErrors).as(what).contains(theirError);
        }
      }
      if (theirs.exitCode() == 0) {
        accepted++;
      }
    }
    System.out.printf(
        "UfwShellCarriageReturnDifferentialTest: N = %d files, %d accepted by ufw%n",
        VARIANTS.size(), accepted);
    assertThat(accepted).isBetween(3, VARIANTS.size() - 2);
  }

  private static String firstError(String stderr) {
    for (String l : stderr.split("\n", -1)) {
      if (l.startsWith("ERROR: ")) {
        return l.substring("ERROR: ".length());
      }
    }
    return "";
  }
}
