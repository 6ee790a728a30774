package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.ufw.gen.UfwCommandGens;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Laws: parse(render(rule)) == rule, and the canonical rendering is a fixed point. */
class UfwRuleLawsTest {
  private static final UfwRuleParser PARSER = UfwRuleParser.system();

  private static Optional<UfwCommand.RuleChange> tryParse(List<String> argv) {
    try {
      UfwCommand c = PARSER.parse(argv);
      return c instanceof UfwCommand.RuleChange
          ? Optional.of((UfwCommand.RuleChange) c)
          : Optional.empty();
    } catch (UfwRuleException e) {
      return Optional.empty();
    }
  }

  @Test
  void parseOfRenderedArgvIsTheSameRule() {
    qt().withFixedSeed(7L)
        .withExamples(5000)
        .forAll(UfwCommandGens.commandLines())
        .checkAssert(
            argv ->
                tryParse(argv)
                    .ifPresent(
                        rc -> {
                          UfwCommand again = PARSER.parse(UfwRuleFormat.argv(rc.rule()));
                          assertThat(again).isInstanceOf(UfwCommand.RuleChange.class);
                          UfwCommand.RuleChange back = (UfwCommand.RuleChange) again;
                          assertThat(back.rule()).as("%s", argv).isEqualTo(rc.rule());
                          assertThat(back.ipVersion()).as("%s", argv).isEqualTo(rc.ipVersion());
                        }));
  }

  @Test
  void canonicalCommandIsAFixedPoint() {
    qt().withFixedSeed(11L)
        .withExamples(5000)
        .forAll(UfwCommandGens.commandLines())
        .checkAssert(
            argv ->
                tryParse(argv)
                    .ifPresent(
                        rc -> {
                          String canonical = UfwRuleFormat.command(rc.rule());
                          UfwRule again =
                              ((UfwCommand.RuleChange) PARSER.parse(UfwRuleFormat.argv(rc.rule())))
                                  .rule();
                          assertThat(UfwRuleFormat.command(again)).isEqualTo(canonical);
                        }));
  }

  @Test
  void userRulesTupleLinesReadBackToTheSameRules() {
    qt().withFixedSeed(13L)
        .withExamples(3000)
        .forAll(UfwCommandGens.commandLines())
        .checkAssert(
            argv ->
                tryParse(argv)
                    .filter(rc -> !rc.rule().isAppRule())
                    // ufw itself reads 'in_X!out_Y' back as direction in (documented loss)
                    .filter(
                        rc ->
                            rc.rule().direction() == UfwDirection.IN
                                || rc.rule().interfaceIn().isEmpty()
                                || rc.rule().interfaceOut().isEmpty())
                    .ifPresent(
                        rc -> {
                          UfwRule r = rc.rule();
                          String text =
                              UserRulesFile.write(List.of(r), r.v6(), UserRulesOptions.stock());
                          UserRulesFile f = UserRulesFile.parse("user.rules", text);
                          assertThat(f.render()).isEqualTo(text);
                          assertThat(f.rules()).containsExactly(r);
                        }));
  }
}
