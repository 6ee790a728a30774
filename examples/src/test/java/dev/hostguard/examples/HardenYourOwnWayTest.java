package dev.hostguard.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwDataDir;
import dev.hostguard.testing.UfwSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example on a copy of the installed ufw, psad and fail2ban files: the plan, the apply to the
 * tree, then nothing to change; the rules files it wrote equal what the real ufw 0.36.2 writes for
 * the same commands in a private namespace (N = 1 sandbox run).
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE, RealTool.PSAD, RealTool.FAIL2BAN_CLIENT},
    root = true)
class HardenYourOwnWayTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return HardenYourOwnWay.run(
        List.of(args), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  @Test
  void plansAppliesToATreeAndMatchesWhatUfwWrites() throws Exception {
    Path root = UfwDataDir.createStock(tmp.resolve("root"));
    for (String dir : List.of("/etc/psad", "/etc/fail2ban")) {
      LocalExecutor.create()
          .execute(Command.of("cp", "-a", dir, root.resolve(dir.substring(1)).toString()));
    }
    String jailConf = Files.readString(root.resolve("etc/fail2ban/jail.conf"), UTF_8);

    assertThat(run("--root", root.toString())).as(err.toString(UTF_8)).isZero();
    assertThat(out.toString(UTF_8))
        .contains("+++ b/etc/ufw/user.rules")
        .contains("+++ b/etc/fail2ban/jail.d/sshd.local")
        .contains("+bantime = 1h")
        .contains("--log-prefix \"[IPTABLES] \"");
    assertThat(run("--root", root.toString(), "--apply")).as(err.toString(UTF_8)).isZero();
    assertThat(out.toString(UTF_8)).endsWith("applied\n");
    assertThat(run("--root", root.toString())).isZero();
    assertThat(out.toString(UTF_8)).isEqualTo("nothing to change\n");
    assertThat(Files.readString(root.resolve("etc/fail2ban/jail.conf"), UTF_8)).isEqualTo(jailConf);

    UfwSandbox.Run real =
        UfwSandbox.builder()
            .build()
            .runCollecting(
                List.of(
                    List.of("default", "allow", "outgoing"),
                    List.of("limit", "in", "ssh", "comment", "admins"),
                    List.of("allow", "in", "80/tcp", "comment", "web"),
                    List.of("allow", "in", "443/tcp", "comment", "web (TLS)")));
    for (String f : List.of("user.rules", "user6.rules")) {
      assertThat(Files.readString(root.resolve("etc/ufw").resolve(f), UTF_8))
          .as(f)
          .isEqualTo(real.etcUfwFiles().get(f));
    }
  }
}
