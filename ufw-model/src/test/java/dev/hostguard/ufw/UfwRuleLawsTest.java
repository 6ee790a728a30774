package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.gen.UfwCommandGens;
import dev.hostguard.ufw.gen.UfwRuleGens;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Laws: parse(render(rule)) == rule, the canonical rendering is a fixed point, rules files read
 * back to the rules written, and rule-set changes are idempotent and undoable. Each law runs its
 * fixed seed and a fresh one ({@link Exploration#seeds}); laws that skip cases count the cases they
 * checked and fail under a floor (a fifth of the examples), so none can pass on nothing.
 */
class UfwRuleLawsTest {
  private static final UfwRuleParser PARSER = UfwRuleParser.fromHost();

  private static Optional<UfwCommand.RuleChange> tryParse(List<String> argv) {
    try {
      UfwCommand c = PARSER.parse(argv);
      return c instanceof UfwCommand.RuleChange rc ? Optional.of(rc) : Optional.empty();
    } catch (UfwRuleException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs {@code law} on every generated command line ufw accepts as a rule change, for the fixed
   * seed and a fresh one, and fails when fewer than a fifth of the examples were rule changes.
   */
  private static void forEachRuleChange(
      String name, long seed, int atLeast, Consumer<UfwCommand.RuleChange> law) {
    int examples = Exploration.examples(atLeast);
    for (long s : Exploration.seeds(name, seed)) {
      Exploration.Floor checked = Exploration.floor(name + " seed " + s, examples / 5);
      qt().withFixedSeed(s)
          .withExamples(examples)
          .forAll(UfwCommandGens.commandLines())
          .checkAssert(
              argv ->
                  tryParse(argv)
                      .ifPresent(
                          rc -> {
                            checked.count();
                            law.accept(rc);
                          }));
      checked.verify();
    }
  }

  /**
   * An application or interface named as one of ufw's keywords ({@code in}, {@code to}, {@code
   * app}, …) reaches a rule only through argv ufw reshuffles ({@code allow in on comment X} is the
   * app {@code in}); no argv names it directly, in ufw either (which then finds no such profile).
   */
  private static boolean notExpressible(UfwRule r) {
    List<String> words =
        List.of(
            "in", "out", "on", "log", "log-all", "comment", "to", "from", "port", "proto", "app");
    return r.destinationApp().filter(words::contains).isPresent()
        || r.sourceApp().filter(words::contains).isPresent()
        || r.interfaceIn().filter(words::contains).isPresent()
        || r.interfaceOut().filter(words::contains).isPresent()
        || (r.route()
            && (r.destinationApp().filter(UfwRuleLawsTest::unreadableInRouteArgv).isPresent()
                || r.sourceApp().filter(UfwRuleLawsTest::unreadableInRouteArgv).isPresent()));
  }

  /**
   * A route rule's app name that ufw cannot read back from its own rendering: {@code in} or {@code
   * out} between spaces (ufw tests {@code ' '.join(argv)} for {@code " in "}, so {@code route allow
   * 'allow SSH connections in' comment x} is "Invalid interface clause for route rule", although it
   * reads {@code route allow comment x 'allow SSH connections in'}), or the name {@code delete}
   * ({@code route allow delete} ends in an IndexError inside ufw; {@code route delete allow delete}
   * is read). Both checked with ufw 0.36.2's installed parser.
   */
  private static boolean unreadableInRouteArgv(String app) {
    List<String> parts = List.of(app.split(" ", -1));
    return app.equals("delete")
        || (parts.size() > 1 && (parts.contains("in") || parts.contains("out")));
  }

  @Test
  void parseOfRenderedArgvIsTheSameRule() {
    forEachRuleChange(
        "parseOfRenderedArgvIsTheSameRule",
        7L,
        5000,
        rc -> {
          if (notExpressible(rc.rule())) {
            return;
          }
          UfwCommand again = PARSER.parse(UfwRuleFormat.argv(rc.rule()));
          assertThat(again).isInstanceOf(UfwCommand.RuleChange.class);
          UfwCommand.RuleChange back = (UfwCommand.RuleChange) again;
          assertThat(back.rule()).as("%s", rc).isEqualTo(rc.rule());
          assertThat(back.ipVersion()).as("%s", rc).isEqualTo(rc.ipVersion());
        });
  }

  @Test
  void canonicalCommandIsAFixedPoint() {
    forEachRuleChange(
        "canonicalCommandIsAFixedPoint",
        11L,
        5000,
        rc -> {
          if (notExpressible(rc.rule())) {
            return;
          }
          String canonical = UfwRuleFormat.command(rc.rule());
          UfwRule again =
              ((UfwCommand.RuleChange) PARSER.parse(UfwRuleFormat.argv(rc.rule()))).rule();
          assertThat(UfwRuleFormat.command(again)).isEqualTo(canonical);
        });
  }

  @Test
  void userRulesTupleLinesReadBackToTheSameRules() {
    forEachRuleChange(
        "userRulesTupleLinesReadBackToTheSameRules",
        13L,
        3000,
        rc -> {
          UfwRule r = rc.rule();
          // application templates are not stored rules; ufw itself reads 'in_X!out_Y' back as
          // direction in (documented loss)
          // and a rule with only the other direction's interface ('in out on X', 'out in on X')
          // is written as direction_X and read back with X on the direction's own side
          boolean oneSided =
              r.direction() == UfwDirection.IN
                  ? r.interfaceIn().isEmpty() && r.interfaceOut().isPresent()
                  : r.interfaceOut().isEmpty() && r.interfaceIn().isPresent();
          if (r.isAppRule()
              || notExpressible(r)
              || oneSided
              || (r.direction() != UfwDirection.IN
                  && !r.interfaceIn().isEmpty()
                  && !r.interfaceOut().isEmpty())) {
            return;
          }
          String text = UserRulesFile.of(List.of(r), r.v6(), UserRulesOptions.stock()).render();
          UserRulesFile f = UserRulesFile.parse("user.rules", text);
          assertThat(f.render()).isEqualTo(text);
          assertThat(f.rules()).containsExactly(r);
        });
  }

  @Test
  void generatedRulesFilesReadBackToTheSameRules() {
    for (boolean v6 : new boolean[] {false, true}) {
      for (long seed : Exploration.seeds("generatedRulesFiles v6=" + v6, v6 ? 17L : 19L)) {
        qt().withFixedSeed(seed)
            .withExamples(Exploration.examples())
            .forAll(UfwRuleGens.ruleLists(v6, 8))
            .checkAssert(
                rules -> {
                  String text = UserRulesFile.of(rules, v6, UserRulesOptions.stock()).render();
                  UserRulesFile f = UserRulesFile.parse(v6 ? "user6.rules" : "user.rules", text);
                  assertThat(f.render()).isEqualTo(text);
                  assertThat(f.rules()).isEqualTo(rules);
                });
      }
    }
  }

  /** Same target (everything ufw matches on) regardless of action, log type and comment. */
  private static boolean sameTarget(UfwRule a, UfwRule b) {
    UfwRule x = a.withV6(b.v6()).withAction(b.action()).withComment(b.comment());
    return x.toBuilder().logType(b.logType()).build().equals(b);
  }

  @Test
  void addingARuleTwiceChangesNothingTheSecondTime() {
    for (long seed : Exploration.seeds("addingARuleTwice", 23L)) {
      Exploration.Floor checked =
          Exploration.floor("addingARuleTwice seed " + seed, Exploration.examples() / 2);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(
              UfwRuleGens.ruleLists(false, 6), UfwRuleGens.ruleLists(true, 6), UfwRuleGens.rules())
          .checkAssert(
              (v4, v6, rule) -> {
                if (rule.isAppRule()) {
                  return; // application rules need profiles; the differential test covers them
                }
                checked.count();
                UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(v4).ipv6Rules(v6).build();
                UfwRuleSet once = set.add(rule).after();
                UfwRuleSet.Change twice = once.add(rule);
                assertThat(twice.changed()).isFalse();
                assertThat(twice.message()).startsWith("Skipping adding existing rule");
                assertThat(once.ipv4Rules().contains(rule) || once.ipv6Rules().contains(rule))
                    .isTrue();
              });
      checked.verify();
    }
  }

  @Test
  void deletingAnAddedRuleRestoresTheSet() {
    for (long seed : Exploration.seeds("deletingAnAddedRule", 29L)) {
      Exploration.Floor checked =
          Exploration.floor("deletingAnAddedRule seed " + seed, Exploration.examples() / 5);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(
              UfwRuleGens.ruleLists(false, 6), UfwRuleGens.ruleLists(true, 6), UfwRuleGens.rules())
          .checkAssert(
              (v4, v6, rule) -> {
                boolean taken =
                    v4.stream().anyMatch(r -> sameTarget(r, rule) || sameTarget(rule, r))
                        || v6.stream().anyMatch(r -> sameTarget(r, rule) || sameTarget(rule, r));
                if (rule.isAppRule() || taken) {
                  return;
                }
                checked.count();
                UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(v4).ipv6Rules(v6).build();
                UfwRuleSet.Change added = set.add(rule);
                assertThat(added.changed()).isTrue();
                UfwRuleSet back = added.after().delete(rule).after();
                assertThat(back.ipv4Rules()).isEqualTo(set.ipv4Rules());
                assertThat(back.ipv6Rules()).isEqualTo(set.ipv6Rules());
              });
      checked.verify();
    }
  }
}
