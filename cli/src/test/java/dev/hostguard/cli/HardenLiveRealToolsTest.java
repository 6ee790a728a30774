package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.SshdSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostguard harden --apply --no-services} end to end on a live host: a private network and
 * mount namespace ({@link HardenTestHost}) holding copies of the installed ufw, psad and fail2ban
 * files over the real paths, the real ufw 0.36.2 (disabled at first), fail2ban 1.0.2 and psad 2.4.6
 * as the oracles. Once run locally (the command line inside the namespace) and once over {@code
 * --executor ssh --sudo} against a real sshd in the namespace. N = 2 hosts, about a minute each
 * here; each well within 5 minutes.
 */
@RequiresRealTool(
    value = {
      RealTool.UFW,
      RealTool.PSAD,
      RealTool.FAIL2BAN_CLIENT,
      RealTool.UNSHARE,
      RealTool.NSENTER,
      RealTool.IP,
      RealTool.SSHD,
      RealTool.SUDO
    },
    root = true)
class HardenLiveRealToolsTest {
  @TempDir Path tmp;

  /** The chapter's rules as {@code ufw status verbose} lists them: To, Action, comment. */
  private static final List<String> CHAPTER =
      List.of(
          "22/tcp LIMIT IN # allow SSH connections in",
          "53 ALLOW OUT # allow DNS calls out",
          "123 ALLOW OUT # allow NTP out",
          "80/tcp ALLOW OUT # allow HTTP traffic out",
          "443 ALLOW OUT # allow HTTPS traffic out",
          "21/tcp ALLOW OUT # allow FTP traffic out",
          "43/tcp ALLOW OUT # allow whois",
          "67 ALLOW OUT # allow the DHCP client to update",
          "68 ALLOW OUT # allow the DHCP client to update");

  private static final String EMAIL = "admin@example.org";

  private static final String PLEX =
      "[PlexMediaServer]\n"
          + "title=Plex Media Server\n"
          + "description=The Plex Media Server\n"
          + "ports=32400/tcp|3005/tcp|5353/udp|8324/tcp|32410:32414/udp\n";

