package dev.hostguard.ufw.iptables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.collect.Multiset;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Edited rules files proved valid by a real load, not by {@code iptables-restore --test} (which,
 * with Debian's nft backend, accepts a jump to a chain that does not exist): the real ufw enables
 * the edited files inside a private network and mount namespace ({@link UfwSandbox}, nft backend),
 * and the kernel's rules read back with {@code iptables -S} / {@code ip6tables -S} must be the
 * stock load's plus exactly the rules the edit added, compared as multisets of (chain, matches,
 * target). N: 7 sandbox runs (one stock and two edits for each of the two shipped directories, one
 * refused edit), about 5 s each here.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.IPTABLES_RESTORE, RealTool.IP6TABLES_RESTORE, RealTool.UNSHARE},
    root = true)
class ShippedRulesLoadTest {
  private static final List<String> ENABLE = List.of("--force", "enable");
  private static final String BLOCK_RULE =
      "-A INPUT -p tcp --dport 22 -m comment --comment \"hostguard test\" -j ACCEPT";

  /** What one real load left: ufw's exit and the v4 and v6 rules the kernel holds. */
  record Load(
      CommandResult enable,
      ImmutableMultiset<LoadedRules.Rule> v4,
      ImmutableMultiset<LoadedRules.Rule> v6) {}

  static Load load(Map<String, String> etcUfwFiles) {
    UfwSandbox.Builder b = UfwSandbox.builder().backend(UfwSandbox.Backend.NFT);
    etcUfwFiles.forEach(b::etcUfwFile);
    UfwSandbox.Run run = b.build().runCollecting(List.of(ENABLE));
    return new Load(
        run.results().get(0),
        LoadedRules.of(run.iptablesRules()),
        LoadedRules.of(run.ip6tablesRules()));
  }

  /**
   * Fails unless ufw enabled {@code edited} (file name to content) and the kernel then holds the
   * rules of {@code baseline} plus {@code addedV4} / {@code addedV6}, nothing more or less.
   */
  static void assertLoads(
      Map<String, String> edited, Load baseline, List<String> addedV4, List<String> addedV6) {
    Load l = load(edited);
    assertThat(l.enable().exitCode())
        .as("ufw enable of %s: %s", edited.keySet(), l.enable().stderr())
        .isZero();
    assertThat(l.v4()).as("iptables -S").isEqualTo(plus(baseline.v4(), addedV4));
    assertThat(l.v6()).as("ip6tables -S").isEqualTo(plus(baseline.v6(), addedV6));
  }

  private static ImmutableMultiset<LoadedRules.Rule> plus(
      ImmutableMultiset<LoadedRules.Rule> base, List<String> lines) {
    Multiset<LoadedRules.Rule> out = HashMultiset.create(base);
    lines.forEach(l -> out.add(LoadedRules.rule(l)));
    return ImmutableMultiset.copyOf(out);
  }

