package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.core.LosslessDocument;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import dev.hostguard.ufw.UfwRuleParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The status models built in code (builders), and their typed view as {@link UfwRule}s compared
 * with the rule grammar's reading of the same rules.
 */
class UfwStatusModelTest {
  private static final UfwRuleParser PARSER =
      UfwRuleParser.of(ServicesDatabase.parse("<none>", ""));

  /** One rule line as ufw's get_status formats it: "%-26s %-12s%-26s%s%s\n". */
  private static String line(String to, String action, String from, String attrs, String comment) {
    return String.format(Locale.ROOT, "%-26s %-12s%-26s%s%s\n", to, action, from, attrs, comment);
  }

  @Test
  void aStatusBuiltInCodeRendersAsUfwPrintsIt() {
    StatusEntry ssh =
        StatusEntry.builder()
            .to(StatusLocation.of("22/tcp"))
            .action(UfwAction.LIMIT)
            .direction(UfwDirection.IN)
            .from(StatusLocation.of("Anywhere"))
            .comment("allow SSH")
            .build();
    StatusEntry dns =
        StatusEntry.builder()
            .to(StatusLocation.of("53"))
            .action(UfwAction.ALLOW)
            .direction(UfwDirection.OUT)
            .from(StatusLocation.of("Anywhere"))
            .logType(UfwLogType.LOG)
            .build();
    StatusHeader header =
        StatusHeader.builder()
            .logging(StatusLogging.LOW)
            .incoming(UfwPolicy.DENY)
            .outgoing(UfwPolicy.ALLOW)
            .newProfiles(UfwPolicy.SKIP)
            .build();
    UfwStatus verbose =
        UfwStatus.builder().form(StatusForm.VERBOSE).header(header).addEntries(ssh, dns).build();
    String head =
        "Status: active\nLogging: on (low)\n"
            + "Default: deny (incoming), allow (outgoing), disabled (routed)\n"
            + "New profiles: skip\n\n"
            + "To                         Action      From\n"
            + "--                         ------      ----\n";
    String expected =
        head
            + line("22/tcp", "LIMIT IN", "Anywhere", "", " # allow SSH")
            + "\n"
            + line("53", "ALLOW OUT", "Anywhere", " (log)", "")
            + "\n";
    assertThat(verbose.render()).isEqualTo(expected);
    assertThat(UfwStatus.parse("v", expected)).isEqualTo(verbose);
    assertThat(UfwStatus.parse("v", expected).sourceName()).isEqualTo("v");

    UfwStatus numbered = UfwStatus.builder().form(StatusForm.NUMBERED).addEntries(ssh, dns).build();
    assertThat(numbered.render())
        .isEqualTo(
            "Status: active\n\n     To                         Action      From\n"
                + "     --                         ------      ----\n"
                + "[ 1] "
                + line("22/tcp", "LIMIT IN", "Anywhere", "", " # allow SSH")
                + "[ 2] "
                + line("53", "ALLOW OUT", "Anywhere", " (log, out)", "")
                + "\n");
    LosslessDocument doc = numbered;
    assertThat(doc.toBytes()).isEqualTo(numbered.render().getBytes(StandardCharsets.UTF_8));
    assertThat(numbered.rules())
        .containsExactly(
            UfwRule.builder()
                .action(UfwAction.LIMIT)
                .protocol(dev.hostguard.ufw.UfwProtocol.TCP)
                .destinationPort("22")
                .comment("allow SSH")
                .build(),
            UfwRule.builder()
                .action(UfwAction.ALLOW)
                .logType(UfwLogType.LOG)
                .destinationPort("53")
                .direction(UfwDirection.OUT)
                .build());
  }

