package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harden --root DIR}: dry run, apply (files only) and check on a private copy of the
 * installed ufw, psad and fail2ban files; the host's own files are never written. N = 1 tree.
 */
@RequiresRealTool({RealTool.UFW, RealTool.PSAD, RealTool.FAIL2BAN_CLIENT})
class HardenRootTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return HostguardCli.run(
        args,
        new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8),
        LocalExecutor.create());
  }

  /**
   * The README's main job: {@code harden} with no options is a dry run on this host's own files
   * (the installed ufw, psad and fail2ban): it prints the chapter's commands and diffs, writes
   * nothing and runs only read-only commands. ({@code --apply} on a live host is tested only inside
   * a private namespace: HardenLiveRealToolsTest.)
   */
  @Test
  void noOptionsIsADryRunOnThisHostsFiles() throws IOException {
    byte[] rules = Files.readAllBytes(Path.of("/etc/ufw/user.rules"));
    byte[] jail = Files.readAllBytes(Path.of("/etc/fail2ban/jail.conf"));
    byte[] before = Files.readAllBytes(Path.of("/etc/ufw/before.rules"));
    boolean sshLocal = Files.exists(Path.of("/etc/fail2ban/jail.d/ssh.local"));
    int exit = run("harden");
    String text = out.toString(UTF_8);
    assertThat(exit).as(err.toString(UTF_8)).isZero();
    assertThat(text).startsWith("tree: / (this host's files; a dry run");
    assertThat(text).contains("ufw limit 22/tcp comment allow SSH connections in");
    assertThat(text).contains("fail2ban/jail.d/ssh.local");
    assertThat(Files.readAllBytes(Path.of("/etc/ufw/user.rules"))).isEqualTo(rules);
    assertThat(Files.readAllBytes(Path.of("/etc/fail2ban/jail.conf"))).isEqualTo(jail);
    assertThat(Files.readAllBytes(Path.of("/etc/ufw/before.rules"))).isEqualTo(before);
    assertThat(Files.exists(Path.of("/etc/fail2ban/jail.d/ssh.local"))).isEqualTo(sshLocal);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p)) {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void dryRunApplyThenCheckFindsNothing() throws IOException {
    for (String d : List.of("ufw", "psad", "fail2ban")) {
      copyTree(Path.of("/etc", d), tmp.resolve("etc").resolve(d));
    }
    Files.createDirectories(tmp.resolve("etc/default"));
    Files.copy(Path.of("/etc/default/ufw"), tmp.resolve("etc/default/ufw"));
    Files.copy(Path.of("/etc/services"), tmp.resolve("etc/services"));
    long hostRules = Files.getLastModifiedTime(Path.of("/etc/ufw/user.rules")).toMillis();
    String jailConf = Files.readString(tmp.resolve("etc/fail2ban/jail.conf"));

    assertThat(run("harden", "--root", tmp.toString(), "--lan", "192.168.1.0/24")).isZero();
    String plan = out.toString(UTF_8);
    assertThat(plan).contains("--- a/etc/ufw/user.rules", "+++ b/etc/ufw/user.rules");
    assertThat(plan).contains("+ignoreip = 127.0.0.1/8 192.168.1.0/24");
    assertThat(run("harden", "--root", tmp.toString(), "--check", "--lan", "192.168.1.0/24"))
        .isEqualTo(2);

    assertThat(run("harden", "--root", tmp.toString(), "--apply", "--lan", "192.168.1.0/24"))
        .isZero();
    String rules = Files.readString(tmp.resolve("etc/ufw/user.rules"));
    assertThat(rules).contains("### tuple ### limit tcp 22 0.0.0.0/0 any 0.0.0.0/0 in");
    assertThat(Files.readString(tmp.resolve("etc/fail2ban/jail.d/ssh.local")))
        .contains("banaction = ufw", "maxretry = 5");
    assertThat(Files.readString(tmp.resolve("etc/fail2ban/jail.conf"))).isEqualTo(jailConf);

    assertThat(run("harden", "--root", tmp.toString(), "--check", "--lan", "192.168.1.0/24"))
        .isZero();
    assertThat(out.toString(UTF_8)).contains("nothing to change");
    assertThat(Files.getLastModifiedTime(Path.of("/etc/ufw/user.rules")).toMillis())
        .isEqualTo(hostRules);
  }
}
