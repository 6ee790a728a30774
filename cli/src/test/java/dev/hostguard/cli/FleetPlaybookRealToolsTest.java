package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.SshdSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet playbook of {@code docs/fleet.md} ({@code docs/fleet/harden.yml}, the committed file)
 * run by Debian's {@code ansible-playbook} against N = 2 hosts: two {@link HardenTestHost}s
 * (private network and mount namespaces with copies of the ufw, psad and fail2ban files over the
 * real paths, the real ufw 0.36.2 disabled at first), each with a real sshd ({@link SshdSandbox},
 * login user {@code hgsudo} with passwordless sudo) on its own loopback. The controller is this
 * machine; the inventory's {@code hostguard_command} runs hostguard as a JVM on this test's
 * classpath through {@code nsenter --net=/proc/PID/ns/net} into each host's network namespace (a
 * test-only detail: a real inventory runs {@code java -jar hostguard.jar} and reaches the hosts
 * over the network), with {@code --no-services} (no daemons in the namespaces). Three runs: {@code
 * --check} shows each host's plan and changes nothing, a run without it converges both, a second
 * {@code --check} reports no change. About 60-95 s here (three playbook runs, eight hostguard
 * JVMs), within the 5-minute cap.
 */
@RequiresRealTool(
    value = {
      RealTool.ANSIBLE_PLAYBOOK,
      RealTool.UFW,
      RealTool.UNSHARE,
      RealTool.NSENTER,
      RealTool.IP,
      RealTool.SSHD,
      RealTool.SSH,
      RealTool.SUDO
    },
    root = true)
class FleetPlaybookRealToolsTest {
  private static final Path PLAYBOOK =
      Path.of("..", "docs", "fleet", "harden.yml").toAbsolutePath().normalize();
  private static final List<String> HOSTS = List.of("alpha", "beta");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One PLAY RECAP line: host, then ok, changed, unreachable, failed, skipped. */
  private static final Pattern RECAP =
      Pattern.compile(
          "(?m)^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)"
              + "\\s+failed=(\\d+)\\s+skipped=(\\d+)");

  @TempDir Path tmp;

