package dev.hostguard.testing.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

class TextGensTest {
  @Test
  void generatorsProduceWhatTheySay() {
    qt().withFixedSeed(7).withExamples(500).forAll(TextGens.bytes(64)).check(b -> b.length <= 64);
    qt().withFixedSeed(7)
        .withExamples(500)
        .forAll(TextGens.line())
        .check(l -> l.indexOf('\n') < 0 && l.codePointCount(0, l.length()) <= 60);
    qt().withFixedSeed(7)
        .withExamples(500)
        .forAll(TextGens.whitespace())
        .check(w -> w.chars().allMatch(c -> c == ' ' || c == '\t'));
    qt().withFixedSeed(7)
        .withExamples(500)
        .forAll(TextGens.comment("#"))
        .check(c -> c.strip().startsWith("#") && c.indexOf('\n') < 0);
    qt().withFixedSeed(7)
        .withExamples(500)
        .forAll(TextGens.lines())
        .check(t -> t.chars().filter(c -> c == '\n').count() <= 20);
  }

  @Test
  void linesMixTerminators() {
    boolean[] seen = new boolean[2];
    qt().withFixedSeed(11)
        .withExamples(300)
        .forAll(TextGens.lines())
        .check(
            t -> {
              if (t.contains("\r\n")) {
                seen[0] = true;
              }
              if (t.matches("(?s).*[^\r]\n.*")) {
                seen[1] = true;
              }
              return true;
            });
    assertThat(seen).containsOnly(true);
  }
}
