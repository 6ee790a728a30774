package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.core.internal.PythonText;
import dev.hostguard.fail2ban.gen.IniTexts;
import dev.hostguard.fail2ban.gen.IniValueGens;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RoundTripAssertions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Laws on fail2ban's ini files that test more than the stored lines: an option set through the
 * typed API reads back (as fail2ban's parser reads it) with the value set, every other option keeps
 * its value, and setting or removing an option changes exactly its lines.
 */
class Fail2banIniLawsTest {

  /** Every option's value by section and lower-cased key, first definition of each. */
  private static Map<String, String> values(Fail2banIniDocument doc) {
    Map<String, String> out = new LinkedHashMap<>();
    for (IniOption o : doc.options()) {
      out.putIfAbsent(
          o.section() + "\u0000" + o.key(), doc.value(o.section(), o.key()).orElseThrow());
    }
    return out;
  }

  private static List<String> linesOf(String text) {
    List<String> out = new ArrayList<>();
    dev.hostguard.core.LineDocument.parse("t", text).lines().forEach(l -> out.add(l.render()));
    return out;
  }

  @Test
  void anOptionSetReadsBackAndChangesExactlyItsLines() {
    for (long seed : Exploration.seeds("Fail2banIniLaws.set", 71L)) {
      Exploration.Floor replaced = Exploration.floor("replaced options seed " + seed, 15);
      Exploration.Floor added = Exploration.floor("added options seed " + seed, 5);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(
              IniTexts.texts(),
              IniValueGens.sections(),
              IniValueGens.names(),
              IniValueGens.values())
          .checkAssert(
              (text, drawnSection, drawnKey, value) -> {
                Fail2banIniDocument doc;
                try {
                  doc = Fail2banIniDocument.parse("jail.local", text);
                } catch (Fail2banIniParseException refused) {
                  return; // fail2ban refuses this text too (IniParserDifferentialTest)
                }
                // half the time, an option the file already has
                String section = drawnSection;
                String key = drawnKey;
                if (!doc.options().isEmpty() && (value.length() % 2 == 0)) {
                  IniOption o = doc.options().get(value.length() % doc.options().size());
                  section = o.section();
                  key = o.key();
                } else if (!doc.options().isEmpty() && drawnKey.length() % 2 == 0) {
                  // else half the time a new option in a section the file already has
                  IniOption o = doc.options().get(drawnKey.length() % doc.options().size());
                  section = o.section();
                }
                Fail2banIniDocument after;
                try {
                  after = doc.withOption(section, key, value);
                } catch (Fail2banRefusedException refused) {
                  return; // a name or value that cannot be written, or lone CRs
                }
                Fail2banIniDocument back = Fail2banIniDocument.parse("jail.local", after.render());
                assertThat(back.value(section, key)).contains(value);
                Map<String, String> others = values(doc);
                Map<String, String> othersAfter = values(back);
                String id = section + "\u0000" + PythonText.lower(key);
                others.remove(id);
                othersAfter.remove(id);
                assertThat(othersAfter).isEqualTo(others);

                List<String> b = linesOf(text);
                List<String> a = linesOf(after.render());
                int valueLines = value.split("\n", -1).length;
                IniOption old =
                    doc.options().stream()
                        .filter(o -> (o.section() + "\u0000" + o.key()).equals(id))
                        .findFirst()
                        .orElse(null);
                if (old != null) {
                  replaced.count();
                  // the lines before and after the option are untouched
                  int first = old.firstLine();
                  int oldEnd = old.lastLine() + 1;
                  assertThat(a.subList(0, first)).isEqualTo(b.subList(0, first));
                  assertThat(a.subList(first + valueLines, a.size()))
                      .isEqualTo(b.subList(oldEnd, b.size()));
                  // and removing it takes exactly its lines
                  Set<Integer> gone = new TreeSet<>();
                  for (int i = first; i < oldEnd; i++) {
                    gone.add(i);
                  }
                  String without = doc.withoutOption(section, key).render();
                  if (oldEnd < b.size() || text.endsWith("\n") || text.endsWith("\r")) {
                    RoundTripAssertions.assertOnlyLinesRemoved(text, without, gone);
                  } else {
                    // the option ended the file without a line break: the new last line loses its
                    // line break (LineDocument keeps the file's "no final newline")
                    String kept = String.join("", b.subList(0, first));
                    assertThat(without).isEqualTo(kept.replaceAll("(\\r\\n|\\n|\\r)\\z", ""));
                  }
                } else if (doc.sections().contains(section) && !doc.options(section).isEmpty()) {
                  added.count();
                  int at = 0;
                  for (IniOption o : doc.options(section)) {
                    at = Math.max(at, o.lastLine() + 1);
                  }
                  Set<Integer> newLines = new TreeSet<>();
                  for (int i = 0; i < valueLines; i++) {
                    newLines.add(at + i);
                  }
                  if (at == b.size()
                      && !text.isEmpty()
                      && !text.endsWith("\n")
                      && !text.endsWith("\r")) {
                    return; // the last line gains a line break: checked by the typed view above
                  }
                  RoundTripAssertions.assertOnlyLinesAdded(text, after.render(), newLines);
                }
              });
      replaced.verify();
      added.verify();
    }
  }
}
