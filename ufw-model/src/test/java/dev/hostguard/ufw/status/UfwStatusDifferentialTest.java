package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import dev.hostguard.testing.gen.StatusRuleSetGen;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real ufw, in a private network + mount namespace: generated rule sets, each captured as {@code
 * status} (inactive, then active), {@code status verbose}, {@code status numbered} and {@code show
 * added}; each output must parse, render back byte for byte, and equal what {@link
 * StatusDerivation} derives from the {@code user*.rules} ufw wrote.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE},
    root = true)
class UfwStatusDifferentialTest {
  private static final int RULE_SETS = 21;

  static List<ImmutableList<ImmutableList<String>>> ruleSets() {
    List<ImmutableList<ImmutableList<String>>> sets = new ArrayList<>();
    // 21 rule sets from the fixed seed, 5 from a fresh one (printed)
    for (long seed : Exploration.seeds("UfwStatusDifferentialTest", 20261125L)) {
      sets.addAll(
          Exploration.sample(StatusRuleSetGen.ruleSets(), seed, seed == 20261125L ? RULE_SETS : 5));
    }
    return sets;
  }

  @TestFactory
  Stream<DynamicTest> realStatusOutputsRoundTripAndMatchDerivation() {
    List<ImmutableList<ImmutableList<String>>> sets = ruleSets();
    assertThat(sets).hasSizeGreaterThanOrEqualTo(20);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      ImmutableList<ImmutableList<String>> set = sets.get(i);
      tests.add(DynamicTest.dynamicTest("rule set " + i + ": " + set, () -> check(set)));
    }
    return tests.stream();
  }

  private static void check(List<ImmutableList<String>> setup) throws Exception {
    boolean forwarding = setup.stream().anyMatch(c -> c.get(0).equals("sysctl"));
    List<List<String>> cmds = new ArrayList<>();
    for (List<String> c : setup) {
      if (c.get(0).equals("ufw")) {
        cmds.add(c.subList(1, c.size()));
      }
    }
    int first = cmds.size();
    cmds.add(List.of("status"));
    cmds.add(List.of("--force", "enable"));
    cmds.add(List.of("status"));
    cmds.add(List.of("status", "verbose"));
    cmds.add(List.of("status", "numbered"));
    cmds.add(List.of("show", "added"));
    UfwSandbox.Run run = UfwSandbox.builder().ipForwarding(forwarding).build().runCollecting(cmds);
    List<CommandResult> r = run.results();
    CommandResult enable = r.get(first + 1);
    assertThat(enable.exitCode()).as("enable: %s", enable.stderr()).isZero();

    String inactive = r.get(first).stdout();
    String plain = r.get(first + 2).stdout();
    String verbose = r.get(first + 3).stdout();
    String numbered = r.get(first + 4).stdout();
    String added = r.get(first + 5).stdout();
    assertThat(inactive).isEqualTo("Status: inactive\n");

    UfwStatus pInactive = UfwStatus.parse("status", inactive);
    UfwStatus pPlain = UfwStatus.parse("status", plain);
    UfwStatus pVerbose = UfwStatus.parse("status verbose", verbose);
    UfwStatus pNumbered = UfwStatus.parse("status numbered", numbered);
    UfwStatusOutput pAdded = UfwStatusOutput.parse("show added", added);
    assertThat(pInactive.form()).isEqualTo(StatusForm.INACTIVE);
    assertThat(pVerbose.form()).isEqualTo(StatusForm.VERBOSE);
    assertThat(pAdded).isInstanceOf(UfwAddedRules.class);
    assertThat(pPlain.render()).isEqualTo(plain);
    assertThat(pVerbose.render()).isEqualTo(verbose);
    assertThat(pNumbered.render()).isEqualTo(numbered);
    assertThat(pAdded.render()).isEqualTo(added);

    String userRules = run.etcUfwFiles().get("user.rules");
    String user6Rules = run.etcUfwFiles().get("user6.rules");
    UfwConf conf = UfwConf.parseValid("ufw.conf", run.etcUfwFiles().get("ufw.conf"));
    UfwDefaults defaults = UfwDefaults.parseValid("default/ufw", run.defaultUfw());
    List<UfwRule> rules = new ArrayList<>(UserRulesFile.parse("user.rules", userRules).rules());
    if (defaults.ipv6()) {
      rules.addAll(UserRulesFile.parse("user6.rules", user6Rules).rules());
    }
    StatusHeader header = StatusHeader.of(conf, defaults, forwarding);
    assertThat(conf.enabled()).isTrue();
    // the same settings applied by our edits to the stock files give ufw's files byte for byte
    assertThat(edited(setup, true)).isEqualTo(conf.render());
    assertThat(edited(setup, false)).isEqualTo(defaults.render());
    assertThat(StatusDerivation.status(StatusForm.PLAIN, rules, header).render()).isEqualTo(plain);
    assertThat(StatusDerivation.status(StatusForm.VERBOSE, rules, header).render())
        .isEqualTo(verbose);
    assertThat(StatusDerivation.status(StatusForm.NUMBERED, rules, header).render())
        .isEqualTo(numbered);
    assertThat(StatusDerivation.showAdded(rules).render()).isEqualTo(added);
    assertThat(pVerbose.header()).isEqualTo(Optional.of(header));
    // numbered entries map back to the commands show added lists for the rules the numbered
    // status shows (all of them unless two application rules share a tuple, then the first)
    List<String> shown = StatusDerivation.showAdded(AppTuples.shownOnce(rules)).commands();
    assertThat(StatusDerivation.showAdded(pNumbered.rules()).commands())
        .isEqualTo(((UfwAddedRules) pAdded).commands().stream().filter(shown::contains).toList());
    // show added lines parse with the rule grammar back to the same rules
    List<UfwCommand> parsed = new ArrayList<>();
    for (String c : ((UfwAddedRules) pAdded).commands()) {
      parsed.add(UfwRuleParser.fromHost().parse(StatusRuleMapping.words(c)));
    }
    List<String> again = new ArrayList<>();
    for (UfwCommand c : parsed) {
      again.add(UfwRuleFormat.command(((UfwCommand.RuleChange) c).rule()));
    }
    assertThat(again).isEqualTo(((UfwAddedRules) pAdded).commands());
    // the typed view of show added reads the same rules with no services table
    List<UfwRule> addedRules = new ArrayList<>();
    for (UfwCommand c : parsed) {
      addedRules.add(((UfwCommand.RuleChange) c).rule());
    }
    assertThat(((UfwAddedRules) pAdded).rules()).isEqualTo(addedRules);
    // the typed rules of the numbered status: the rules of user*.rules (profiles as templates),
    // each the rule the rule grammar reads from its own argv
    for (UfwRule rule : pNumbered.rules()) {
      assertThat(UfwStatusModelTest.parsedArgv(rule))
          .as(UfwRuleFormat.command(rule))
          .isEqualTo(rule);
    }
    assertThat(pNumbered.rules().stream().filter(rule -> !rule.isAppRule()))
        .containsExactlyElementsOf(rules.stream().filter(rule -> !rule.isAppRule()).toList());
  }

  /**
   * The stock ufw.conf or /etc/default/ufw with the setup's settings applied through UfwConf /
   * UfwDefaults.
   */
  private static String edited(List<ImmutableList<String>> setup, boolean conf) throws Exception {
    UfwConf c =
        UfwConf.parseValid("ufw.conf", Files.readString(Path.of("/usr/share/ufw/ufw.conf")));
    // UfwSandbox blanks IPT_MODULES so that ufw loads no kernel modules
    UfwDefaults d =
        UfwDefaults.parseValid(
            "default",
            Files.readString(Path.of("/etc/default/ufw"))
                .replaceAll("(?m)^IPT_MODULES=.*$", "IPT_MODULES=\"\""));
    for (List<String> cmd : setup) {
      if (cmd.size() == 4 && cmd.get(1).equals("default")) {
        UfwPolicy p =
            cmd.get(2).equals("allow")
                ? UfwPolicy.ALLOW
                : cmd.get(2).equals("reject") ? UfwPolicy.REJECT : UfwPolicy.DENY;
        d =
            switch (cmd.get(3)) {
              case "incoming" -> d.withInputPolicy(p);
              case "outgoing" -> d.withOutputPolicy(p);
              default -> d.withForwardPolicy(p);
            };
      } else if (cmd.size() == 3 && cmd.get(1).equals("logging")) {
        String level = cmd.get(2);
        c =
            c.withLogLevel(
                level.equals("on") ? (c.logLevel().equals("off") ? "low" : c.logLevel()) : level);
      } else if (cmd.size() == 4 && cmd.get(1).equals("app")) {
        d = d.withApplicationPolicy(UfwPolicy.fromTarget(appValue(cmd.get(3))).orElseThrow());
      }
    }
    c = c.withEnabled(true);
    return conf ? c.render() : d.render();
  }

  private static String appValue(String word) {
    return switch (word) {
      case "allow" -> "ACCEPT";
      case "deny" -> "DROP";
      default -> word.toUpperCase(java.util.Locale.ROOT);
    };
  }
}
