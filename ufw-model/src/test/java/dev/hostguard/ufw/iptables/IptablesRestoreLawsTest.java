package dev.hostguard.ufw.iptables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RoundTripAssertions;
import dev.hostguard.ufw.gen.IptablesGens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws that test more than {@code render(parse(x)) == x} (which holds by construction, the lines
 * being stored): a file written from a typed model reads back as that model, and adding or removing
 * a block of rules changes exactly those lines.
 */
class IptablesRestoreLawsTest {

  /** The file text of generated tables, with comment and blank lines between the parts. */
  static String render(Map<String, IptablesGens.Table> tables, long noise) {
    StringBuilder sb = new StringBuilder("# generated\n");
    int k = 0;
    for (Map.Entry<String, IptablesGens.Table> t : tables.entrySet()) {
      sb.append('*').append(t.getKey()).append('\n');
      for (IptablesChain c : t.getValue().chains()) {
        sb.append(c.render()).append('\n');
      }
      for (IptablesRule r : t.getValue().rules()) {
        if (((noise >> (k++ % 60)) & 1) == 1) {
          sb.append(k % 2 == 0 ? "\n" : "# note " + k + "\n");
        }
        sb.append(r.toLine()).append('\n');
      }
      if (((noise >> (k++ % 60)) & 1) == 1) {
        sb.append("# don't delete the 'COMMIT' line or these rules won't be processed\n");
      }
      sb.append("COMMIT\n");
    }
    return sb.toString();
  }

  @Test
  void aFileWrittenFromTypedTablesReadsBackAsThoseTables() {
    for (long seed : Exploration.seeds("IptablesRestoreLaws.typedTables", 31L)) {
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(IptablesGens.tables(), Generate.longRange(0, Long.MAX_VALUE))
          .checkAssert(
              (tables, noise) -> {
                String text = render(tables, noise);
                IptablesRestoreDocument doc = IptablesRestoreDocument.parseValid("t.rules", text);
                assertThat(doc.tables()).containsExactlyElementsOf(tables.keySet());
                for (Map.Entry<String, IptablesGens.Table> t : tables.entrySet()) {
                  assertThat(doc.chains(t.getKey())).isEqualTo(t.getValue().chains());
                  assertThat(doc.rules(t.getKey())).isEqualTo(t.getValue().rules());
                }
              });
    }
  }

  /** A generated file, one of its tables and a block of rules for that table's chains. */
  record BlockCase(
      Map<String, IptablesGens.Table> tables, long noise, String table, List<String> block) {}

  static Gen<BlockCase> blockCases() {
    return in -> {
      Map<String, IptablesGens.Table> tables = IptablesGens.tables().generate(in);
      long noise = Generate.longRange(0, Long.MAX_VALUE).generate(in);
      String table = Generate.pick(new ArrayList<>(tables.keySet())).generate(in);
      List<String> chains = tables.get(table).chains().stream().map(IptablesChain::name).toList();
      int size = Generate.range(1, 3).generate(in);
      List<String> block = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        block.add(IptablesGens.rules(chains).generate(in).toLine());
      }
      return new BlockCase(tables, noise, table, block);
    };
  }

  @Test
  void addingABlockAddsExactlyItsLinesAndRemovingItRestoresTheFile() {
    for (long seed : Exploration.seeds("IptablesRestoreLaws.block", 37L)) {
      Exploration.Floor inserted =
          Exploration.floor("block edits seed " + seed, Exploration.examples() * 9 / 10);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(blockCases())
          .checkAssert(
              c -> {
                String text = render(c.tables(), c.noise());
                IptablesRestoreDocument doc = IptablesRestoreDocument.parse("t.rules", text);
                IptablesRestoreDocument after = doc.withLinesBeforeCommit(c.table(), c.block());
                if (doc.contains(c.table(), c.block())) {
                  assertThat(after).isSameAs(doc);
                  return;
                }
                inserted.count();
                // where the javadoc says: before COMMIT and the comment lines right above it,
                // followed by a blank line when there are such comments
                List<String> lines = doc.lines().stream().map(IptablesLine::text).toList();
                int commit = lines.indexOf("*" + c.table());
                while (!lines.get(commit).equals("COMMIT")) {
                  commit++;
                }
                int at = commit;
                while (lines.get(at - 1).startsWith("#")) {
                  at--;
                }
                Set<Integer> added = new HashSet<>();
                for (int i = 0; i < c.block().size(); i++) {
                  added.add(at + i);
                }
                if (at < commit) {
                  added.add(at + c.block().size());
                }
                RoundTripAssertions.assertOnlyLinesAdded(text, after.render(), added);
                // the typed view: the table gained exactly the block, at its end; others unchanged
                for (String t : c.tables().keySet()) {
                  List<IptablesRule> expected = new ArrayList<>(doc.rules(t));
                  if (t.equals(c.table())) {
                    c.block()
                        .forEach(
                            l ->
                                expected.add(
                                    IptablesRule.of(IptablesArguments.split(l).arguments())));
                  }
                  assertThat(after.rules(t)).isEqualTo(expected);
                }
                // adding it again changes nothing; removing it gives back every byte
                assertThat(after.withLinesBeforeCommit(c.table(), c.block())).isSameAs(after);
                assertThat(after.withoutLines(c.table(), c.block()).render()).isEqualTo(text);
              });
      inserted.verify();
    }
  }
}
