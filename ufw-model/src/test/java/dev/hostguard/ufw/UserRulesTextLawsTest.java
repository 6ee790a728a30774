package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.gen.UfwCommandGens;
import dev.hostguard.ufw.gen.UfwRuleGens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Law: the one-buffer writer ({@link UserRulesFile#writeText}, which formats a rule's single line
 * in place) writes exactly the text of the piece-by-piece writer the dry-run mirror checks against
 * ufw ({@link UserRulesFile#writeChunks}, every line through {@link RuleIptables#expand}), for
 * generated rules, for the rules ufw's parser makes of generated command lines, and for the forms
 * where the in-place path must step aside (logging, limit, {@code -p all} split by a port or by an
 * interface whose name ends in "port"). The same for one rule's lines ({@link
 * UserRulesFile#iptablesLines}, which formats a single line in place too).
 */
class UserRulesTextLawsTest {
  private static final UfwRuleParser PARSER = UfwRuleParser.fromHost();

  private static void assertSameText(List<UfwRule> rules, boolean v6) {
    for (UserRulesOptions o : List.of(UserRulesOptions.stock())) {
      assertThat(UserRulesFile.writeText(rules, v6, o))
          .isEqualTo(String.join("", UserRulesFile.writeChunks(rules, v6, o)));
    }
    for (UfwRule r : rules) {
      List<String> lines = new ArrayList<>();
      UserRulesFile.iptablesLines(r).forEach(l -> lines.add(l + "\n"));
      assertThat(lines).as("iptablesLines(%s)", r).isEqualTo(RuleIptables.lines(r));
    }
  }

  @Test
  void generatedRuleListsWriteTheSameText() {
    for (long seed : Exploration.seeds("UserRulesText.generated", 81L)) {
      for (boolean v6 : List.of(false, true)) {
        qt().withFixedSeed(seed)
            .withExamples(Exploration.examples())
            .forAll(UfwRuleGens.ruleLists(v6, 8))
            .checkAssert(rules -> assertSameText(rules, v6));
      }
    }
  }

  @Test
  void parsedRulesWriteTheSameText() {
    for (long seed : Exploration.seeds("UserRulesText.parsed", 82L)) {
      int examples = Exploration.examples();
      Exploration.Floor checked = Exploration.floor("parsed rules seed " + seed, examples / 10);
      qt().withFixedSeed(seed)
          .withExamples(examples)
          .forAll(UfwCommandGens.commandLines())
          .checkAssert(
              argv -> {
                UfwRuleSet.Change c;
                try {
                  c = UfwRuleSet.empty().apply(PARSER.parse(argv));
                } catch (UfwRuleException e) {
                  return;
                } catch (IllegalArgumentException e) {
                  return;
                }
                checked.count();
                assertSameText(c.after().ipv4Rules(), false);
                assertSameText(c.after().ipv6Rules(), true);
              });
      checked.verify();
    }
  }

  @Test
  void formsTheInPlacePathLeavesToExpand() {
    List<UfwRule> v4 = new ArrayList<>();
    List<UfwRule> v6 = new ArrayList<>();
    for (List<String> argv :
        List.of(
            List.of("deny", "from", "10.0.0.0/8"),
            List.of("deny", "in", "on", "export", "from", "10.0.0.1"),
            List.of("allow", "in", "on", "airport", "to", "any"),
            List.of("allow", "out", "on", "eth0port", "from", "any"),
            List.of("reject", "in", "on", "support", "from", "10.0.0.1"),
            List.of("reject", "22"),
            List.of("reject", "log", "22/tcp"),
            List.of("allow", "log-all", "from", "10.0.0.1"),
            List.of("limit", "22/tcp"),
            List.of("limit", "log", "ssh"),
            List.of("allow", "53"),
            List.of("route", "allow", "in", "on", "eth0", "out", "on", "eth1"),
            List.of("deny", "proto", "esp", "from", "2001:db8::/32"),
            List.of("allow", "from", "10.0.0.0/8", "to", "any", "port", "80,443", "proto", "tcp"),
            List.of("allow", "80/tcp", "comment", "web"))) {
      UfwRuleSet.Change c = UfwRuleSet.empty().apply(PARSER.parse(argv));
      v4.addAll(c.after().ipv4Rules());
      v6.addAll(c.after().ipv6Rules());
    }
    assertSameText(v4, false);
    assertSameText(v6, true);
    // the interface named like a port keyword splits into tcp and udp, as ufw writes it
    assertThat(UserRulesFile.writeText(v4, false, UserRulesOptions.stock()))
        .contains("-A ufw-user-input -i export -p tcp -s 10.0.0.1 -j DROP\n")
        .contains("-A ufw-user-input -i export -p udp -s 10.0.0.1 -j DROP\n")
        .contains("-A ufw-user-input -s 10.0.0.0/8 -j DROP\n");
  }
}
