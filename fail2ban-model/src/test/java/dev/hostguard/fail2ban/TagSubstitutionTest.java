package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.hostguard.core.internal.PythonText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

  /**
   * fail2ban's {@code substituteRecursiveTags} line by line (a fresh {@code str.replace} per tag
   * replaced, no shortcut), the reference the in-place substitution must equal.
   */
  private static Object pythonSubstitute(
      LinkedHashMap<String, Object> tags, Set<String> ignore, Function<String, Object> addrepl) {
    Set<String> done = new HashSet<>();
    Map<String, Map<String, Integer>> repCounts = new HashMap<>();
    Pattern tagCre = Pattern.compile("<([^ <>]+)>");
    while (true) {
      boolean repFlag = false;
      for (String tag : List.copyOf(tags.keySet())) {
        if (ignore.contains(tag) || done.contains(tag)) {
          continue;
        }
        String orgval = PythonText.str(tags.get(tag));
        String value = orgval;
        Matcher m = tagCre.matcher(value);
        boolean found = m.find();
        Map<String, Integer> rplc = repCounts.getOrDefault(tag, new LinkedHashMap<>());
        while (found) {
          String rtag = m.group(1);
          if (ignore.contains(rtag)) {
            found = m.find(m.end());
            continue;
          }
          if (rtag.equals(tag)
              || rplc.getOrDefault(rtag, 1) > TagSubstitution.MAX_TAG_REPLACE_COUNT) {
            return "properties contain self referencing definitions and cannot be resolved, fail"
                + " tag: "
                + tag
                + ", found: "
                + rtag
                + " in "
                + PythonText.repr(new LinkedHashMap<>(rplc))
                + ", value: "
                + value;
          }
          Object repl = tags.get(rtag);
          if (repl == null) {
            repl = addrepl.apply(rtag);
          }
          if (repl == null) {
            found = m.find(m.end());
            continue;
          }
          int at = m.start();
          value = value.replace("<" + rtag + ">", PythonText.str(repl));
          if (value.length() > 4096) {
            return TOO_BIG; // a cycle doubling a value up to 25 times: slow, not interesting
          }
          rplc.merge(rtag, 1, Integer::sum);
          m = tagCre.matcher(value);
          found = m.find(at);
        }
        if (!orgval.equals(value)) {
          if (tagCre.matcher(value).find()) {
            repCounts.put(tag, rplc);
            repFlag = true;
          }
          tags.put(tag, value);
        }
        if (value.indexOf('<') < 0) {
          done.add(tag);
        }
      }
      if (!repFlag) {
        return tags;
      }
    }
  }

  private static final Object TOO_BIG = new Object();

  private static final String[] VALUE_PIECES = {
    "<a>", "<b>", "<c>", "<d>", "<x>", "<", ">", " ", "a", "b", "<a", "b>", "-"
  };

  @Test
  void equalsFail2bansAlgorithmOnRandomTagMaps() {
    String[] names = {"a", "b", "c", "d", "e"};
    qt().withFixedSeed(15L)
        .withExamples(5_000)
        .forAll(
            lists()
                .of(lists().of(integers().between(0, VALUE_PIECES.length - 1)).ofSizeBetween(0, 8))
                .ofSizeBetween(1, 5),
            integers().between(0, 7))
        .checkAssert(
            (values, flags) -> {
              LinkedHashMap<String, Object> tags = new LinkedHashMap<>();
              for (int k = 0; k < values.size(); k++) {
                StringBuilder b = new StringBuilder();
                for (int i : values.get(k)) {
                  b.append(VALUE_PIECES[i]);
                }
                tags.put(names[k], b.toString());
              }
              Set<String> ignore = (flags & 1) != 0 ? Set.of("c") : Set.of();
              Function<String, Object> addrepl =
                  t -> (flags & 2) != 0 && t.equals("x") ? ((flags & 4) != 0 ? "<a>x" : "X") : null;
              Object expected = pythonSubstitute(new LinkedHashMap<>(tags), ignore, addrepl);
              if (expected == TOO_BIG) {
                return;
              }
              Object actual;
              try {
                actual =
                    TagSubstitution.substitute(new LinkedHashMap<>(tags), ignore, addrepl::apply);
              } catch (ConfigError e) {
                actual = e.getMessage();
              }
              assertThat(actual).as("%s ignoring %s", tags, ignore).isEqualTo(expected);
            });
  }
}