  @Test
  void checkShowsEachPlanThenApplyConvergesBothThenCheckFindsNothing() throws Exception {
    long start = System.nanoTime();
    assertThat(PLAYBOOK).exists();
    try (HardenTestHost alpha = new HardenTestHost(tmp.resolve("alpha"));
        SshdSandbox alphaSshd = sshd(alpha);
        HardenTestHost beta = new HardenTestHost(tmp.resolve("beta"));
        SshdSandbox betaSshd = sshd(beta)) {
      Map<String, HardenTestHost> hosts = new LinkedHashMap<>();
      hosts.put("alpha", alpha);
      hosts.put("beta", beta);
      Path inventory = inventory(Map.of("alpha", alphaSshd, "beta", betaSshd), hosts);
      Map<String, Map<String, byte[]>> before = new LinkedHashMap<>();
      for (Map.Entry<String, HardenTestHost> h : hosts.entrySet()) {
        before.put(h.getKey(), snapshot(h.getValue().data));
        assertThat(h.getValue().run("ufw", "status")).contains("Status: inactive");
      }

      // (1) --check: each host's plan is registered, kept and shown; nothing changes
      Path checkReports = tmp.resolve("reports-check");
      CommandResult check = playbook(inventory, checkReports, true);
      Map<String, List<Integer>> recap = recap(check.stdout());
      for (String host : HOSTS) {
        // changed, unreachable, failed, skipped: the plan task changed; the apply's four skipped
        assertThat(recap.get(host).subList(1, 5))
            .as(host + "\n" + check.stdout())
            .containsExactly(1, 0, 0, 4);
        JsonNode plan = JSON.readTree(checkReports.resolve(host + ".plan.json").toFile());
        assertThat(plan.path("format").asText()).isEqualTo("hostguard-plan");
        List<String> described = descriptions(plan);
        assertThat(described)
            .as(host)
            .contains("ufw limit 22/tcp comment allow SSH connections in")
            .contains("ufw --force enable")
            .noneMatch(d -> d.startsWith("psad ") || d.startsWith("fail2ban-client "));
        assertThat(filePaths(plan))
            .as(host)
            .contains("/etc/fail2ban/jail.local", "/etc/fail2ban/jail.d/ssh.local");
        assertThat(check.stdout())
            .contains("changed: [" + host + " -> localhost]")
            .contains("skipping: [" + host + "]");
        assertThat(checkReports.resolve(host + ".result.json")).doesNotExist();
      }
      assertThat(check.stdout())
          .contains("TASK [Show the plan]")
          .contains("\"ufw limit 22/tcp comment allow SSH connections in\"");
      for (Map.Entry<String, HardenTestHost> h : hosts.entrySet()) {
        assertUnchanged(h.getKey(), before.get(h.getKey()), snapshot(h.getValue().data));
        assertThat(h.getValue().run("ufw", "status")).as(h.getKey()).contains("Status: inactive");
      }

      // (2) without --check: the plan again, then harden --apply --json on each host
      Path applyReports = tmp.resolve("reports-apply");
      CommandResult apply = playbook(inventory, applyReports, false);
      recap = recap(apply.stdout());
      for (String host : HOSTS) {
        // the plan task and the apply changed; only the failure report skipped
        assertThat(recap.get(host).subList(1, 5))
            .as(host + "\n" + apply.stdout())
            .containsExactly(2, 0, 0, 1);
        JsonNode result = JSON.readTree(applyReports.resolve(host + ".result.json").toFile());
        assertThat(result.path("format").asText()).isEqualTo("hostguard-apply");
        assertThat(result.path("complete").asBoolean()).as(host).isTrue();
        assertThat(result.path("outcomes")).isNotEmpty();
        for (JsonNode o : result.path("outcomes")) {
          assertThat(o.path("status").asText()).as(host + ": " + o).isEqualTo("done");
        }
      }
      for (Map.Entry<String, HardenTestHost> h : hosts.entrySet()) {
        String status = h.getValue().run("ufw", "status", "verbose");
        assertThat(status).as(h.getKey()).contains("Status: active");
        assertThat(collapsedLines(status))
            .as(h.getKey() + "\n" + status)
            .contains("22/tcp LIMIT IN Anywhere # allow SSH connections in");
        assertThat(h.getValue().file("etc/fail2ban/jail.d/ssh.local")).contains("banaction = ufw");
      }

      // (3) --check again: no change on either host
      Path againReports = tmp.resolve("reports-again");
      CommandResult again = playbook(inventory, againReports, true);
      recap = recap(again.stdout());
      for (String host : HOSTS) {
        assertThat(recap.get(host).get(1)).as(host + " changed\n" + again.stdout()).isZero();
        assertThat(recap.get(host).get(3)).as(host + " failed\n" + again.stdout()).isZero();
        JsonNode plan = JSON.readTree(againReports.resolve(host + ".plan.json").toFile());
        assertThat(plan.path("steps")).as(host).isEmpty();
      }
      assertThat(alphaSshd.acceptedConnections()).isPositive();
      assertThat(betaSshd.acceptedConnections()).isPositive();
    }
    System.out.printf(
        "fleet playbook, 2 hosts, check/apply/check: %d s%n",
        (System.nanoTime() - start) / 1_000_000_000L);
  }

