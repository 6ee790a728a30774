package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole ufw tree in memory: text in, rule set and options out, files back; compared with what the
 * real ufw writes in a private namespace.
 */
class UfwTreeTest {
  private static final ServicesDatabase SERVICES =
      ServicesDatabase.parse("services", "ssh 22/tcp\n");
  private static final UfwRuleParser PARSER = UfwRuleParser.of(SERVICES);

  private static final String CONF = "ENABLED=no\nLOGLEVEL=low\n";
  private static final String DEFAULTS =
      "IPV6=yes\n"
          + "DEFAULT_INPUT_POLICY=\"DROP\"\n"
          + "DEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n"
          + "DEFAULT_FORWARD_POLICY=\"DROP\"\n"
          + "DEFAULT_APPLICATION_POLICY=\"SKIP\"\n"
          + "MANAGE_BUILTINS=no\n";

  private static Map<Path, String> minimal() {
    Map<Path, String> files = new HashMap<>();
    files.put(UfwTree.CONF, CONF);
    files.put(UfwTree.DEFAULTS, DEFAULTS);
    files.put(UfwTree.APPLICATIONS.resolve("openssh-server"), UfwOracle.OPENSSH);
    return files;
  }

  private static UfwTree apply(UfwTree tree, String... argv) {
    return tree.withRules(tree.rules().apply(PARSER.parse(List.of(argv))).after());
  }

  @Test
  void readsRulesOptionsAndProfilesFromMemory() {
    UfwTree tree = UfwTree.from(minimal(), SERVICES);
    assertThat(tree.rules().ipv6Enabled()).isTrue();
    assertThat(tree.rules().applicationProfiles().byName()).containsOnlyKeys("OpenSSH");
    assertThat(tree.options().logLevel()).isEqualTo(UfwLogLevel.LOW);
    assertThat(tree.options().outputPolicy()).isEqualTo(UfwPolicy.ALLOW);
    assertThat(tree.changedFiles()).isEmpty();

    UfwTree after = apply(tree, "allow", "openssh");
    assertThat(after.changedFiles()).containsOnlyKeys(UfwTree.USER_RULES, UfwTree.USER6_RULES);
    String v4 = after.changedFiles().get(UfwTree.USER_RULES);
    assertThat(v4).contains("### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 OpenSSH - in\n");
    // the files written read back to the same rules
    Map<Path, String> written = new HashMap<>(minimal());
    written.putAll(after.changedFiles());
    assertThat(UfwTree.from(written, SERVICES).rules()).isEqualTo(after.rules());
  }

  @Test
  void aMissingRequiredFileIsUfwsError() {
    Map<Path, String> files = minimal();
    files.remove(UfwTree.DEFAULTS);
    assertThatThrownBy(() -> UfwTree.from(files, SERVICES))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Couldn't open 'etc/default/ufw' for reading");
  }

  @Test
  void aPolicyChangeEditsOnlyItsLineWhileDisabled() {
    UfwTree tree = UfwTree.from(minimal(), SERVICES).withOutputPolicy(UfwPolicy.DENY);
    assertThat(tree.changedFiles()).containsOnlyKeys(UfwTree.DEFAULTS);
    assertThat(tree.changedFiles().get(UfwTree.DEFAULTS))
        .isEqualTo(DEFAULTS.replace("OUTPUT_POLICY=\"ACCEPT\"", "OUTPUT_POLICY=\"DROP\""));
    assertThat(tree.options().outputPolicy()).isEqualTo(UfwPolicy.DENY);
    assertThatThrownBy(() -> tree.withInputPolicy(UfwPolicy.SKIP))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Unsupported policy 'skip'");
  }

  /** {@code ufw default deny outgoing} in a namespace, disabled and enabled, against the tree. */
  @Test
  @RequiresRealTool(
      value = {RealTool.UFW, RealTool.UNSHARE},
      root = true)
  void defaultPolicyWritesWhatUfwWrites() {
    for (boolean enabled : new boolean[] {false, true}) {
      List<List<String>> before =
          enabled
              ? List.of(List.of("--force", "enable"), List.of("allow", "22/tcp"))
              : List.of(List.of("allow", "22/tcp"));
      List<List<String>> all = new java.util.ArrayList<>(before);
      all.add(List.of("default", "deny", "outgoing"));
      UfwSandbox sandbox = UfwSandbox.builder().build();
      UfwSandbox.Run first = sandbox.runCollecting(before);
      UfwSandbox.Run second = sandbox.runCollecting(all);

      UfwTree tree =
          UfwTree.from(treeOf(first), ServicesDatabase.fromHost()).withOutputPolicy(UfwPolicy.DENY);
      Map<Path, String> expected = treeOf(second);
      for (Path p :
          List.of(
              UfwTree.DEFAULTS,
              UfwTree.USER_RULES,
              UfwTree.USER6_RULES,
              UfwTree.AFTER_RULES,
              UfwTree.AFTER6_RULES)) {
        assertThat(tree.files().get(p)).as("%s enabled=%s", p, enabled).isEqualTo(expected.get(p));
      }
    }
  }

  private static Map<Path, String> treeOf(UfwSandbox.Run run) {
    Map<Path, String> files = new HashMap<>();
    run.etcUfwFiles().forEach((k, v) -> files.put(Path.of("etc/ufw").resolve(k), v));
    files.put(UfwTree.DEFAULTS, run.defaultUfw());
    return files;
  }
}
