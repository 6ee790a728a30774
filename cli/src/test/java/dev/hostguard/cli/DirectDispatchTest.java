package dev.hostguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
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
import picocli.CommandLine;

/**
 * The start-up fast path: {@code ufw ARGS} and {@code fail2ban [-c DIR] -d} skip picocli, and every
 * run must come out exactly as it does through picocli (stdout, stderr, exit code), for the shapes
 * the fast path takes and for the near misses it must leave to picocli. The inputs are the
 * installed ufw and fail2ban files.
 */
@RequiresRealTool({RealTool.UFW, RealTool.FAIL2BAN_CLIENT})
class DirectDispatchTest {
  @TempDir static Path tmp;
  static String ufwDir;
  static String brokenFail2ban;
  static String emptyDir;

  @BeforeAll
  static void setUp() throws IOException {
    ufwDir = "--datadir=" + UfwDataDir.createStock(tmp.resolve("ufw"));
    Path broken = Files.createDirectories(tmp.resolve("f2b-broken"));
    Files.writeString(broken.resolve("jail.conf"), "[sshd]\nenabled = true\nport = %(nope)s\n");
    Files.writeString(broken.resolve("fail2ban.conf"), "[Definition]\nloglevel = INFO\n");
    brokenFail2ban = broken.toString();
    emptyDir = Files.createDirectories(tmp.resolve("empty")).toString();
  }

  record Run(int exit, String out, String err) {}

  static Run run(boolean allowDirect, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        HostguardCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            LocalExecutor.create(),
            allowDirect);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  List<String[]> cases() {
    List<String[]> c = new ArrayList<>();
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "limit", "in", "ssh"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "allow", "22/tcp"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "deny", "out", "53", "comment", "é ü ✓"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "allow", "from", "10.0.0.0/8", "port", "1:9"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "allow", "to", "any", "port", "99999"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "route", "allow", "in", "on", "eth0"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "app", "list"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "app", "info", "OpenSSH"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "bogus"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "--force", "delete", "allow", "22"});
    c.add(new String[] {"ufw", "--datadir=", "--dry-run", "allow", "22"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", ""});
    c.add(new String[] {"ufw"});
    c.add(new String[] {"ufw", "--help"});
    c.add(new String[] {"ufw", "-h"});
    c.add(new String[] {"ufw", "--version"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "allow", "--", "22"});
    c.add(new String[] {"ufw", ufwDir, "--dry-run", "allow", "@22"});
    c.add(new String[] {"ufw", ufwDir, "--debug", "--dry-run", "allow", "22"});
    c.add(new String[] {"fail2ban", "-d"});
    c.add(new String[] {"fail2ban", "-c", "/etc/fail2ban", "-d"});
    c.add(new String[] {"fail2ban", "-d", "-c", "/etc/fail2ban"});
    c.add(new String[] {"fail2ban", "--conf", "/etc/fail2ban", "-d"});
    c.add(new String[] {"fail2ban", "--conf=/etc/fail2ban", "-d"});
    c.add(new String[] {"fail2ban", "-c", brokenFail2ban, "-d"});
    c.add(new String[] {"fail2ban", "-c", emptyDir, "-d"});
    c.add(new String[] {"fail2ban", "-c", tmp.resolve("missing").toString(), "-d"});
    c.add(new String[] {"fail2ban", "-c", "/etc/fail2ban"});
    c.add(new String[] {"fail2ban", "-d", "-d"});
    c.add(new String[] {"fail2ban", "-c"});
    c.add(new String[] {"fail2ban", "-c", "-d"});
    c.add(new String[] {"fail2ban", "-c", "", "-d"});
    c.add(new String[] {"fail2ban", "-d", "extra"});
    c.add(new String[] {"fail2ban", "-c", "/etc/fail2ban", "-c", "/etc/fail2ban", "-d"});
    c.add(new String[] {"fail2ban", "--help"});
    c.add(new String[] {"--debug", "fail2ban", "-c", brokenFail2ban, "-d"});
    return c;
  }

  @Test
  void everyRunComesOutAsThroughPicocli() {
    List<String[]> cases = cases();
    int printed = 0;
    for (String[] args : cases) {
      Run viaPicocli = run(false, args);
      Run fast = run(true, args);
      assertThat(fast).as(String.join(" ", args)).isEqualTo(viaPicocli);
      if (!viaPicocli.out().isEmpty()) {
        printed++;
      }
    }
    System.out.printf("DirectDispatchTest: N = %d argument lists compared%n", cases.size());
    // the comparison must have something to compare: most cases print a dump or a dry run
    assertThat(printed).isGreaterThanOrEqualTo(15);
  }

  @Test
  void theSubcommandTableNamesEachClassAsItsAnnotationDoes() {
    assertThat(HostguardCli.SUBCOMMANDS).hasSize(9);
    HostguardCli.SUBCOMMANDS.forEach(
        (name, cls) ->
            assertThat(cls.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    Run help = run(true, "--help");
    for (String name : HostguardCli.SUBCOMMANDS.keySet()) {
      assertThat(help.out()).containsPattern("(?m)^  " + name + " ");
    }
  }
}
