package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.psad.gen.PsadFileGens;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RoundTripAssertions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws on psad.conf and auto_dl that test more than the stored lines: values set through the typed
 * API read back as set (psad's first definition wins), every other key keeps its value, and each
 * edit changes, adds or removes exactly the lines it must.
 */
class PsadDocumentLawsTest {

  private static Map<String, Optional<String>> values(PsadConfDocument doc, Set<String> keys) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, doc.rawValue(k));
    }
    return out;
  }

  /** 0 to 11 (key, value) pairs. */
  private static Gen<List<String[]>> pairs() {
    return in -> {
      int n = Generate.range(0, 11).generate(in);
      List<String[]> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(
            new String[] {
              PsadFileGens.confKeys().generate(in), PsadFileGens.confValues().generate(in)
            });
      }
      return out;
    };
  }

  @Test
  void valuesSetOnAnEmptyFileReadBackAsSet() {
    for (long seed : Exploration.seeds("PsadDocumentLaws.build", 59L)) {
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(pairs())
          .checkAssert(
              pairs -> {
                PsadConfDocument doc = PsadConfDocument.parse("psad.conf", "");
                Map<String, String> expected = new LinkedHashMap<>();
                for (String[] p : pairs) {
                  doc = doc.withValue(p[0], p[1]);
                  expected.put(p[0], p[1]);
                }
                PsadConfDocument back = PsadConfDocument.parse("psad.conf", doc.render());
                assertThat(back.entries()).hasSize(expected.size());
                for (Map.Entry<String, String> e : expected.entrySet()) {
                  assertThat(back.rawValue(e.getKey())).as(e.getKey()).contains(e.getValue());
                  assertThat(back.variables().get(e.getKey()).value()).isEqualTo(e.getValue());
                }
                assertThat(back.validate()).isEmpty();
              });
    }
  }

  @Test
  void settingAndRemovingAValueChangeExactlyItsLines() {
    for (long seed : Exploration.seeds("PsadDocumentLaws.edit", 61L)) {
      Exploration.Floor inPlace = Exploration.floor("psad in-place edits seed " + seed, 50);
      Exploration.Floor appended = Exploration.floor("psad appending edits seed " + seed, 50);
      Exploration.Floor removed = Exploration.floor("psad removals seed " + seed, 50);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(PsadFileGens.confFiles(), PsadFileGens.confKeys(), PsadFileGens.confValues())
          .checkAssert(
              (text, key, value) -> {
                PsadConfDocument doc = PsadConfDocument.parse("psad.conf", text);
                Set<String> keys = new TreeSet<>(doc.variables().keySet());
                keys.add(key);
                List<Integer> lines = new ArrayList<>();
                for (PsadConfEntry e : doc.entries()) {
                  if (e.key().equals(key)) {
                    lines.add(e.lineIndex());
                  }
                }
                PsadConfDocument set = doc.withValue(key, value);
                PsadConfDocument back = PsadConfDocument.parse("psad.conf", set.render());
                assertThat(back.rawValue(key)).contains(value);
                Map<String, Optional<String>> others = values(doc, keys);
                others.remove(key);
                Map<String, Optional<String>> othersAfter = values(back, keys);
                othersAfter.remove(key);
                assertThat(othersAfter).isEqualTo(others);
                if (!lines.isEmpty()) {
                  inPlace.count();
                  boolean same = doc.rawValue(key).orElseThrow().equals(value);
                  RoundTripAssertions.assertOnlyLinesChanged(
                      text, set.render(), same ? Set.of() : Set.of(lines.get(0)));
                } else if (text.isEmpty() || text.endsWith("\n")) {
                  appended.count();
                  RoundTripAssertions.assertOnlyLinesAdded(
                      text, set.render(), Set.of(doc.lines().size()));
                }
                // removing: every definition's line, nothing else
                PsadConfDocument without = doc.without(key);
                if (!lines.isEmpty()) {
                  removed.count();
                  if (text.endsWith("\n") || !lines.contains(doc.lines().size() - 1)) {
                    RoundTripAssertions.assertOnlyLinesRemoved(
                        text, without.render(), new TreeSet<>(lines));
                  } else {
                    // removing the unterminated last line: every other line is kept, the new last
                    // line loses its line break (LineDocument keeps the file's "no final newline")
                    StringBuilder expected = new StringBuilder();
                    for (int i = 0; i < doc.lines().size(); i++) {
                      if (!lines.contains(i)) {
                        expected.append(doc.lines().line(i).render());
                      }
                    }
                    String e = expected.toString();
                    assertThat(without.render()).isEqualTo(e.replaceAll("\\r?\\n\\z", ""));
                  }
                  assertThat(PsadConfDocument.parse("p", without.render()).rawValue(key)).isEmpty();
                } else {
                  assertThat(without).isSameAs(doc);
                }
              });
      inPlace.verify();
      appended.verify();
      removed.verify();
    }
  }

  @Test
  void autoDlEntriesAddedReadBackAndRemoveExactlyTheirLines() {
    for (long seed : Exploration.seeds("PsadDocumentLaws.autoDl", 67L)) {
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(
              PsadFileGens.autoDlAddresses(),
              Generate.range(0, 5),
              PsadFileGens.autoDlCriteria(),
              PsadFileGens.autoDlAddresses()
                  .zip(PsadFileGens.autoDlCriteria(), (a, c) -> a + "\t3\t" + c + ";"))
          .checkAssert(
              (address, dl, criteria, otherLine) -> {
                String base = "# auto_dl\n" + otherLine + "\n\n# end\n";
                AutoDlDocument doc = AutoDlDocument.parse("auto_dl", base);
                AutoDlDocument added = doc.withEntry(address, dl, criteria);
                RoundTripAssertions.assertOnlyLinesAdded(
                    base, added.render(), Set.of(doc.lines().size()));
                AutoDlDocument back = AutoDlDocument.parse("auto_dl", added.render());
                assertThat(back.validate()).isEmpty();
                assertThat(back.entries()).hasSize(2);
                AutoDlEntry first = back.entries().get(0);
                AutoDlEntry entry = back.entries().get(1);
                assertThat(first).isEqualTo(doc.entries().get(0));
                int slash = address.indexOf('/');
                assertThat(entry.address())
                    .isEqualTo(slash < 0 ? address : address.substring(0, slash));
                assertThat(entry.mask())
                    .isEqualTo(
                        slash < 0
                            ? (address.contains(":") ? "128" : "32")
                            : address.substring(slash + 1));
                assertThat(entry.dangerLevel()).isEqualTo(dl);
                assertThat(entry.criteria()).isEqualTo(criteria);
                assertThat(entry.kind())
                    .isEqualTo(
                        address.contains(":") ? AutoDlEntry.Kind.IPV6 : AutoDlEntry.Kind.IPV4);
                if (!entry.address().equals(first.address())) {
                  RoundTripAssertions.assertOnlyLinesRemoved(
                      added.render(),
                      added.withoutAddress(entry.address()).render(),
                      Set.of(doc.lines().size()));
                }
              });
    }
  }
}
