package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed chapter's commands: hostguard's dry run equals the output real ufw 0.36.2 printed for
 * them (fixtures in {@code src/test/resources/ufw/seed/}, recorded from {@code ufw --dry-run} on a
 * stock data dir holding the chapter's Plex profile).
 */
@RequiresRealTool({RealTool.UFW})
class SeedGoldenTest {
  @TempDir static Path tmp;
  static Path dir;

  @BeforeAll
  static void dataDir() throws IOException {
    dir = UfwDataDir.createStock(tmp.resolve("d"));
    Files.writeString(dir.resolve("etc/ufw/applications.d/plexmediaserver"), UfwOracle.PLEX);
    // outside a dry run ufw opens DIR/lib/ufw/ufw.lock
    Files.createDirectories(dir.resolve("lib/ufw"));
  }

  static Stream<Arguments> seedCommands() {
    return Stream.of(
        Arguments.of(
            "limit-ssh", List.of("limit", "in", "ssh", "comment", "allow SSH connections in")),
        Arguments.of("dns", List.of("allow", "out", "53", "comment", "allow DNS calls out")),
        Arguments.of("ntp", List.of("allow", "out", "123")),
        Arguments.of("http", List.of("allow", "out", "http")),
        Arguments.of("https", List.of("allow", "out", "https")),
        Arguments.of("ftp", List.of("allow", "out", "ftp")),
        Arguments.of("whois", List.of("allow", "out", "whois")),
        Arguments.of("dhcp67", List.of("allow", "out", "67")),
        Arguments.of("dhcp68", List.of("allow", "out", "68")),
        Arguments.of("plex", List.of("allow", "plexmediaserver")));
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = SeedGoldenTest.class.getResourceAsStream("/ufw/seed/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedCommands")
  void dryRunEqualsUfw(String name, List<String> args) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add("--dry-run");
    argv.addAll(args);
    UfwDryRun.Result r = UfwDryRun.of(dir, ServicesDatabase.fromHost()).run(argv);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo(fixture(name + ".out"));
  }

  @Test
  void appListAndInfo() throws IOException {
    UfwDryRun run = UfwDryRun.of(dir, ServicesDatabase.fromHost());
    assertThat(run.run(List.of("app", "list")).stdout()).isEqualTo(fixture("app-list.out"));
    assertThat(run.run(List.of("app", "info", "PlexMediaServer")).stdout())
        .isEqualTo(fixture("app-info-plex.out"));
    assertThat(run.run(List.of("app", "info", "all")).stdout())
        .isEqualTo(fixture("app-info-all.out"));
    UfwDryRun.Result lower = run.run(List.of("app", "info", "plexmediaserver"));
    assertThat(lower.exitCode()).isEqualTo(1);
    assertThat(lower.firstError() + "\n").isEqualTo(fixture("app-info-lower.err"));
  }

  @Test
  void seedRuleIsTheCanonicalShowAddedCommand() {
    UfwCommand c =
        UfwRuleParser.fromHost()
            .parse(List.of("limit", "in", "ssh", "comment", "allow SSH connections in"));
    UfwRule rule = ((UfwCommand.RuleChange) c).rule();
    assertThat(UfwRuleFormat.command(rule))
        .isEqualTo("limit 22/tcp comment 'allow SSH connections in'");
    assertThat(UserRulesFile.tupleLine(rule))
        .isEqualTo(
            "### tuple ### limit tcp 22 0.0.0.0/0 any 0.0.0.0/0 in"
                + " comment=616c6c6f772053534820636f6e6e656374696f6e7320696e");
  }
}
