package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.RecordingExecutor;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwLogLevel;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.status.StatusForm;
import dev.hostguard.ufw.status.UfwStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every UfwClient method: the exact argv it runs and how ufw's output is read. The outputs are ufw
 * 0.36.2's, captured from a real run in a private namespace; {@link UfwClientRealToolTest} runs the
 * same commands against the real ufw.
 */
class UfwClientArgvTest {
  private static final UfwRule LIMIT_SSH =
      UfwRule.builder()
          .action(UfwAction.LIMIT)
          .protocol(UfwProtocol.TCP)
          .destinationPort("22")
          .build();
  private static final UfwRule WEB =
      UfwRule.builder()
          .action(UfwAction.ALLOW)
          .protocol(UfwProtocol.TCP)
          .destinationPort("80")
          .source("192.0.2.0/24")
          .comment("web")
          .build();
  private static final UfwRule ROUTE =
      UfwRule.builder()
          .action(UfwAction.ALLOW)
          .route(true)
          .interfaceIn("eth0")
          .interfaceOut("eth1")
          .build();

  private static final String NUMBERED =
      """
      Status: active

           To                         Action      From
           --                         ------      ----
      [ 1] 22/tcp                     LIMIT IN    Anywhere                 \s
      [ 2] 80/tcp                     ALLOW IN    192.0.2.0/24               # web
      [ 3] Anywhere on eth1           ALLOW FWD   Anywhere on eth0         \s
      [ 4] 22/tcp (v6)                LIMIT IN    Anywhere (v6)            \s
      [ 5] Anywhere (v6) on eth1      ALLOW FWD   Anywhere (v6) on eth0    \s

      """;

  private static final String VERBOSE =
      """
      Status: active
      Logging: on (low)
      Default: deny (incoming), allow (outgoing), disabled (routed)
      New profiles: skip

      To                         Action      From
      --                         ------      ----
      22/tcp                     LIMIT IN    Anywhere                 \s

      """;

  private static final String ADDED =
      """
      Added user rules (see 'ufw status' for running firewall):
      ufw limit 22/tcp
      ufw allow from 192.0.2.0/24 to any port 80 proto tcp comment 'web'
      ufw route allow in on eth0 out on eth1
      """;

  private static List<String> ufw(String... words) {
    List<String> out = new ArrayList<>(List.of("ufw"));
    out.addAll(List.of(words));
    return out;
  }

  @Test
  void everyCommandRunsOnceAsTheArgvUfwReads() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(ufw("status"), 0, "Status: inactive\n")
            .respond(ufw("status", "verbose"), 0, VERBOSE)
            .respond(ufw("status", "numbered"), 0, NUMBERED)
            .respond(ufw("show", "added"), 0, ADDED)
            .respond(ufw("limit", "22/tcp"), 0, "Rule added\nRule added (v6)\n")
            .respond(
                ufw(
                    "insert",
                    "2",
                    "allow",
                    "from",
                    "192.0.2.0/24",
                    "to",
                    "any",
                    "port",
                    "80",
                    "proto",
                    "tcp",
                    "comment",
                    "web"),
                0,
                "Rule inserted\n")
            .respond(ufw("prepend", "limit", "22/tcp"), 0, "Rule inserted\nRule inserted (v6)\n")
            .respond(
                ufw("route", "insert", "1", "allow", "in", "on", "eth0", "out", "on", "eth1"),
                0,
                "Rule inserted\nRule inserted (v6)\n")
            .respond(
                ufw("route", "delete", "allow", "in", "on", "eth0", "out", "on", "eth1"),
                0,
                "Rule deleted\nRule deleted (v6)\n")
            .respond(ufw("delete", "limit", "22/tcp"), 0, "Rule deleted\nRule deleted (v6)\n")
            .respond(ufw("--force", "delete", "3"), 0, "Rule deleted\n")
            .respond(
                ufw("default", "deny", "incoming"),
                0,
                """
                Default incoming policy changed to 'deny'
                (be sure to update your rules accordingly)
                """)
            .respond(ufw("default", "allow", "outgoing"), 0, "x\n")
            .respond(ufw("default", "reject", "routed"), 0, "y\n")
            .respond(ufw("logging", "medium"), 0, "Logging enabled\n")
            .respond(
                ufw("--force", "enable"), 0, "Firewall is active and enabled on system startup\n")
            .respond(ufw("disable"), 0, "Firewall stopped and disabled on system startup\n")
            .respond(ufw("reload"), 0, "Firewall reloaded\n")
            .respond(ufw("app", "list"), 0, "Available applications:\n  OpenSSH\n  WWW Full\n")
            .respond(ufw("app", "info", "OpenSSH"), 0, "Profile: OpenSSH\n")
            .respond(ufw("app", "update", "OpenSSH"), 0, "")
            .respond(ufw("version"), 0, "ufw 0.36.2\nCopyright 2008-2023 Canonical Ltd.\n")
            .build();
    UfwClient ufw = UfwClient.on(rec);

