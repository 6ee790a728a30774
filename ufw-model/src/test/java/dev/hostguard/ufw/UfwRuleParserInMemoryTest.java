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

  /**
   * Two rules whose canonical argv once read back as another rule (found by a fresh law seed). ufw
   * 0.36.2 writes tuple {@code ... in_eth0} for {@code allow in out on eth0 ...} (direction in,
   * {@code -o eth0}), and accepts {@code route allow Out ...} (direction out, no interface) while
   * refusing {@code route allow out ...} with "Invalid interface clause for route rule".
   */
  @Test
  void argvKeepsTheDirectionUfwKeeps() {
    UfwRule inOut = rule("allow", "in", "out", "on", "eth0", "to", "10.0.0.1", "port", "22");
    assertThat(inOut.direction()).isEqualTo(UfwDirection.IN);
    assertThat(UfwRuleFormat.argv(inOut))
        .containsExactly("allow", "in", "out", "on", "eth0", "to", "10.0.0.1", "port", "22");
    assertThat(rule(UfwRuleFormat.argv(inOut).toArray(String[]::new))).isEqualTo(inOut);

    UfwRule routeOut = rule("route", "allow", "Out", "log", "22");
    assertThat(routeOut.direction()).isEqualTo(UfwDirection.OUT);
    assertThat(UfwRuleFormat.argv(routeOut)).containsExactly("route", "allow", "Out", "log", "22");
    assertThat(rule(UfwRuleFormat.argv(routeOut).toArray(String[]::new))).isEqualTo(routeOut);
    // ufw 0.36.2 writes tuple '... out_eth0' for it and refuses 'allow in on eth0 out log ...'
    UfwRule outOnIn =
        rule("allow", "out", "in", "on", "eth0", "log", "proto", "tcp", "to", "any", "port", "22");
    assertThat(outOnIn.direction()).isEqualTo(UfwDirection.OUT);
    assertThat(UfwRuleFormat.argv(outOnIn)).startsWith("allow", "out", "in", "on", "eth0", "log");
    assertThat(rule(UfwRuleFormat.argv(outOnIn).toArray(String[]::new))).isEqualTo(outOnIn);

    UfwRule appAll = rule("allow", "to", "any", "app", "all");
    assertThat(UfwRuleFormat.argv(appAll)).containsExactly("allow", "to", "any", "app", "all");
    assertThatThrownBy(() -> PARSER.parse(List.of("allow", "all")))
        .isInstanceOf(UfwRuleException.class)
        .hasMessageContaining("Bad port");
    assertThatThrownBy(() -> PARSER.parse(List.of("route", "allow", "out", "log", "22")))
        .isInstanceOf(UfwRuleException.class)
        .hasMessageContaining("Invalid interface clause for route rule");
  }
}
