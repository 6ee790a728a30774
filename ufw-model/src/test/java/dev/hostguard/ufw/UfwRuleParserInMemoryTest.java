package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser is hermetic with a services table built in memory: names resolve through it alone
 * (service names no host knows, and a host service missing from it).
 */
class UfwRuleParserInMemoryTest {
  private static final ServicesDatabase TABLE =
      ServicesDatabase.builder()
          .add("ssh", 22, "tcp")
          .add("hg-both", 4242, "tcp")
          .add("hg-both", 4242, "udp")
          .add("hg-dns", 5353, "udp", "hg-dns-alias")
          .build();
  private static final UfwRuleParser PARSER = UfwRuleParser.of(TABLE);

  private static UfwRule rule(String... argv) {
    return ((UfwCommand.RuleChange) PARSER.parse(List.of(argv))).rule();
  }

  @Test
  void limitInSshResolvesThroughTheTable() {
    UfwRule r = rule("limit", "in", "ssh");
    assertThat(r.action()).isEqualTo(UfwAction.LIMIT);
    assertThat(r.destinationPort()).isEqualTo("22");
    assertThat(r.protocol()).isEqualTo(UfwProtocol.TCP);
    assertThat(UfwRuleFormat.command(r)).isEqualTo("limit 22/tcp");
  }

  @Test
  void protocolsComeFromTheTable() {
    assertThat(rule("allow", "hg-both").protocol()).isEqualTo(UfwProtocol.ANY);
    assertThat(rule("allow", "hg-dns").protocol()).isEqualTo(UfwProtocol.UDP);
    assertThat(rule("allow", "hg-dns-alias").destinationPort()).isEqualTo("5353");
    assertThat(rule("allow", "to", "any", "port", "hg-both").destinationPort()).isEqualTo("4242");
  }

  @Test
  void aServiceTheTableLacksIsRefused() {
    // every host lists http; this table does not
    assertThatThrownBy(() -> PARSER.parse(List.of("allow", "to", "any", "port", "http")))
        .isInstanceOf(UfwRuleException.class);
  }
}