  /**
   * The example inventory of docs/fleet.md ({@code docs/fleet/inventory.yml}) is one ansible reads:
   * its three hosts, each with the variables the page says, and the playbook passes {@code
   * --syntax-check} with it.
   */
  @Test
  void theExampleInventoryAndThePlaybookParse() throws Exception {
    Path example = PLAYBOOK.resolveSibling("inventory.yml");
    String playbook = RealTool.ANSIBLE_PLAYBOOK.require().toString();
    CommandResult syntax =
        ansible(List.of(playbook, "--syntax-check", "-i", example.toString(), PLAYBOOK.toString()));
    assertThat(syntax.exitCode()).as(syntax.stdout() + syntax.stderr()).isZero();
    CommandResult hosts =
        ansible(List.of(playbook, "--list-hosts", "-i", example.toString(), PLAYBOOK.toString()));
    assertThat(hosts.exitCode()).as(hosts.stdout() + hosts.stderr()).isZero();
    assertThat(hosts.stdout())
        .contains("hosts (3):")
        .contains("web1.example.org")
        .contains("web2.example.org")
        .contains("db1.example.org");
    Path inventoryTool = RealTool.ANSIBLE_PLAYBOOK.require().resolveSibling("ansible-inventory");
    CommandResult list =
        ansible(List.of(inventoryTool.toString(), "-i", example.toString(), "--list"));
    assertThat(list.exitCode()).as(list.stdout() + list.stderr()).isZero();
    JsonNode vars = JSON.readTree(list.stdout()).path("_meta").path("hostvars");
    assertThat(vars.path("web2.example.org").path("ansible_port").asInt()).isEqualTo(2222);
    assertThat(vars.path("db1.example.org").path("ansible_host").asText()).isEqualTo("10.0.0.12");
    for (String host : List.of("web1.example.org", "web2.example.org", "db1.example.org")) {
      JsonNode h = vars.path(host);
      assertThat(h.path("hostguard_jar").asText())
          .as(host)
          .isEqualTo("/opt/hostguard/hostguard.jar");
      assertThat(h.path("hostguard_ssh_user").asText()).as(host).isEqualTo("deploy");
      assertThat(h.path("hostguard_options").isArray()).as(host).isTrue();
    }
  }

  /** A real sshd inside {@code host}'s namespaces on 127.0.0.1:22, hgsudo with sudo. */
  private static SshdSandbox sshd(HardenTestHost host) {
    return SshdSandbox.builder()
        .in(host.ns)
        .port(22)
        .loginUser("hgsudo", "/bin/sh")
        .sudoersDropIn("hgsudo ALL=(root) NOPASSWD: ALL\n")
        .build();
  }

