package dev.hostguard.ufw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.core.LineDocument;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RoundTripAssertions;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.gen.UfwConfGens;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws on ufw.conf and /etc/default/ufw that test more than the stored lines: after each typed edit
 * the file, read again, has the value set and every other value ufw reads unchanged, and the edit
 * rewrote exactly the {@code KEY=} lines ufw's {@code set_default} rewrites (or appended one).
 */
class UfwConfLawsTest {
  private static final List<String> KEYS =
      List.of(
          "ENABLED",
          "LOGLEVEL",
          "IPV6",
          "DEFAULT_INPUT_POLICY",
          "DEFAULT_OUTPUT_POLICY",
          "DEFAULT_FORWARD_POLICY",
          "DEFAULT_APPLICATION_POLICY",
          "MANAGE_BUILTINS");

  /** One typed edit: the key it writes, the raw value, and how it is made. */
  record Edit(String key, String raw, UnaryOperator<UfwShellFile> apply) {
    @Override
    public String toString() {
      return key + "=" + raw;
    }
  }

  static Gen<Edit> edits() {
    Gen<Edit> enabled =
        Generate.booleans()
            .map(
                b ->
                    new Edit(
                        "ENABLED", b ? "yes" : "no", f -> UfwConf.of(f).withEnabled(b).file()));
    Gen<Edit> level =
        Generate.pick(List.copyOf(UfwConf.LOG_LEVELS))
            .map(l -> new Edit("LOGLEVEL", l, f -> UfwConf.of(f).withLogLevel(l).file()));
    Gen<Edit> chain =
        Generate.pick(List.of("input", "output", "forward"))
            .zip(
                Generate.pick(List.of(UfwPolicy.ALLOW, UfwPolicy.DENY, UfwPolicy.REJECT)),
                (c, p) ->
                    new Edit(
                        "DEFAULT_" + c.toUpperCase(java.util.Locale.ROOT) + "_POLICY",
                        "\"" + p.target() + "\"",
                        f -> {
                          UfwDefaults d = UfwDefaults.of(f);
                          return switch (c) {
                            case "input" -> d.withInputPolicy(p).file();
                            case "output" -> d.withOutputPolicy(p).file();
                            default -> d.withForwardPolicy(p).file();
                          };
                        }));
    Gen<Edit> app =
        Generate.enumValues(UfwPolicy.class)
            .map(
                p ->
                    new Edit(
                        "DEFAULT_APPLICATION_POLICY",
                        "\"" + p.target() + "\"",
                        f -> UfwDefaults.of(f).withApplicationPolicy(p).file()));
    return enabled.mix(level).mix(chain).mix(app);
  }

  @Test
  void aTypedEditReadsBackAndRewritesExactlyTheLinesUfwRewrites() {
    for (long seed : Exploration.seeds("UfwConfLaws.edit", 41L)) {
      Exploration.Floor inPlace = Exploration.floor("in-place edits seed " + seed, 100);
      Exploration.Floor appended = Exploration.floor("appending edits seed " + seed, 100);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(UfwConfGens.shellFiles(), edits())
          .checkAssert(
              (text, edit) -> {
                UfwShellFile before = UfwShellFile.parse("ufw.conf", text);
                UfwShellFile after =
                    UfwShellFile.parse("ufw.conf", edit.apply().apply(before).render());
                // the typed view: the value set, every other value as it was
                assertThat(after.ufwValue(edit.key()))
                    .contains(edit.raw().replace("\"", "").toLowerCase(java.util.Locale.ROOT));
                for (String k : KEYS) {
                  if (!k.equals(edit.key())) {
                    assertThat(after.ufwValue(k)).as(k).isEqualTo(before.ufwValue(k));
                  }
                }
                // the lines: every KEY= line rewritten in place, or one line appended
                LineDocument lines = before.document();
                Set<Integer> keyLines = new TreeSet<>();
                Set<Integer> changed = new TreeSet<>();
                for (int i = 0; i < lines.size(); i++) {
                  if (lines.text(i).startsWith(edit.key() + "=")) {
                    keyLines.add(i);
                    if (!lines.text(i).equals(edit.key() + "=" + edit.raw())) {
                      changed.add(i);
                    }
                  }
                }
                if (!keyLines.isEmpty()) {
                  inPlace.count();
                  RoundTripAssertions.assertOnlyLinesChanged(text, after.render(), changed);
                } else if (text.isEmpty() || text.endsWith("\n")) {
                  appended.count();
                  RoundTripAssertions.assertOnlyLinesAdded(
                      text, after.render(), Set.of(lines.size()));
                  assertThat(after.document().text(lines.size()))
                      .isEqualTo(edit.key() + "=" + edit.raw());
                } else {
                  // the last line gains its line break, then the new line follows
                  RoundTripAssertions.assertEditLocality(
                      text, after.render(), Set.of(lines.size() - 1, lines.size()));
                }
              });
      inPlace.verify();
      appended.verify();
    }
  }
}