    assertThat(ufw.status()).isEqualTo(UfwStatus.inactive());
    UfwStatus verbose = ufw.statusVerbose();
    assertThat(verbose.form()).isEqualTo(StatusForm.VERBOSE);
    assertThat(verbose.header().orElseThrow().incoming()).isEqualTo(UfwPolicy.DENY);
    assertThat(verbose.render()).isEqualTo(VERBOSE);
    UfwStatus numbered = ufw.statusNumbered();
    assertThat(numbered.rules())
        .containsExactly(LIMIT_SSH, WEB, ROUTE, LIMIT_SSH.withV6(true), ROUTE.withV6(true));
    assertThat(ufw.showAdded().rules()).containsExactly(LIMIT_SSH, WEB, ROUTE);
    assertThat(ufw.add(LIMIT_SSH)).isEqualTo("Rule added\nRule added (v6)");
    assertThat(ufw.insert(2, WEB)).isEqualTo("Rule inserted");
    assertThat(ufw.prepend(LIMIT_SSH)).isEqualTo("Rule inserted\nRule inserted (v6)");
    assertThat(ufw.insert(1, ROUTE)).isEqualTo("Rule inserted\nRule inserted (v6)");
    assertThat(ufw.delete(ROUTE)).isEqualTo("Rule deleted\nRule deleted (v6)");
    assertThat(ufw.delete(LIMIT_SSH)).isEqualTo("Rule deleted\nRule deleted (v6)");
    assertThat(ufw.delete(3)).isEqualTo("Rule deleted");
    assertThat(ufw.defaultIncoming(UfwPolicy.DENY))
        .isEqualTo(
            "Default incoming policy changed to 'deny'\n(be sure to update your rules accordingly)");
    ufw.defaultOutgoing(UfwPolicy.ALLOW);
    ufw.defaultRouted(UfwPolicy.REJECT);
    assertThat(ufw.logging(UfwLogLevel.MEDIUM)).isEqualTo("Logging enabled");
    assertThat(ufw.enable()).isEqualTo("Firewall is active and enabled on system startup");
    assertThat(ufw.disable()).isEqualTo("Firewall stopped and disabled on system startup");
    assertThat(ufw.reload()).isEqualTo("Firewall reloaded");
    assertThat(ufw.appList()).containsExactly("OpenSSH", "WWW Full");
    assertThat(ufw.appInfo("OpenSSH")).isEqualTo("Profile: OpenSSH\n");
    assertThat(ufw.appUpdate("OpenSSH")).isEmpty();
    assertThat(ufw.version()).isEqualTo("0.36.2");

    rec.verifyAllResponsesUsed();
    assertThat(rec.commands()).hasSize(22);
  }

  @Test
  void aDatadirGoesBeforeTheCommand() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("ufw", "--datadir=/srv/ufw", "reload"), 0, "Firewall reloaded\n")
            .build();
    UfwClient ufw = UfwClient.on(rec).withDatadir(Path.of("/srv/ufw"));
    assertThat(ufw.datadir()).contains(Path.of("/srv/ufw"));
    assertThat(UfwClient.on(rec).datadir()).isEmpty();
    ufw.reload();
    rec.verifyAllResponsesUsed();
  }

  @Test
  void refusalsCarryUfwsMessage() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(ufw("--force", "delete", "9"), 1, "", "ERROR: Could not find rule '9'\n")
            .respond(
                ufw("insert", "99", "limit", "22/tcp"), 1, "", "ERROR: Invalid position '99'\n")
            .respond(ufw("app", "info", "Nope"), 1, "", "ERROR: Could not find profile 'Nope'\n")
            .respond(ufw("reload"), 1, "", "")
            .build();
    UfwClient ufw = UfwClient.on(rec);
    assertThatThrownBy(() -> ufw.delete(9))
        .isInstanceOfSatisfying(
            ToolRefusedException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("Could not find rule '9'");
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.command().argv()).containsExactly("ufw", "--force", "delete", "9");
            });
    assertThatThrownBy(() -> ufw.insert(99, LIMIT_SSH))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("Invalid position '99'");
    assertThatThrownBy(() -> ufw.appInfo("Nope"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("Could not find profile 'Nope'");
    assertThatThrownBy(ufw::reload)
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("exited 1 without a message");
    rec.verifyAllResponsesUsed();
  }
}
