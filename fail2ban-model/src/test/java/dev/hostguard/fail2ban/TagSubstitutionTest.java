package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TagSubstitutionTest {
  /** fail2ban's TAG_CRE, which the hand-written scanner replaces. */
  private static final Pattern TAG_CRE = Pattern.compile("<([^ <>]+)>");

  private static final String[] PIECES = {"<", ">", " ", "a", "B", "\n", "é", "\uD83D\uDE00", "/"};

  @Test
  void findTagMatchesTheRegexEverywhere() {
    qt().withFixedSeed(11L)
        .withExamples(20_000)
        .forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 30))
        .checkAssert(
            idx -> {
              StringBuilder b = new StringBuilder();
              for (int i : idx) {
                b.append(PIECES[i]);
              }
              String s = b.toString();
              for (int from = 0; from <= s.length(); from++) {
                Matcher m = TAG_CRE.matcher(s);
                int start = TagSubstitution.findTag(s, from);
                if (m.find(from)) {
                  assertThat(start).as("start in %s from %d", s, from).isEqualTo(m.start());
                  assertThat(TagSubstitution.tagEnd(s, start) + 1).isEqualTo(m.end());
                } else {
                  assertThat(start).as("no tag in %s from %d", s, from).isEqualTo(-1);
                }
              }
            });
  }

  private static Map<String, Object> map(String... kv) {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void substitutesRecursivelyAndKeepsMissingTags() {
    LinkedHashMap<String, Object> out =
        TagSubstitution.substitute(
            new LinkedHashMap<>(
                map("a", "x <b> <c> <HOST> <b>", "b", "<c>!", "c", "C", "d", "<skip> <e>")),
            Set.of("skip"),
            t -> t.equals("e") ? "E" : null);
    assertThat(out)
        .containsExactly(
            Map.entry("a", "x C! C <HOST> C!"),
            Map.entry("b", "C!"),
            Map.entry("c", "C"),
            Map.entry("d", "<skip> E"));
  }

  @Test
  void selfReferenceIsRefusedWithFail2bansMessage() {
    assertThatThrownBy(
            () ->
                TagSubstitution.substitute(
                    new LinkedHashMap<>(map("a", "<b>", "b", "<a>")), Set.of(), null))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            "properties contain self referencing definitions and cannot be resolved, fail tag: a,"
                + " found: a in {'b': 1}, value: <a>");
  }
}
