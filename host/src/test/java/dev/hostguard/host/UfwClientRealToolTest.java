package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.PrivateUfw;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwLogLevel;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.status.StatusForm;
import dev.hostguard.ufw.status.StatusLogging;
import dev.hostguard.ufw.status.UfwStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UfwClient} against the real ufw, enabled in a private network and mount namespace ({@link
 * PrivateUfw}): every change command, then {@code status numbered} read back equals the rules
 * applied, in ufw's numbering, and the rules files ufw wrote; refusals carry ufw's message. N = 1
 * namespace, 28 ufw commands (about 20 s here).
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.NSENTER, RealTool.IP},
    root = true)
class UfwClientRealToolTest {
  @TempDir Path tmp;

  private static final UfwRule LIMIT_SSH =
      UfwRule.builder()
          .action(UfwAction.LIMIT)
          .protocol(UfwProtocol.TCP)
          .destinationPort("22")
          .build();
  private static final UfwRule WEB_FROM_NET =
      UfwRule.builder()
          .action(UfwAction.ALLOW)
          .protocol(UfwProtocol.TCP)
          .destinationPort("80")
          .source("192.0.2.0/24")
          .comment("web")
          .build();
  private static final UfwRule DENY_TELNET =
      UfwRule.builder().action(UfwAction.DENY).destinationPort("23").build();
  private static final UfwRule DENY_DOC_V6 =
      UfwRule.builder().action(UfwAction.DENY).source("2001:db8::/32").v6(true).build();
  private static final UfwRule ROUTE =
      UfwRule.builder()
          .action(UfwAction.ALLOW)
          .route(true)
          .interfaceIn("eth0")
          .interfaceOut("eth1")
          .build();
  private static final UfwRule REJECT_UDP =
      UfwRule.builder()
          .action(UfwAction.REJECT)
          .protocol(UfwProtocol.UDP)
          .destinationPort("5000:5010")
          .build();

  @Test
  void changesReadBackAsApplied() {
    long start = System.nanoTime();
    int commands = 0;
    try (PrivateUfw files = PrivateUfw.inNewNamespace(tmp, true)) {
      NetworkNamespace ns = files.namespace();
      UfwClient ufw = UfwClient.on(ns.executor());
      assertThat(ufw.status().active()).isFalse();
      assertThat(ufw.enable()).isEqualTo("Firewall is active and enabled on system startup");
      assertThat(ufw.add(LIMIT_SSH)).isEqualTo("Rule added\nRule added (v6)");
      assertThat(ufw.add(LIMIT_SSH))
          .isEqualTo("Skipping adding existing rule\nSkipping adding existing rule (v6)");
      assertThat(ufw.add(WEB_FROM_NET)).isEqualTo("Rule added");
      assertThat(ufw.add(ROUTE)).isEqualTo("Rule added\nRule added (v6)");
      assertThat(ufw.insert(1, DENY_TELNET)).isEqualTo("Rule inserted\nRule inserted (v6)");
      assertThat(ufw.prepend(DENY_DOC_V6)).isEqualTo("Rule inserted (v6)");
      assertThat(ufw.add(REJECT_UDP)).isEqualTo("Rule added\nRule added (v6)");
      commands += 9;
      // numbered: v4 deny 23, limit 22, web, route, reject udp; v6 doc, deny 23, limit, route, udp
      assertThat(ufw.statusNumbered().rules().get(4)).isEqualTo(REJECT_UDP);
      assertThat(ufw.delete(REJECT_UDP)).isEqualTo("Rule deleted\nRule deleted (v6)");
      assertThat(ufw.delete(5)).isEqualTo("Rule deleted (v6)"); // the IPv6 deny from 2001:db8::/32
      assertThat(ufw.defaultIncoming(UfwPolicy.REJECT))
          .isEqualTo(
              "Default incoming policy changed to 'reject'\n"
                  + "(be sure to update your rules accordingly)");
      assertThat(ufw.logging(UfwLogLevel.MEDIUM)).isEqualTo("Logging enabled");
      commands += 5;

      UfwStatus numbered = ufw.statusNumbered();
      List<UfwRule> expected = new ArrayList<>();
      for (boolean v6 : List.of(false, true)) {
        expected.add(DENY_TELNET.withV6(v6));
        expected.add(LIMIT_SSH.withV6(v6));
        if (!v6) {
          expected.add(WEB_FROM_NET);
        }
        expected.add(ROUTE.withV6(v6));
      }
      assertThat(numbered.form()).isEqualTo(StatusForm.NUMBERED);
      assertThat(numbered.rules()).containsExactlyElementsOf(expected);
      List<UfwRule> inFiles = new ArrayList<>();
      inFiles.addAll(UserRulesFile.parse("user.rules", files.read("user.rules")).rules());
      inFiles.addAll(UserRulesFile.parse("user6.rules", files.read("user6.rules")).rules());
      assertThat(numbered.rules()).containsExactlyElementsOf(inFiles);
      assertThat(ufw.showAdded().rules())
          .containsExactly(DENY_TELNET, LIMIT_SSH, WEB_FROM_NET, ROUTE);
      UfwStatus verbose = ufw.statusVerbose();
      assertThat(verbose.header().orElseThrow().incoming()).isEqualTo(UfwPolicy.REJECT);
      assertThat(verbose.header().orElseThrow().logging()).isEqualTo(StatusLogging.MEDIUM);
      assertThat(ufw.status().active()).isTrue();
      commands += 4;

      assertThatThrownBy(() -> ufw.insert(99, REJECT_UDP))
          .isInstanceOfSatisfying(
              ToolRefusedException.class,
              e -> {
                assertThat(e.getMessage()).isEqualTo("Invalid position '99'");
                assertThat(e.exitCode()).isEqualTo(1);
              });
      assertThatThrownBy(() -> ufw.delete(42))
          .isInstanceOf(ToolRefusedException.class)
          .hasMessage("Could not find rule '42'");
      assertThatThrownBy(() -> ufw.appInfo("Nope"))
          .isInstanceOf(ToolRefusedException.class)
          .hasMessage("Could not find profile 'Nope'");
      commands += 3;

      assertThat(ufw.appList()).contains("WWW Full", "WWW Secure");
      assertThat(ufw.appInfo("WWW Full")).contains("Ports:\n  80,443/tcp\n");
      assertThat(ufw.version()).matches("\\d+\\.\\d+\\.\\d+");
      assertThat(ufw.reload()).isEqualTo("Firewall reloaded");
      assertThat(ufw.disable()).isEqualTo("Firewall stopped and disabled on system startup");
      assertThat(ufw.reload()).isEqualTo("Firewall not enabled (skipping reload)");
      commands += 6;
      assertThat(ufw.status()).isEqualTo(UfwStatus.inactive());
      commands++;
    }
    System.out.printf(
        "UfwClientRealToolTest: N=1 namespace, %d ufw commands in %.1f s%n",
        commands, (System.nanoTime() - start) / 1e9);
  }
}