  @Test
  void applyLocallyInANamespace() throws Exception {
    long start = System.nanoTime();
    Path plex = Files.writeString(tmp.resolve("plexmediaserver"), PLEX, UTF_8);
    try (HardenTestHost host = new HardenTestHost(tmp.resolve("host"))) {
      String[] options = {
        "--no-services",
        "--lan",
        "192.168.1.0/24",
        "--email",
        EMAIL,
        "--app-profile",
        plex.toString()
      };
      CommandResult r = HardenTestHost.hostguard(host.executor(), args("--apply", options));
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
      assertThat(r.stdout())
          .startsWith("tree: / (this host's files; applying)")
          .contains("done: ufw --force enable")
          .contains("read back:")
          .contains("ufw       active; Default: deny (incoming), deny (outgoing)");
      assertHardened(host, host.run("hostname").strip());
      assertThat(host.file("etc/ufw/applications.d/plexmediaserver")).isEqualTo(PLEX);

      CommandResult check = HardenTestHost.hostguard(host.executor(), args("--check", options));
      assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
      assertThat(check.stdout()).endsWith("nothing to change\n");
      CommandResult again = HardenTestHost.hostguard(host.executor(), args("--apply", options));
      assertThat(again.exitCode()).as(again.stderr()).isZero();
      assertThat(again.stdout()).contains("nothing to change\n").doesNotContain("done: ");
    }
    System.out.printf(
        "harden --apply in a namespace: %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
  }

  /**
   * A service step that fails ({@code psad --sig-update} offline, played by a stand-in for {@code
   * psad} mounted over {@code /usr/sbin/psad} in the namespace) exits 1, names the step, prints its
   * output, runs no later step, and leaves the applied configuration in place.
   */
  @Test
  void aFailingServiceStepExitsOneAndKeepsTheConfig() throws Exception {
    Path psad = tmp.resolve("psad");
    Files.writeString(
        psad,
        "#!/bin/sh\n"
            + "if [ \"$1\" = --sig-update ]; then\n"
            + "  echo 'could not resolve the signature server (offline)'; exit 1\n"
            + "fi\n"
            + "exit 0\n",
        UTF_8);
    Files.setPosixFilePermissions(
        psad, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    try (HardenTestHost host = new HardenTestHost(tmp.resolve("host"))) {
      host.ns.bindMount(psad, Path.of("/usr/sbin/psad"));
      CommandResult r = HardenTestHost.hostguard(host.executor(), "harden", "--apply");
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
      assertThat(r.stderr())
          .startsWith("hostguard harden: step 'psad --sig-update' failed: ")
          .contains("the steps before it stay applied")
          .endsWith("\n")
          .hasLineCount(1);
      assertThat(r.stdout())
          .contains("done: ufw reload\n")
          .contains("done: psad -R\n")
          .contains("failed: psad --sig-update\ncould not resolve the signature server (offline)\n")
          .contains("not-run: psad -H\n")
          .contains("not-run: fail2ban-client start\n");
      assertThat(host.run("ufw", "status")).contains("Status: active");
      assertThat(host.file("etc/fail2ban/jail.d/ssh.local")).contains("banaction = ufw");
    }
  }

  @Test
  void applyOverSshWithSudo() throws Exception {
    long start = System.nanoTime();
    try (HardenTestHost host = new HardenTestHost(tmp.resolve("host"));
        SshdSandbox sshd =
            SshdSandbox.builder()
                .in(host.ns)
                .port(22)
                .loginUser("hgsudo", "/bin/sh")
                .sudoersDropIn("hgsudo ALL=(root) NOPASSWD: ALL\n")
                .build()) {
      // the client outside the mount namespace (this machine's files), in the network one
      CommandExecutor client = host.ns.networkExecutor(LocalExecutor.create());
      List<String> target =
          List.of(
              "--executor",
              "ssh",
              "--host",
              "hgsudo@" + sshd.address() + ":" + sshd.port(),
              "--identity",
              sshd.clientKey().toString(),
              "--known-hosts",
              sshd.knownHostsFile().toString(),
              "--sudo",
              "--no-services",
              "--lan",
              "192.168.1.0/24",
              "--email",
              EMAIL);
      List<String> dry = new ArrayList<>(target);
      dry.add(0, "harden");
      CommandResult plan = HardenTestHost.hostguard(client, dry.toArray(String[]::new));
      assertThat(plan.exitCode()).as(plan.stderr()).isZero();
      assertThat(plan.stdout())
          .startsWith(
              "host: hgsudo@" + sshd.address() + ":" + sshd.port() + " (over ssh; a dry run")
          .contains("ufw limit 22/tcp comment allow SSH connections in");
      assertThat(host.file("etc/ufw/user.rules")).doesNotContain("allow SSH connections in");

      List<String> apply = new ArrayList<>(dry);
      apply.add("--apply");
      CommandResult r = HardenTestHost.hostguard(client, apply.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
      assertHardened(host, host.run("hostname").strip());

      List<String> check = new ArrayList<>(dry);
      check.add("--check");
      CommandResult c = HardenTestHost.hostguard(client, check.toArray(String[]::new));
      assertThat(c.exitCode()).as(c.stdout() + c.stderr()).isZero();
    }
    System.out.printf(
        "harden --apply over ssh: %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
  }

  /**
   * sshd on port 2222 reached over a veth link from another namespace: the chapter's firewall (only
   * 22/tcp in) would drop a new SSH connection, so {@code --apply} is refused naming the port and
   * nothing changes; with {@code --force} the apply runs, no fresh connection gets in, and {@code
   * ConfirmedApply} puts ufw's files back (exit 1). N = 1 host, about 45 s here (the proof waits 30
   * s).
   */
  @Test
  void lockOutIsRefusedAndForcedApplyRollsBack() throws Exception {
    try (HardenTestHost host = new HardenTestHost(tmp.resolve("host"));
        dev.hostguard.testing.NetworkNamespace operator =
            dev.hostguard.testing.NetworkNamespace.create()) {
      host.ns.link(operator, List.of("192.0.2.1/24"), List.of("192.0.2.2/24"));
      try (SshdSandbox sshd =
          SshdSandbox.builder()
              .in(host.ns)
              .listenAddress("192.0.2.1")
              .port(2222)
              .loginUser("hgsudo", "/bin/sh")
              .sudoersDropIn("hgsudo ALL=(root) NOPASSWD: ALL\n")
              .build()) {
        CommandExecutor client = operator.networkExecutor(LocalExecutor.create());
        // ufw on before the session starts, as on a server reached over ssh: the kernel tracks
        // the session's connection, so it outlives the firewall changes (ufw warns that enabling
        // it may cut existing ssh sessions)
        host.run("ufw", "allow", "2222/tcp");
        host.run("ufw", "--force", "enable");
        String rulesBefore = host.file("etc/ufw/user.rules");
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    "harden",
                    "--apply",
                    "--no-services",
                    "--executor",
                    "ssh",
                    "--host",
                    "hgsudo@192.0.2.1:2222",
                    "--identity",
                    sshd.clientKey().toString(),
                    "--known-hosts",
                    sshd.knownHostsFile().toString(),
                    "--sudo"));
        CommandResult refused = HardenTestHost.hostguard(client, cmd.toArray(String[]::new));
        assertThat(refused.exitCode()).as(refused.stdout() + refused.stderr()).isEqualTo(1);
        assertThat(refused.stderr())
            .startsWith("hostguard harden: hgsudo@192.0.2.1:2222: lock-out risk: ")
            .contains("2222")
            .contains("nothing was changed; --force applies anyway")
            .hasLineCount(1);
        assertThat(host.file("etc/ufw/user.rules")).isEqualTo(rulesBefore);
        assertThat(host.run("ufw", "status")).contains("Status: active").contains("2222/tcp");

        cmd.add("--force");
        CommandResult forced = HardenTestHost.hostguard(client, cmd.toArray(String[]::new));
        assertThat(forced.exitCode()).as(forced.stdout() + forced.stderr()).isEqualTo(1);
        assertThat(forced.stderr())
            .startsWith("hostguard harden: hgsudo@192.0.2.1:2222: no new ssh connection got in")
            .contains("put back");
        assertThat(host.file("etc/ufw/user.rules")).isEqualTo(rulesBefore);
        assertThat(host.run("ufw", "status")).contains("Status: active").contains("2222/tcp");
      }
    }
  }

  private static String[] args(String mode, String... options) {
    List<String> a = new ArrayList<>(List.of("harden", mode));
    a.addAll(List.of(options));
    return a.toArray(String[]::new);
  }

  /** What the real tools say of the namespace after harden, and the files it left. */
  private static void assertHardened(HardenTestHost host, String hostname) throws IOException {
    String status = host.run("ufw", "status", "verbose");
    assertThat(status)
        .contains("Status: active")
        .contains("Default: deny (incoming), deny (outgoing), disabled (routed)");
    // ufw lists incoming rules first, then outgoing ones; each group v4 then v6
    List<String> in = CHAPTER.subList(0, 1);
    List<String> out = CHAPTER.subList(1, CHAPTER.size());
    List<String> expected = new ArrayList<>(in);
    expected.addAll(v6(in));
    expected.addAll(out);
    expected.addAll(v6(out));
    assertThat(ruleLines(status)).isEqualTo(expected);

    String f2b = host.run("fail2ban-client", "-c", "/etc/fail2ban", "-d");
    assertThat(f2b)
        .contains("['add', 'sshd',")
        .contains("['set', 'sshd', 'maxretry', 5]")
        .contains("['set', 'sshd', 'addaction', 'mail-whois-lines']")
        .contains("started on <fq-hostname>\" " + EMAIL)
        .contains("['set', 'sshd', 'addignoreip', '127.0.0.1/8', '192.168.1.0/24']")
        .containsPattern("\\['set', 'sshd', 'addaction', 'ufw'\\]");

    String psad = host.run("psad", "-c", "/etc/psad/psad.conf", "-D");
    // psad -D masks these two as "(removed)": the file says what psad reads
    String conf = host.file("etc/psad/psad.conf");
    assertThat(conf)
        .containsPattern("(?m)^EMAIL_ADDRESSES\\s+" + EMAIL + ";$")
        .containsPattern("(?m)^HOSTNAME\\s+" + java.util.regex.Pattern.quote(hostname) + ";$");
    assertThat(psad)
        .containsPattern("(?m)^\\s*ENABLE_PSADWATCHD\\s+Y$")
        .containsPattern("(?m)^\\s*ENABLE_AUTO_IDS\\s+Y$")
        .containsPattern("(?m)^\\s*ENABLE_AUTO_IDS_EMAILS\\s+Y$")
        .containsPattern("(?m)^\\s*EXPECT_TCP_OPTIONS\\s+Y$");

    for (String f : List.of("etc/ufw/before.rules", "etc/ufw/before6.rules")) {
      String text = host.file(f);
      String filter = text.substring(text.indexOf("*filter"));
      String filterTable = filter.substring(0, filter.indexOf("\nCOMMIT\n") + 8);
      assertThat(filterTable)
          .as(f)
          .containsOnlyOnce("-A INPUT -j LOG")
          .containsOnlyOnce("-A FORWARD -j LOG");
      assertThat(filterTable.indexOf("-A FORWARD -j LOG"))
          .as(f)
          .isLessThan(filterTable.lastIndexOf("COMMIT"));
      assertThat(text).as(f).containsOnlyOnce("-A INPUT -j LOG");
    }
    for (String shipped :
        List.of(
            "etc/fail2ban/jail.conf",
            "etc/fail2ban/fail2ban.conf",
            "etc/fail2ban/paths-debian.conf",
            "etc/ufw/after.rules")) {
      Path real = Path.of("/").resolve(shipped);
      if (shipped.startsWith("etc/ufw")) {
        real = Path.of("/usr/share/ufw/iptables/after.rules");
      }
      assertThat(host.data.resolve(shipped)).as(shipped).hasSameBinaryContentAs(real);
    }
  }

  private static List<String> v6(List<String> rules) {
    List<String> out = new ArrayList<>();
    for (String rule : rules) {
      int space = rule.indexOf(' ');
      out.add(rule.substring(0, space) + " (v6)" + rule.substring(space));
    }
    return out;
  }

  /** The rule lines of {@code ufw status verbose}, blanks collapsed, after the {@code --} line. */
  private static List<String> ruleLines(String status) {
    List<String> out = new ArrayList<>();
    boolean rules = false;
    for (String line : status.split("\n", -1)) {
      if (line.startsWith("--")) {
        rules = true;
      } else if (rules && !line.isBlank()) {
        String collapsed = line.strip().replaceAll(" {2,}", " ");
        out.add(collapsed.replace(" Anywhere (v6)", "").replace(" Anywhere", ""));
      }
    }
    return out;
  }
}
