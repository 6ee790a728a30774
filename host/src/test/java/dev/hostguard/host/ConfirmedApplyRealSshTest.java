package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.exec.SshExecutor;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.PrivateUfw;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.SshdSandbox;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UserRulesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirm-or-roll-back for real: sshd on port 22 and an enabled ufw (private {@code /etc/ufw} and
 * {@code /etc/default}) in a server namespace, the ssh client in a client namespace, joined by a
 * veth pair; the master connection is established before each change. A change that blocks the SSH
 * port ({@code insert 1 deny 22}; then {@code delete allow 22/tcp} with {@code default reject
 * incoming}) is rolled back: the files and {@code ufw status numbered} are as before, and a fresh
 * connection gets in again. A good change ({@code insert 1 allow 80/tcp}) stays. On the way, {@link
 * SshAccess#discover} reads the real session, and {@link LockoutGuard} names the rule that the
 * kernel then enforced. Proof timeout 5 s. N = 3 applies (2 rolled back, 1 confirmed).
 */
@RequiresRealTool(
    value = {
      RealTool.UFW,
      RealTool.UNSHARE,
      RealTool.NSENTER,
      RealTool.IP,
      RealTool.SSHD,
      RealTool.SSH_KEYGEN
    },
    root = true)
class ConfirmedApplyRealSshTest {
  private static final String SERVER = "192.0.2.1";
  private static final String CLIENT = "192.0.2.2";
  private static final Duration PROOF = Duration.ofSeconds(5);
  private static final UfwRule ALLOW_SSH =
      UfwRule.builder()
          .action(UfwAction.ALLOW)
          .protocol(UfwProtocol.TCP)
          .destinationPort("22")
          .build();

  /** {@code deny 22}: not {@code deny 22/tcp}, which ufw would take for the allow's twin. */
  private static final UfwRule DENY_SSH =
      UfwRule.builder().action(UfwAction.DENY).destinationPort("22").build();

  private static final UfwRule ALLOW_WEB = ALLOW_SSH.withDestinationPort("80");
  private static final List<String> WATCHED =
      List.of("user.rules", "user6.rules", "ufw.conf", "after.rules", "after6.rules");

  @TempDir Path tmp;

  @Test
  void aChangeThatLocksOutIsRolledBackAndAGoodOneStays() throws Exception {
    long start = System.nanoTime();
    try (NetworkNamespace server = NetworkNamespace.create();
        NetworkNamespace client = NetworkNamespace.create()) {
      server.link(client, List.of(SERVER + "/24"), List.of(CLIENT + "/24"));
      try (SshdSandbox sshd =
              SshdSandbox.builder().in(server).listenAddress(SERVER).port(22).build();
          PrivateUfw ufwFiles = PrivateUfw.install(server, tmp, true, false)) {
        UfwClient local = UfwClient.on(server.executor());
        local.add(ALLOW_SSH);
        local.enable();
        try (SshExecutor ssh =
            sshd.ssh("root").via(client.networkExecutor(LocalExecutor.create())).build()) {
          ssh.execute(Command.of("true")); // the master, established before any change
          HostFiles files = HostFiles.over(ssh);
          UfwClient ufw = UfwClient.on(ssh);

          SshAccess access = SshAccess.discover(ssh, files);
          assertThat(access)
              .isEqualTo(
                  SshAccess.onPort(22)
                      .withSource(InetAddresses.forString(CLIENT))
                      .withDestination(InetAddresses.forString(SERVER))
                      .withInterface(NetworkNamespace.LINK_HERE));

          // 1. deny 22 first: the guard names it, the kernel drops, the change is rolled back
          Snapshot before = Snapshot.of(ufw, ufwFiles);
          ConfirmedApply.Result denied =
              ConfirmedApply.around(ssh, files, PROOF)
                  .run(
                      () -> {
                        assertThat(ufw.insert(1, DENY_SSH))
                            .isEqualTo("Rule inserted\nRule inserted (v6)");
                        return List.of();
                      });
          assertThat(denied.outcome()).isEqualTo(ConfirmedApply.Outcome.ROLLED_BACK);
          assertThat(denied.proofFailure().orElseThrow()).contains("timed out");
          assertThat(denied.restored())
              .containsExactly(Path.of("/etc/ufw/user.rules"), Path.of("/etc/ufw/user6.rules"));
          assertThat(Snapshot.of(ufw, ufwFiles)).isEqualTo(before);
          ssh.connectFresh(PROOF);
          UfwRuleSet blocking =
              UfwRuleSet.builder()
                  .ipv4Rules(List.of(DENY_SSH, ALLOW_SSH))
                  .ipv6Rules(List.of(DENY_SSH.withV6(true), ALLOW_SSH.withV6(true)))
                  .build();
          assertThat(
                  LockoutGuard.check(
                          new UfwFirewallState(true, blocking, UfwPolicy.DENY, UfwPolicy.ALLOW),
                          access)
                      .orElseThrow()
                      .message())
              .isEqualTo(
                  "a new SSH connection (IPv4) from 192.0.2.2 to port 22 would be dropped by rule"
                      + " 1 'deny 22'");

          // 2. the ssh allow deleted and incoming rejected: rolled back, /etc/default/ufw too
          ConfirmedApply.Result rejected =
              ConfirmedApply.around(ssh, files, PROOF)
                  .run(
                      () -> {
                        ufw.delete(ALLOW_SSH);
                        ufw.defaultIncoming(UfwPolicy.REJECT);
                        return List.of();
                      });
          assertThat(rejected.outcome()).isEqualTo(ConfirmedApply.Outcome.ROLLED_BACK);
          assertThat(rejected.restored()).contains(Path.of("/etc/default/ufw"));
          assertThat(Snapshot.of(ufw, ufwFiles)).isEqualTo(before);
          ssh.connectFresh(PROOF);

          // 3. a good change stays
          ConfirmedApply.Result good =
              ConfirmedApply.around(ssh, files, PROOF)
                  .run(
                      () -> {
                        ufw.insert(1, ALLOW_WEB);
                        return List.of();
                      });
          assertThat(good.outcome()).isEqualTo(ConfirmedApply.Outcome.CONFIRMED);
          assertThat(ufw.statusNumbered().rules())
              .containsExactly(
                  ALLOW_WEB, ALLOW_SSH, ALLOW_WEB.withV6(true), ALLOW_SSH.withV6(true));
          assertThat(UserRulesFile.parse("user.rules", ufwFiles.read("user.rules")).rules())
              .containsExactly(ALLOW_WEB, ALLOW_SSH);
          assertThat(sshd.acceptedConnections()).isGreaterThanOrEqualTo(4);
        }
      }
    }
    System.out.printf(
        "ConfirmedApplyRealSshTest: N=3 applies (2 rolled back, 1 confirmed), proof timeout %d s,"
            + " in %.1f s%n",
        PROOF.toSeconds(), (System.nanoTime() - start) / 1e9);
  }

  /** ufw's status numbered and its files, as the test compares them. */
  private record Snapshot(String statusNumbered, Map<String, String> files) {
    static Snapshot of(UfwClient ufw, PrivateUfw ufwFiles) throws Exception {
      Map<String, String> files = new LinkedHashMap<>();
      for (String name : WATCHED) {
        files.put(name, ufwFiles.read(name));
      }
      files.put("default", Files.readString(ufwFiles.defaults(), UTF_8));
      return new Snapshot(ufw.statusNumbered().render(), files);
    }
  }
}
