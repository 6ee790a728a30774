package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real ufw, in a private network + mount namespace (one sandbox run, N = 10 rule commands): the
 * application rules whose numbered status did not map back to {@code show added} in
 * StatusDerivationTest (issue #14, seed 8116012372754128903: route application rules with blank and
 * one-character comments), and the rules ufw holds side by side under one application tuple. ufw's
 * {@code status}, {@code status verbose}, {@code status numbered} and {@code show added} must equal
 * what {@link StatusDerivation} derives from the {@code user*.rules} ufw wrote, and the numbered
 * status must map back to exactly the show-added commands of the rules it shows.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE},
    root = true)
class StatusAppTupleDifferentialTest {

  /** The rule commands: the failing case's, then two pairs sharing an application tuple. */
  private static final List<List<String>> RULES =
      List.of(
          // the falsifying rule set of seed 8116012372754128903, as commands: the fourth is the
          // second with another comment, so ufw updates that rule instead of adding one
          List.of("route", "allow", "Mail submission", "comment", " "),
          List.of("route", "allow", "out", "on", "eth1", "to", "any", "app", "WWW Full"),
          List.of("route", "allow", "to", "0.0.0.0", "comment", " "),
          List.of(
              "route",
              "allow",
              "out",
              "on",
              "eth1",
              "to",
              "any",
              "app",
              "WWW Full",
              "comment",
              " "),
          List.of("route", "allow", "from", "::", "to", "::", "comment", "  "),
          List.of("route", "allow", "from", "::/4", "to", "::", "comment", "\u4e00 "),
          // the same interfaces typed in the other order: another direction to ufw's matcher, so
          // a second rule, read back as "in" with the same tuple as the first
          List.of(
              "route", "allow", "in", "on", "eth0", "out", "on", "eth1", "to", "any", "app", "WWW",
              "comment", "a"),
          List.of(
              "route", "allow", "out", "on", "eth1", "in", "on", "eth0", "to", "any", "app", "WWW",
              "comment", "b"),
          // an input rule and a route rule for one profile and interface: one tuple
          List.of("allow", "in", "on", "eth0", "to", "any", "app", "SSH", "comment", "x"),
          List.of("route", "allow", "in", "on", "eth0", "to", "any", "app", "SSH", "comment", "y"));

  @Test
  void numberedShowsEachApplicationTupleOnceAsUfwDoes() {
    List<List<String>> cmds = new ArrayList<>(RULES);
    cmds.add(List.of("--force", "enable"));
    cmds.add(List.of("status"));
    cmds.add(List.of("status", "verbose"));
    cmds.add(List.of("status", "numbered"));
    cmds.add(List.of("show", "added"));
    UfwSandbox.Run run = UfwSandbox.builder().ipForwarding(true).build().runCollecting(cmds);
    List<CommandResult> r = run.results();
    for (CommandResult c : r) {
      assertThat(c.exitCode()).as("%s: %s", c.command(), c.stderr()).isZero();
    }
    int first = RULES.size() + 1;
    String plain = r.get(first).stdout();
    String verbose = r.get(first + 1).stdout();
    String numbered = r.get(first + 2).stdout();
    String added = r.get(first + 3).stdout();

    UfwDefaults defaults = UfwDefaults.parseValid("default/ufw", run.defaultUfw());
    UfwConf conf = UfwConf.parseValid("ufw.conf", run.etcUfwFiles().get("ufw.conf"));
    assertThat(defaults.ipv6()).isTrue();
    List<UfwRule> rules =
        new ArrayList<>(
            UserRulesFile.parse("user.rules", run.etcUfwFiles().get("user.rules")).rules());
    rules.addAll(UserRulesFile.parse("user6.rules", run.etcUfwFiles().get("user6.rules")).rules());
    // ufw updated the failing case's WWW Full rule in place and kept both pairs: 7 IPv4 and 8
    // IPv6 rules, of which the status shows each tuple once (the "b" and "y" rules hidden)
    assertThat(rules).hasSize(15);
    assertThat(AppTuples.shownOnce(rules)).hasSize(11);

    StatusHeader header = StatusHeader.of(conf, defaults, true);
    assertThat(StatusDerivation.status(StatusForm.PLAIN, rules, header).render()).isEqualTo(plain);
    assertThat(StatusDerivation.status(StatusForm.VERBOSE, rules, header).render())
        .isEqualTo(verbose);
    assertThat(StatusDerivation.status(StatusForm.NUMBERED, rules, header).render())
        .isEqualTo(numbered);
    assertThat(StatusDerivation.showAdded(rules).render()).isEqualTo(added);

    UfwStatus pNumbered = UfwStatus.parse("status numbered", numbered);
    UfwAddedRules pAdded = (UfwAddedRules) UfwStatusOutput.parse("show added", added);
    assertThat(pNumbered.render()).isEqualTo(numbered);
    assertThat(pNumbered.entries()).hasSize(11);
    assertThat(numbered).doesNotContain("# b\n").doesNotContain("# y\n");
    // ufw's show added lists the two hidden rules; the numbered status maps back to the rest
    List<String> hidden =
        List.of(
            "route allow in on eth0 out on eth1 to any app WWW comment 'b'",
            "route allow in on eth0 to any app SSH comment 'y'");
    assertThat(pAdded.commands()).containsAll(hidden);
    List<String> shownCommands = new ArrayList<>(pAdded.commands());
    shownCommands.removeAll(hidden);
    assertThat(StatusDerivation.showAdded(pNumbered.rules()).commands())
        .isEqualTo(shownCommands)
        .isEqualTo(StatusDerivation.showAdded(AppTuples.shownOnce(rules)).commands());
    assertThat(pAdded.commands())
        .contains(
            "route allow 'Mail submission' comment ' '",
            "route allow out on eth1 to any app 'WWW Full' comment ' '",
            "route allow from ::/4 to :: comment '\u4e00 '")
        .doesNotContain("route allow out on eth1 to any app 'WWW Full'");
  }
}
