package dev.hostguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwDataDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostguard ufw} against the real ufw: stdout byte for byte, exit code, first ERROR line.
 */
@RequiresRealTool({RealTool.UFW})
class UfwCliTest {
  static final String PLEX =
      "[PlexMediaServer]\n"
          + "title=Plex Media Server\n"
          + "description=This opens up PlexMediaServer for http (32400), upnp, and autodiscovery.\n"
          + "ports=32469/tcp|32413/udp|1900/udp|32400/tcp|32412/udp|32410/udp|32414/udp|32400/udp\n";

  @TempDir static Path tmp;
  static Path dir;

  @BeforeAll
  static void setUp() throws IOException {
    dir = UfwDataDir.createStock(tmp.resolve("d"));
    Files.writeString(dir.resolve("etc/ufw/applications.d/plexmediaserver"), PLEX);
    // outside a dry run ufw opens DIR/lib/ufw/ufw.lock
    Files.createDirectories(dir.resolve("lib/ufw"));
  }

  record Run(int exit, String out, String err) {}

  static Run hostguard(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> argv = new ArrayList<>();
    argv.add("ufw");
    argv.add("--datadir=" + dir);
    argv.addAll(args);
    int code =
        HostguardCli.run(
            argv.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String firstError(String stderr) {
    for (String l : stderr.split("\n", -1)) {
      if (l.startsWith("ERROR: ")) {
        return l;
      }
    }
    return "";
  }

  static void assertSame(List<String> args) {
    List<String> ufwArgs = new ArrayList<>();
    ufwArgs.add(RealTool.UFW.require().toString());
    ufwArgs.add("--datadir=" + dir);
    ufwArgs.addAll(args);
    CommandResult real = RealTools.run(Command.of(ufwArgs));
    Run ours = hostguard(args);
    assertThat(ours.exit()).as("exit of %s", args).isEqualTo(real.exitCode());
    assertThat(firstError(ours.err())).as("error of %s", args).isEqualTo(firstError(real.stderr()));
    if (!firstError(real.stderr()).equals("ERROR: Invalid syntax")) {
      assertThat(ours.out()).as("stdout of %s", args).isEqualTo(real.stdout());
    }
  }

  @Test
  void seedCommands() {
    assertSame(List.of("--dry-run", "limit", "in", "ssh", "comment", "allow SSH connections in"));
    assertSame(List.of("--dry-run", "allow", "out", "53", "comment", "allow DNS calls out"));
    assertSame(List.of("--dry-run", "allow", "out", "https"));
    assertSame(List.of("--dry-run", "allow", "plexmediaserver"));
  }

  @Test
  void refusals() {
    assertSame(List.of("--dry-run", "allow", "99999"));
    assertSame(List.of("--dry-run", "allow", "22/esp"));
    assertSame(List.of("--dry-run", "allow", "22", "comment", "it's"));
    assertSame(List.of("--dry-run", "allow", "in", "eth0"));
    assertSame(List.of("--dry-run", "allow", "from", "1.2.3.400"));
    assertSame(List.of("--dry-run", "insert", "3", "allow", "22"));
    assertSame(List.of("--dry-run", "--force", "delete", "1"));
  }

  @Test
  void appListAndInfo() {
    assertSame(List.of("app", "list"));
    assertSame(List.of("app", "info", "PlexMediaServer"));
    assertSame(List.of("app", "info", "all"));
    assertSame(List.of("app", "info", "NoSuch"));
    assertSame(List.of("--dry-run", "app", "list"));
  }

  @Test
  void appListWithoutLockDirectoryFailsLikeUfw() throws IOException {
    Path saved = dir;
    dir = UfwDataDir.createStock(tmp.resolve("nolock"));
    try {
      assertSame(List.of("app", "list"));
      assertSame(List.of("--dry-run", "app", "list"));
    } finally {
      dir = saved;
    }
  }

  @Test
  void nonDryRunRuleCommandsAreRefused() {
    Run r = hostguard(List.of("allow", "22"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--dry-run");
  }
}