  /**
   * The inventory (JSON, which Ansible's YAML inventory reads): per host its key and known_hosts
   * and the test-only {@code hostguard_command} that runs hostguard in its network namespace.
   */
  private Path inventory(Map<String, SshdSandbox> sshds, Map<String, HardenTestHost> hosts)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode all = root.putObject("all");
    ObjectNode vars = all.putObject("vars");
    vars.put("hostguard_ssh_user", "hgsudo");
    vars.putArray("hostguard_options").add("--no-services");
    ObjectNode hostNodes = all.putObject("children").putObject("fleet").putObject("hosts");
    for (String name : HOSTS) {
      SshdSandbox sshd = sshds.get(name);
      HardenTestHost host = hosts.get(name);
      ObjectNode h = hostNodes.putObject(name);
      h.put("hostguard_ssh_host", sshd.address());
      h.put("hostguard_ssh_port", sshd.port());
      h.put("hostguard_ssh_key", sshd.clientKey().toString());
      h.put("hostguard_known_hosts", sshd.knownHostsFile().toString());
      ArrayNode command = h.putArray("hostguard_command");
      command.add(RealTool.NSENTER.require().toString());
      command.add("--net=" + host.ns.netNamespacePath());
      command.add("--");
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(HostguardCli.class.getName());
    }
    Path file = tmp.resolve("inventory.yml");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  /**
   * {@code ansible-playbook -i INVENTORY -e hostguard_report_dir=REPORTS harden.yml [--check]},
   * which must exit 0.
   */
  private CommandResult playbook(Path inventory, Path reports, boolean check) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(RealTool.ANSIBLE_PLAYBOOK.require().toString());
    argv.add("-i");
    argv.add(inventory.toString());
    argv.add("-e");
    argv.add("hostguard_report_dir=" + reports);
    if (check) {
      argv.add("--check");
    }
    argv.add(PLAYBOOK.toString());
    CommandResult r = ansible(argv);
    assertThat(r.exitCode())
        .as(
            "ansible-playbook%s exited %d%n%s%s",
            check ? " --check" : "", r.exitCode(), r.stdout(), r.stderr())
        .isZero();
    return r;
  }

  /**
   * An Ansible program on this machine with its home, temp dirs and configuration private to the
   * test (nothing read from {@code ~/.ansible} or an {@code ansible.cfg}); any exit code.
   */
  private CommandResult ansible(List<String> argv) throws IOException {
    Path config = tmp.resolve("ansible.cfg");
    if (!Files.exists(config)) {
      Files.writeString(config, "[defaults]\n", UTF_8);
    }
    Command command =
        Command.builder()
            .argv(argv)
            .workingDirectory(tmp)
            .putEnv("ANSIBLE_CONFIG", config.toString())
            .putEnv("ANSIBLE_HOME", tmp.resolve("ansible-home").toString())
            .putEnv("ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-local").toString())
            .putEnv("ANSIBLE_REMOTE_TEMP", tmp.resolve("ansible-remote").toString())
            .putEnv("ANSIBLE_HOST_KEY_CHECKING", "False")
            .putEnv("ANSIBLE_RETRY_FILES_ENABLED", "False")
            .putEnv("ANSIBLE_STDOUT_CALLBACK", "default")
            .putEnv("ANSIBLE_NOCOLOR", "1")
            .putEnv("ANSIBLE_FORCE_COLOR", "0")
            .putEnv("ANSIBLE_PYTHON_INTERPRETER", "auto_silent")
            .putEnv("ANSIBLE_FORKS", "2")
            .putEnv("LC_ALL", "C.UTF-8")
            .timeout(RUN_TIMEOUT)
            .acceptAnyExitCode()
            .build();
    return LocalExecutor.create().execute(command);
  }

  /** PLAY RECAP: host to [ok, changed, unreachable, failed, skipped]. */
  private static Map<String, List<Integer>> recap(String stdout) {
    String tail = stdout.substring(Math.max(0, stdout.lastIndexOf("PLAY RECAP")));
    Map<String, List<Integer>> out = new TreeMap<>();
    Matcher m = RECAP.matcher(tail);
    while (m.find()) {
      List<Integer> counts = new ArrayList<>();
      for (int g = 2; g <= 6; g++) {
        counts.add(Integer.parseInt(m.group(g)));
      }
      out.put(m.group(1), counts);
    }
    assertThat(out.keySet()).as(stdout).containsExactlyElementsOf(HOSTS);
    return out;
  }

  private static List<String> descriptions(JsonNode plan) {
    List<String> out = new ArrayList<>();
    for (JsonNode step : plan.path("steps")) {
      out.add(step.path("description").asText());
    }
    return out;
  }

  private static List<String> filePaths(JsonNode plan) {
    List<String> out = new ArrayList<>();
    for (JsonNode step : plan.path("steps")) {
      if (step.path("type").asText().equals("file")) {
        out.add(step.path("path").asText());
      }
    }
    return out;
  }

  /** Every regular file under {@code dir}, by relative path, with its bytes. */
  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return out;
  }

  private static void assertUnchanged(
      String host, Map<String, byte[]> before, Map<String, byte[]> after) {
    assertThat(after.keySet()).as(host + ": files").isEqualTo(before.keySet());
    assertThat(before).containsKey("etc/ufw/user.rules");
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      assertThat(after.get(e.getKey())).as(host + ": " + e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** The lines of {@code ufw status verbose}, stripped, runs of blanks collapsed. */
  private static List<String> collapsedLines(String status) {
    List<String> out = new ArrayList<>();
    for (String line : status.split("\n", -1)) {
      out.add(line.strip().replaceAll(" {2,}", " "));
    }
    return out;
  }
}
