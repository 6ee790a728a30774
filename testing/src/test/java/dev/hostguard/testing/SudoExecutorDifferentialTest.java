package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandFailedException;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.exec.SshExecutor;
import dev.hostguard.exec.SudoExecutor;
import dev.hostguard.exec.SudoFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SudoExecutor} through the real sudo. Root never needs a password, so the interesting cases
 * run as {@code hgsudo}, a user that exists only inside the sandbox's namespace, logged in over
 * ssh: sudo then reads the sandbox's private {@code /etc/sudoers.d} drop-in, which lets it run
 * {@code id} without a password and {@code printenv} with its environment (SETENV), and nothing
 * else. The host's sudoers are never read or changed.
 */
@RequiresRealTool(
    value = {
      RealTool.SUDO,
      RealTool.SSH,
      RealTool.SSHD,
      RealTool.SSH_KEYGEN,
      RealTool.UNSHARE,
      RealTool.NSENTER,
      RealTool.IP
    },
    root = true)
@Timeout(120)
class SudoExecutorDifferentialTest {
  private static SshdSandbox sshd;
  private static SshExecutor ssh;

  @BeforeAll
  static void start() {
    sshd =
        SshdSandbox.builder()
            .loginUser("hgsudo", "/bin/sh")
            .sudoersDropIn(
                """
                hgsudo ALL=(root) NOPASSWD: /usr/bin/id
                hgsudo ALL=(root) NOPASSWD:SETENV: /usr/bin/printenv
                """)
            .build();
    ssh = sshd.ssh("hgsudo").build();
  }

  @AfterAll
  static void stop() {
    if (ssh != null) {
      ssh.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  @Test
  @DisplayName("the login user is not root; sudo -n runs the allowed command as root; N=2")
  void allowedCommandRunsAsRoot() {
    assertThat(ssh.execute(Command.of("id", "-u")).stdout()).isEqualTo("64123\n");
    CommandResult r = new SudoExecutor(ssh).execute(Command.of("id", "-u"));
    assertThat(r.stdout()).isEqualTo("0\n");
    assertThat(r.command()).isEqualTo(Command.of("id", "-u"));
    assertThat(r.executor()).isEqualTo("sudo via ssh hgsudo@127.0.0.1:2222");
    assertThat(r.host()).isEqualTo("127.0.0.1");
  }

  @Test
  @DisplayName("a command without a NOPASSWD rule is PASSWORD_REQUIRED, typed; N=2")
  void deniedCommandIsTyped() {
    SudoExecutor sudo = new SudoExecutor(ssh);
    assertThatThrownBy(() -> sudo.execute(Command.of("cat", "/etc/shadow")))
        .isInstanceOfSatisfying(
            SudoFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SudoFailedException.Reason.PASSWORD_REQUIRED);
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.command()).isEqualTo(Command.of("cat", "/etc/shadow"));
              assertThat(e.getMessage())
                  .contains("sudo refused: sudo: a password is required")
                  .contains("via sudo via ssh hgsudo@127.0.0.1:2222");
            });
    // the allowed command as another target user is not allowed either
    assertThatThrownBy(() -> sudo.asUser("nobody").execute(Command.of("id", "-u")))
        .isInstanceOfSatisfying(
            SudoFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(SudoFailedException.Reason.PASSWORD_REQUIRED));
  }

  @Test
  @DisplayName("environment additions pass where SETENV allows, else ENVIRONMENT_REFUSED; N=2")
  void environmentAdditions() {
    SudoExecutor sudo = new SudoExecutor(ssh);
    String value = "a b'c\"$d;e";
    CommandResult r =
        sudo.execute(
            Command.builder()
                .args(java.util.List.of("printenv", "HG_V"))
                .putEnv("HG_V", value)
                .build());
    assertThat(r.stdout()).isEqualTo(value + "\n");
    assertThatThrownBy(
            () ->
                sudo.execute(
                    Command.builder()
                        .args(java.util.List.of("id", "-u"))
                        .putEnv("HG_V", "x")
                        .build()))
        .isInstanceOfSatisfying(
            SudoFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SudoFailedException.Reason.ENVIRONMENT_REFUSED);
              assertThat(e.getMessage()).contains("HG_V");
            });
  }

  @Test
  @DisplayName("the command's own failure stays a plain CommandFailedException; N=1")
  void commandFailureIsNotSudos() {
    assertThatThrownBy(() -> new SudoExecutor(ssh).execute(Command.of("id", "no-such-user-hg")))
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            e -> {
              assertThat(e).isNotInstanceOf(SudoFailedException.class);
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.result().stderr()).contains("no-such-user-hg");
            });
  }

  @Test
  @DisplayName("locally, root runs sudo -u nobody in the namespace without a password; N=1")
  void localSudoAsAnotherUser() {
    SudoExecutor sudo =
        new SudoExecutor(
                NamespaceExecutor.networkAndMount(sshd.namespace().pid(), LocalExecutor.create()))
            .asUser("nobody");
    CommandResult r = sudo.execute(Command.of("id", "-un"));
    assertThat(r.stdout()).isEqualTo("nobody\n");
    assertThat(r.executor()).startsWith("sudo -u nobody via local in net+mnt namespace of ");
  }
}