  @Test
  void buildersRefuseWhatUfwCannotPrint() {
    StatusEntry ssh =
        StatusEntry.builder()
            .to(StatusLocation.of("22"))
            .action(UfwAction.ALLOW)
            .direction(UfwDirection.IN)
            .from(StatusLocation.of("Anywhere"))
            .build();
    assertThatThrownBy(() -> UfwStatus.builder().form(StatusForm.VERBOSE).addEntries(ssh).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
    StatusEntry routeOut = ssh.withRoute(true).withDirection(UfwDirection.OUT);
    assertThatThrownBy(
            () -> UfwStatus.builder().form(StatusForm.PLAIN).addEntries(routeOut).build())
        .hasMessageContaining("only the numbered form shows a route rule's direction");
    assertThatThrownBy(() -> ssh.withDirection(Optional.empty())).hasMessageContaining("in or out");
    assertThatThrownBy(
            () ->
                StatusHeader.builder()
                    .logging(StatusLogging.OFF)
                    .incoming(UfwPolicy.SKIP)
                    .outgoing(UfwPolicy.ALLOW)
                    .newProfiles(UfwPolicy.SKIP)
                    .build())
        .hasMessage("incoming policy skip");
    assertThat(StatusLocation.of("Anywhere (v6)").v6()).isTrue();
  }

  @Test
  void plainAndVerboseHaveNoTypedRules() {
    UfwStatus plain =
        UfwStatus.parse(
            "p",
            "Status: active\n\nTo                         Action      From\n"
                + "--                         ------      ----\n"
                + line("22", "ALLOW", "Anywhere", "", "")
                + "\n");
    assertThatThrownBy(plain::rules)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain");
    assertThat(UfwStatus.inactive().rules()).isEmpty();
  }

  @Test
  void aNumberedLineNoRuleCanPrintIsRefusedAtItsLine() {
    String text =
        "Status: active\n\n     To                         Action      From\n"
            + "     --                         ------      ----\n"
            + "[ 1] "
            + line("22", "ALLOW IN", "Anywhere", "", "")
            + "[ 2] "
            + line("22/nope", "ALLOW IN", "Anywhere", "", "")
            + "\n";
    UfwStatus s = UfwStatus.parse("n", text);
    assertThatThrownBy(s::rules)
        .isInstanceOfSatisfying(
            StatusParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(6);
              assertThat(e.sourceName()).isEqualTo("n");
              assertThat(e.reason()).contains("nope");
            });
  }

  @Test
  void showAddedGivesTheRulesOfItsCommands() {
    UfwAddedRules added =
        UfwAddedRules.parse(
            "a",
            "Added user rules (see 'ufw status' for running firewall):\n"
                + "ufw limit 22/tcp comment 'allow SSH'\n"
                + "ufw allow out 53\n"
                + "ufw route allow in on eth0 out on eth1 to 10.0.0.0/8 port 80 proto tcp\n");
    assertThat(added.rules()).hasSize(3);
    assertThat(added.rules().get(0).comment()).contains("allow SSH");
    assertThat(added.rules().get(1).direction()).isEqualTo(UfwDirection.OUT);
    assertThat(added.rules().get(2).route()).isTrue();
    assertThat(added.rules().get(2).interfaceOut()).contains("eth1");
    for (UfwRule r : added.rules()) {
      assertThat(UfwRuleFormat.command(r)).isIn(added.commands());
    }
    UfwAddedRules bad =
        UfwAddedRules.builder().sourceName("b").addCommands("allow 22", "default deny").build();
    assertThatThrownBy(bad::rules)
        .isInstanceOfSatisfying(
            StatusParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(5);
            });
    assertThatThrownBy(() -> UfwAddedRules.parse("s", "Status: inactive\n"))
        .isInstanceOf(StatusParseException.class);
  }

  /** The rule a status line shows is the rule the rule grammar reads from that rule's argv. */
  @Test
  void typedRulesOfANumberedStatusAgreeWithTheRuleGrammar() {
    qt().withFixedSeed(9L)
        .withExamples(300)
        .forAll(StatusDerivationTest.ruleSets(false))
        .checkAssert(
            generated -> {
              List<UfwRule> rules =
                  generated.stream().filter(UfwStatusModelTest::ufwCanMake).toList();
              UfwStatus numbered =
                  UfwStatus.parse(
                      "n",
                      StatusDerivation.status(
                              StatusForm.NUMBERED, rules, StatusDerivationTest.HEADER)
                          .render());
              for (UfwRule r : numbered.rules()) {
                assertThat(parsedArgv(r)).as(UfwRuleFormat.command(r)).isEqualTo(r);
              }
              // rules without a profile come back exactly (profile rules are templates)
              assertThat(numbered.rules().stream().filter(r -> !r.isAppRule()))
                  .containsExactlyElementsOf(rules.stream().filter(r -> !r.isAppRule()).toList());
            });
  }

  /**
   * Whether ufw's grammar can write the rule: a route rule's direction is that of its interface
   * clause ({@code route allow out 22} is "Invalid interface clause for route rule").
   */
  static boolean ufwCanMake(UfwRule r) {
    if (!r.route() || (r.interfaceIn().isPresent() && r.interfaceOut().isPresent())) {
      return true;
    }
    return r.direction() == (r.interfaceOut().isPresent() ? UfwDirection.OUT : UfwDirection.IN);
  }

  static UfwRule parsedArgv(UfwRule r) {
    UfwCommand c = PARSER.parse(UfwRuleFormat.argv(r));
    assertThat(c).isInstanceOf(UfwCommand.RuleChange.class);
    return ((UfwCommand.RuleChange) c).rule().withV6(r.v6());
  }
}
