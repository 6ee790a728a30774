package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** {@link Exploration#sample}: the values QuickTheories draws for a seed, as a list. */
class ExplorationTest {
  @Test
  void sameSeedSameList() {
    ImmutableList<Long> first = Exploration.sample(SourceDSL.longs().all(), 20261125L, 200);
    assertThat(Exploration.sample(SourceDSL.longs().all(), 20261125L, 200))
        .containsExactlyElementsOf(first);
  }

  @Test
  void aWideGeneratorGivesAsManyAsAsked() {
    for (int n : new int[] {1, 2, 50, 1000}) {
      assertThat(Exploration.sample(SourceDSL.longs().all(), 7L, n)).as("n=%d", n).hasSize(n);
    }
  }

  @Test
  void aTryQuickTheoriesRepeatsIsSkipped() {
    // 0 first as the simplest value, then the boundaries (0 again, skipped, and 1000), then random
    ImmutableList<Integer> some = Exploration.sample(SourceDSL.integers().between(0, 1000), 1L, 10);
    assertThat(some).hasSize(9).startsWith(0, 1000).doesNotHaveDuplicates();
    // a narrow generator: its distinct values, each once
    assertThat(Exploration.sample(SourceDSL.integers().between(0, 3), 1L, 100))
        .containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void differentSeedsDifferentLists() {
    ImmutableList<Long> a = Exploration.sample(SourceDSL.longs().all(), 1L, 100);
    ImmutableList<Long> b = Exploration.sample(SourceDSL.longs().all(), 2L, 100);
    assertThat(a).isNotEqualTo(b);
    // past the boundary values QuickTheories tries first, hardly a value in common
    assertThat(b.subList(10, 100)).doesNotContainAnyElementsOf(a.subList(10, 100));
  }

  @Test
  void theValuesQuickTheoriesPassesToACheck() {
    List<List<Integer>> checked = new ArrayList<>();
    qt().withFixedSeed(99L)
        .withExamples(300)
        .forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 9)).ofSizeBetween(0, 5))
        .checkAssert(checked::add);
    assertThat(
            Exploration.sample(
                SourceDSL.lists().of(SourceDSL.integers().between(0, 9)).ofSizeBetween(0, 5),
                99L,
                300))
        .containsExactlyElementsOf(checked);
  }
}