  /** Every rules file ufw ships, in {@code /usr/share/ufw/iptables} and {@code /etc/ufw}. */
  static List<Path> shippedRules() throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (Path dir : List.of(Path.of("/usr/share/ufw/iptables"), Path.of("/etc/ufw"))) {
      if (Files.isDirectory(dir)) {
        out.addAll(shippedRules(dir));
      }
    }
    return out;
  }

  static List<Path> shippedRules(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".rules")).sorted().toList();
    }
  }

  /** Every shipped rules file of {@code dir} as ufw would load it, edited by {@code edit}. */
  private static Map<String, String> files(Path dir, UnaryOperator<IptablesRestoreDocument> edit)
      throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path f : shippedRules(dir)) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      out.put(
          f.getFileName().toString(),
          edit.apply(IptablesRestoreDocument.parseValid(f.toString(), text)).render());
    }
    return out;
  }

  @Test
  void editsOfEveryShippedFileLoadWithExactlyTheAddedRules() throws IOException {
    for (Path dir : List.of(Path.of("/usr/share/ufw/iptables"), Path.of("/etc/ufw"))) {
      if (!Files.isDirectory(dir) || shippedRules(dir).isEmpty()) {
        continue;
      }
      Map<String, String> stock = files(dir, d -> d);
      Load baseline = load(stock);
      assertThat(baseline.enable().exitCode()).as(baseline.enable().stderr()).isZero();
      assertThat(baseline.v4()).as("the stock rules load").isNotEmpty();

      // psad's LOG lines in every file: twice each per before/after file of a family
      Map<String, String> psad = files(dir, IptablesPsadLogging::apply);
      assertLoads(psad, baseline, psadLines(psad, false), psadLines(psad, true));

      // one rule at the end of each file's filter table
      Map<String, String> block =
          files(dir, d -> d.withLinesBeforeCommit("filter", List.of(BLOCK_RULE)));
      long v4Files = block.keySet().stream().filter(n -> !n.contains("6")).count();
      long v6Files = block.size() - v4Files;
      assertLoads(
          block,
          baseline,
          java.util.Collections.nCopies((int) v4Files, BLOCK_RULE),
          java.util.Collections.nCopies((int) v6Files, BLOCK_RULE));
    }
  }

  /** The rule lines the psad edit added to the files of one family (the lines not in stock). */
  private static List<String> psadLines(Map<String, String> edited, boolean v6) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : edited.entrySet()) {
      if (e.getKey().contains("6") != v6) {
        continue;
      }
      IptablesRestoreDocument doc = IptablesRestoreDocument.parse(e.getKey(), e.getValue());
      IptablesRestoreDocument stockDoc =
          IptablesRestoreDocument.parse(
              e.getKey(),
              Files.readString(
                  Path.of("/usr/share/ufw/iptables", e.getKey()), StandardCharsets.UTF_8));
      Multiset<String> lines = HashMultiset.create();
      doc.lines().stream()
          .filter(l -> l.kind() == IptablesLineKind.RULE)
          .forEach(l -> lines.add(l.text()));
      stockDoc.lines().stream()
          .filter(l -> l.kind() == IptablesLineKind.RULE)
          .forEach(l -> lines.remove(l.text()));
      out.addAll(lines);
    }
    return out;
  }

  /**
   * The reason for this class: {@code iptables-restore --test} accepts a before.rules that jumps to
   * a chain nobody declares; the real load refuses it, and so does {@link #assertLoads}.
   */
  @Test
  void aJumpToAMissingChainPassesTestButNotARealLoad() throws Exception {
    Path dir = Path.of("/usr/share/ufw/iptables");
    IptablesRestoreDocument stock =
        IptablesRestoreDocument.parseValid(
            "before.rules", Files.readString(dir.resolve("before.rules"), StandardCharsets.UTF_8));
    IptablesRestoreDocument edited =
        stock.withLinesBeforeCommit("filter", List.of("-A ufw-before-input -j NOPE_CHAIN"));
    assertThat(edited.validate()).isEmpty(); // syntax only: our validation cannot know the chains
    IptablesRestoreOracle.Verdict test = IptablesRestoreOracle.test(edited.render(), false);
    assertThat(test.accepted()).as("iptables-restore --test: %s", test.stderr()).isTrue();

    Load load = load(Map.of("before.rules", edited.render()));
    assertThat(load.enable().exitCode()).isNotZero();
    assertThat(load.enable().stderr()).contains("NOPE_CHAIN");
    assertThat(load.v4()).doesNotContain(LoadedRules.rule("-A ufw-before-input -j NOPE_CHAIN"));
    assertThatThrownBy(
            () ->
                assertLoads(
                    Map.of("before.rules", edited.render()),
                    new Load(load.enable(), ImmutableMultiset.of(), ImmutableMultiset.of()),
                    List.of("-A ufw-before-input -j NOPE_CHAIN"),
                    List.of()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ufw enable");
  }
}
