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
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

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

  /**
   * Whether the text's last line has no line break (a final lone CR is part of the line's text for
   * {@link dev.hostguard.core.LineDocument}): a line appended after it terminates it.
   */
  private static boolean endsUnterminated(String text) {
    return !text.isEmpty() && !text.endsWith("\n");
  }

  private static List<String> linesOf(String text) {
    List<String> out = new ArrayList<>();
    dev.hostguard.core.LineDocument.parse("t", text).lines().forEach(l -> out.add(l.render()));
    return out;
  }

  /**
   * Which option an edit sets: {@code kind} 0-8 an option the file has, 9-16 a new option in a
   * section the file has, 17-19 a new section; {@code pick} chooses among the file's options.
   */
  private record Target(int kind, int pick, String newSection) {}

  private static Gen<Target> targets() {
    return in ->
        new Target(
            (int) in.next(Constraint.between(0, 19)),
            (int) in.next(Constraint.between(0, 1_000_000)),
            IniValueGens.sections().generate(in));
  }

  /** Seven in eight texts drawn as fail2ban reads them, one in eight nasty on purpose. */
  private static Gen<String> texts() {
    return in ->
        in.next(Constraint.between(0, 7)) == 0
            ? IniTexts.texts().generate(in)
            : IniTexts.drawn().generate(in);
  }

  @Test
  void anOptionSetReadsBackAndChangesExactlyItsLines() {
    int examples = Exploration.examples();
    for (long seed : Exploration.seeds("Fail2banIniLaws.set", 71L)) {
      // floors well under what every seed reaches (about 36%, 30% and 16% of the examples)
      Exploration.Floor replaced = Exploration.floor("replaced options seed " + seed, examples / 4);
      Exploration.Floor added = Exploration.floor("added options seed " + seed, examples / 5);
      Exploration.Floor newSections =
          Exploration.floor("options in new sections seed " + seed, examples / 10);
      qt().withFixedSeed(seed)
          .withExamples(examples)
          .forAll(texts(), targets(), IniValueGens.names(), IniValueGens.values())
          .checkAssert(
              (text, target, drawnKey, value) -> {
                Fail2banIniDocument doc;
                try {
                  doc = Fail2banIniDocument.parse("jail.local", text);
                } catch (Fail2banIniParseException refused) {
                  return; // fail2ban refuses this text too (IniParserDifferentialTest)
                }
                String section;
                String key = drawnKey;
                if (target.kind() < 9 && !doc.options().isEmpty()) {
                  // an option the file already has
                  IniOption o = doc.options().get(target.pick() % doc.options().size());
                  section = o.section();
                  key = o.key();
                } else if (target.kind() < 17 && !doc.options().isEmpty()) {
                  // a new option (when the drawn name is new) in a section the file has
                  section = doc.options().get(target.pick() % doc.options().size()).section();
                } else {
                  // a new section
                  section = target.newSection();
                  for (int i = 2; doc.sections().contains(section); i++) {
                    section = target.newSection() + "-" + i;
                  }
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
                  if (at == b.size() && endsUnterminated(text)) {
                    return; // the last line gains a line break: checked by the typed view above
                  }
                  RoundTripAssertions.assertOnlyLinesAdded(text, after.render(), newLines);
                } else if (!doc.sections().contains(section)) {
                  newSections.count();
                  // the section is appended: its header, then the option, after one blank line
                  // unless the file ends with one
                  assertThat(back.sections()).endsWith(section);
                  assertThat(back.options(section)).hasSize(1);
                  assertThat(back.options(section).get(0).key()).isEqualTo(PythonText.lower(key));
                  boolean blank = !b.isEmpty() && !PythonText.strip(b.get(b.size() - 1)).isEmpty();
                  List<String> tail = a.subList(b.size(), a.size());
                  assertThat(tail).hasSize((blank ? 2 : 1) + valueLines);
                  assertThat(tail.get(blank ? 1 : 0).strip()).isEqualTo("[" + section + "]");
                  if (blank) {
                    assertThat(tail.get(0).strip()).isEmpty();
                  }
                  if (endsUnterminated(text)) {
                    return; // the last line gains a line break: checked by the typed view above
                  }
                  Set<Integer> newLines = new TreeSet<>();
                  for (int i = b.size(); i < a.size(); i++) {
                    newLines.add(i);
                  }
                  RoundTripAssertions.assertOnlyLinesAdded(text, after.render(), newLines);
                }
              });
      replaced.verify();
      added.verify();
      newSections.verify();
    }
  }
}
