package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ufw's rule-set semantics through the public {@link UfwRuleSet}: each expectation is what ufw
 * 0.36.2 prints and writes for the same commands ({@code UfwRuleSetDifferentialTest} checks the
 * same engine against the real tool on generated sessions).
 */
class UfwRuleSetTest {
  private static final UfwRuleParser PARSER =
      UfwRuleParser.of(ServicesDatabase.parse("services", "ssh 22/tcp\nhttp 80/tcp\n"));

  private static UfwCommand cmd(String... words) {
    return PARSER.parse(List.of(words));
  }

  private static UfwRule rule(String... words) {
    return ((UfwCommand.RuleChange) cmd(words)).rule();
  }

  private static UfwRuleSet apply(UfwRuleSet set, String... words) {
    return set.apply(cmd(words)).after();
  }

  private static List<String> ports(List<UfwRule> rules) {
    return rules.stream().map(r -> r.action().word() + " " + r.destinationPort()).toList();
  }

  @Test
  void addingTwiceSkipsTheExistingRuleInBothFiles() {
    UfwRuleSet.Change first = UfwRuleSet.empty().apply(cmd("allow", "22/tcp"));
    assertThat(first.message()).isEqualTo("Rules updated\nRules updated (v6)");
    assertThat(first.changed()).isTrue();
    assertThat(first.after().ipv4Rules()).hasSize(1);
    assertThat(first.after().ipv6Rules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.v6()).isTrue();
              assertThat(r.destination()).isEqualTo("::/0");
            });

    UfwRuleSet.Change second = first.after().apply(cmd("allow", "22/tcp"));
    assertThat(second.message())
        .isEqualTo("Skipping adding existing rule\nSkipping adding existing rule (v6)");
    assertThat(second.changed()).isFalse();
    assertThat(second.after()).isEqualTo(first.after()).hasSameHashCodeAs(first.after());
    assertThat(first.after()).isNotEqualTo(UfwRuleSet.empty());
    assertThat(first.after().toString())
        .isEqualTo("UfwRuleSet[\n  allow 22/tcp\n  allow 22/tcp (v6)\n]");
  }

  @Test
  void aChangedActionOrCommentReplacesTheRuleInPlace() {
    UfwRuleSet set = UfwRuleSet.empty();
    set = apply(set, "allow", "80");
    set = apply(set, "allow", "22/tcp");
    set = apply(set, "allow", "443");
    UfwRuleSet.Change deny = set.apply(cmd("deny", "22/tcp", "comment", "closed"));
    assertThat(deny.message()).isEqualTo("Rules updated\nRules updated (v6)");
    assertThat(ports(deny.after().ipv4Rules())).containsExactly("allow 80", "deny 22", "allow 443");
    assertThat(deny.after().ipv4Rules().get(1).comment()).hasValue("closed");

    UfwRuleSet.Change comment = deny.after().apply(cmd("deny", "22/tcp", "comment", "shut"));
    assertThat(comment.changed()).isTrue();
    assertThat(comment.after().ipv6Rules().get(1).comment()).hasValue("shut");
  }

  @Test
  void deletingAnAbsentRuleSaysSoAndChangesNothing() {
    UfwRuleSet set = apply(UfwRuleSet.empty(), "allow", "22/tcp");
    UfwRuleSet.Change c = set.delete(rule("allow", "80/tcp"));
    assertThat(c.message())
        .isEqualTo("Could not delete non-existent rule\nCould not delete non-existent rule (v6)");
    assertThat(c.changed()).isFalse();

    UfwRuleSet.Change d = set.apply(cmd("delete", "allow", "22/tcp"));
    assertThat(d.message()).isEqualTo("Rules updated\nRules updated (v6)");
    assertThat(d.after().ipv4Rules()).isEmpty();
    assertThat(d.after().ipv6Rules()).isEmpty();
  }

  @Test
  void insertCountsAcrossBothFilesAndRefusesPositionsPastTheEnd() {
    UfwRuleSet set = apply(apply(UfwRuleSet.empty(), "allow", "80"), "allow", "443");
    UfwRuleSet inserted = set.insert(2, rule("deny", "22/tcp")).after();
    assertThat(ports(inserted.ipv4Rules())).containsExactly("allow 80", "deny 22", "allow 443");
    assertThat(ports(inserted.ipv6Rules())).containsExactly("allow 80", "deny 22", "allow 443");

    // status numbered shows 4 rules (2 IPv4, 2 IPv6): position 5 is past the end
    assertThatThrownBy(() -> set.apply(cmd("insert", "5", "deny", "22/tcp")))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Invalid position '5'");
    assertThatThrownBy(() -> set.insert(0, rule("deny", "22/tcp")))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Cannot insert rule at position '0'");
  }

  @Test
  void valueMethodsRefuseWithUfwsMessage() {
    UfwRuleSet set = apply(UfwRuleSet.empty(), "allow", "80");
    assertThatThrownBy(() -> set.delete(0))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Could not find rule '0'");
    assertThatThrownBy(() -> set.insert(7, rule("allow", "22/tcp")))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Invalid position '7'");
  }

  @Test
  void insertingAnExistingRuleIsSkipped() {
    UfwRuleSet set = apply(UfwRuleSet.empty(), "allow", "80");
    set = apply(set, "allow", "22/tcp");
    UfwRuleSet.Change c = set.insert(1, rule("allow", "22/tcp"));
    assertThat(c.message())
        .isEqualTo("Skipping inserting existing rule\nSkipping inserting existing rule (v6)");
    assertThat(c.changed()).isFalse();
  }

  @Test
  void prependGoesFirstAmongItsIpVersionOnly() {
    UfwRuleSet set = apply(UfwRuleSet.empty(), "allow", "80");
    UfwRuleSet.Change c = set.prepend(rule("deny", "from", "10.0.0.0/8"));
    assertThat(c.message()).isEqualTo("Rules updated");
    assertThat(c.after().ipv4Rules().get(0).source()).isEqualTo("10.0.0.0/8");
    assertThat(c.after().ipv6Rules()).hasSize(1);
    // the original set is untouched
    assertThat(set.ipv4Rules()).hasSize(1);
  }

  @Test
  void deleteByNumberUsesStatusNumberedOrder() {
    UfwRuleSet set = apply(apply(UfwRuleSet.empty(), "allow", "80"), "deny", "from", "10.0.0.0/8");
    // numbered: [1] 80 [2] from 10/8 [3] 80 (v6)
    assertThat(set.numbered(3)).hasValueSatisfying(r -> assertThat(r.v6()).isTrue());
    assertThat(set.numbered(4)).isEmpty();
    UfwRuleSet.Change c = set.delete(3);
    assertThat(c.message()).isEqualTo("Rules updated (v6)");
    assertThat(c.after().ipv6Rules()).isEmpty();
    assertThat(c.after().ipv4Rules()).hasSize(2);
    assertThatThrownBy(() -> set.delete(9))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Could not find rule '9'");
  }

  @Test
  void anActiveFirewallWordsEachResult() {
    UfwRuleSet set = UfwRuleSet.builder().firewallActive(true).build();
    UfwRuleSet.Change add = set.apply(cmd("allow", "22/tcp"));
    assertThat(add.message()).isEqualTo("Rule added\nRule added (v6)");
    UfwRuleSet.Change upd = add.after().apply(cmd("deny", "22/tcp"));
    assertThat(upd.message()).isEqualTo("Rule updated\nRule updated (v6)");
    UfwRuleSet.Change ins = upd.after().apply(cmd("insert", "1", "allow", "80"));
    assertThat(ins.message()).isEqualTo("Rule inserted\nRule inserted (v6)");
    UfwRuleSet.Change del = ins.after().apply(cmd("delete", "deny", "22/tcp"));
    assertThat(del.message()).isEqualTo("Rule deleted\nRule deleted (v6)");
  }

  @Test
  void ipv6OffAndIpv6LimitUnsupported() {
    UfwRuleSet v4only = UfwRuleSet.builder().ipv6Enabled(false).build();
    assertThat(v4only.apply(cmd("allow", "22/tcp")).message()).isEqualTo("Rules updated");
    assertThatThrownBy(() -> v4only.apply(cmd("allow", "from", "2001:db8::1")))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("IPv6 support not enabled");

    UfwRuleSet noLimit6 = UfwRuleSet.builder().ipv6LimitSupported(false).build();
    UfwRuleSet.Change c = noLimit6.apply(cmd("limit", "ssh"));
    assertThat(c.message()).isEqualTo("Rules updated\nSkipping unsupported IPv6 'limit' rule");
    assertThat(c.after().ipv6Rules()).isEmpty();
  }

  @Test
  void applicationRulesExpandPerPortAndDeleteTogether(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("mail"),
        "[Mail]\ntitle=Mail\ndescription=Mail server\nports=25,587/tcp|993/tcp\n");
    AppProfiles profiles =
        AppProfiles.load(dir, ServicesDatabase.parse("services", "smtp 25/tcp\n"));
    UfwRuleSet set = UfwRuleSet.builder().applicationProfiles(profiles).build();
    UfwRuleSet.Change add = set.apply(cmd("allow", "Mail"));
    assertThat(add.after().ipv4Rules())
        .extracting(UfwRule::destinationPort)
        .containsExactly("25,587", "993");
    assertThat(add.after().ipv4Rules())
        .allSatisfy(r -> assertThat(r.destinationApp()).hasValue("Mail"));
    // status numbered counts the application tuple once per IP version
    assertThat(add.after().numbered(2)).hasValueSatisfying(r -> assertThat(r.v6()).isTrue());
    assertThat(add.after().numbered(3)).isEmpty();

    UfwRuleSet.Change del = add.after().apply(cmd("delete", "allow", "Mail"));
    assertThat(del.after().ipv4Rules()).isEmpty();
    assertThat(del.after().ipv6Rules()).isEmpty();

    assertThatThrownBy(() -> set.apply(cmd("allow", "Nope")))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Could not find a profile matching 'Nope'");
  }

  @Test
  void listsHoldOnlyRulesOfTheirVersion() {
    UfwRule v4 = rule("allow", "22/tcp");
    assertThatThrownBy(() -> UfwRuleSet.builder().ipv6Rules(List.of(v4)).build())
        .isInstanceOf(IllegalArgumentException.class);
    UfwRuleSet set = UfwRuleSet.builder().ipv4Rules(List.of(v4)).build();
    assertThat(set.rulesFile(false, UserRulesOptions.stock()).render())
        .contains("### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in\n")
        .contains("-A ufw-user-input -p tcp --dport 22 -j ACCEPT\n");
  }
}
