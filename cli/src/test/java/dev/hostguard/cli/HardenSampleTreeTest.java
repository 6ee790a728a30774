package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.fail2ban.Fail2banIniDocument;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample tree {@code harden} falls back to ({@link SampleTree}): every file reads back
 * losslessly through the models, the real ufw enables with it, and {@code harden --root} plans,
 * applies and then finds nothing on it, with the JSON shapes of docs/cli.md. Also how {@code
 * --allow-in} SPECs become words.
 */
class HardenSampleTreeTest {
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
        command -> {
          throw new AssertionError("no command may run on a tree: " + command);
        });
  }

  @Test
  void everySampleFileIsLosslessInItsModel() {
    Map<String, String> files = SampleTree.files();
    assertThat(files.keySet())
        .contains(
            "etc/ufw/user.rules",
            "etc/ufw/user6.rules",
            "etc/ufw/before.rules",
            "etc/ufw/before6.rules",
            "etc/psad/psad.conf",
            "etc/fail2ban/jail.conf",
            "etc/default/ufw",
            "etc/ufw/ufw.conf",
            "etc/services");
    for (String f :
        List.of(
            "etc/ufw/user.rules",
            "etc/ufw/user6.rules",
            "etc/ufw/before.rules",
            "etc/ufw/before6.rules",
            "etc/ufw/after.rules",
            "etc/ufw/after6.rules")) {
      String text = files.get(f);
      assertThat(IptablesRestoreDocument.parseValid(f, text).render()).as(f).isEqualTo(text);
    }
    assertThat(PsadConfDocument.parse("psad.conf", files.get("etc/psad/psad.conf")).render())
        .isEqualTo(files.get("etc/psad/psad.conf"));
    assertThat(Fail2banIniDocument.parse("jail.conf", files.get("etc/fail2ban/jail.conf")).render())
        .isEqualTo(files.get("etc/fail2ban/jail.conf"));
    assertThat(UfwConf.parse("ufw.conf", files.get("etc/ufw/ufw.conf")).render())
        .isEqualTo(files.get("etc/ufw/ufw.conf"));
    assertThat(UfwDefaults.parse("ufw", files.get("etc/default/ufw")).render())
        .isEqualTo(files.get("etc/default/ufw"));
    ServicesDatabase services = ServicesDatabase.parse("services", files.get("etc/services"));
    assertThat(services.render()).isEqualTo(files.get("etc/services"));
    assertThat(services.has("whois", "tcp")).isTrue();
  }

  /** The oracle: ufw 0.36.2 loads the sample's rules files and enables (N = 1 sandbox). */
  @Test
  @RequiresRealTool(
      value = {RealTool.UFW, RealTool.UNSHARE},
      root = true)
  void realUfwEnablesWithTheSampleFiles() {
    Map<String, String> files = SampleTree.files();
    UfwSandbox.Builder b = UfwSandbox.builder();
    for (String name :
        List.of(
            "user.rules",
            "user6.rules",
            "before.rules",
            "before6.rules",
            "after.rules",
            "after6.rules",
            "ufw.conf")) {
      b.etcUfwFile(name, files.get("etc/ufw/" + name));
    }
    List<CommandResult> r =
        b.build().run(List.of(List.of("--force", "enable"), List.of("status", "verbose")));
    assertThat(r.get(0).exitCode()).as(r.get(0).stderr()).isZero();
    assertThat(r.get(1).stdout()).contains("Status: active");
  }

  @Test
  void hardenOnTheSampleTreePlansAppliesAndThenFindsNothing() throws Exception {
    try (SampleTree sample = SampleTree.create()) {
      String root = sample.root().toString();
      assertThat(run("harden", "--root", root, "--json")).as(err.toString(UTF_8)).isZero();
      ObjectMapper json = new ObjectMapper();
      JsonNode plan = json.readTree(out.toString(UTF_8));
      assertThat(plan.get("format").asText()).isEqualTo("hostguard-plan");
      assertThat(plan.get("version").asInt()).isEqualTo(1);
      assertThat(plan.get("bulk").isBoolean()).isTrue();
      assertThat(plan.get("unmanagedRules").isArray()).isTrue();
      JsonNode steps = plan.get("steps");
      assertThat(steps.size()).isGreaterThanOrEqualTo(5);
      for (JsonNode step : steps) {
        // a tree gets files only
        assertThat(step.get("type").asText()).isEqualTo("file");
        assertThat(step.get("path").asText()).startsWith("/etc/");
        assertThat(step.get("diff").asText())
            .containsPattern("(?m)^--- (a/etc/|/dev/null)")
            .contains("+++ b/etc/");
        assertThat(step.has("description") && step.has("encoding") && step.has("after")).isTrue();
      }

      assertThat(run("harden", "--root", root, "--apply", "--json", "--hostname", "web1"))
          .as(err.toString(UTF_8))
          .isZero();
      JsonNode applied = json.readTree(out.toString(UTF_8));
      assertThat(applied.get("format").asText()).isEqualTo("hostguard-apply");
      assertThat(applied.get("complete").asBoolean()).isTrue();
      for (JsonNode o : applied.get("outcomes")) {
        assertThat(o.get("status").asText()).isEqualTo("done");
      }
      assertThat(Files.readString(sample.root().resolve("etc/psad/psad.conf"), UTF_8))
          .contains("HOSTNAME                    web1;");
      assertThat(Files.readString(sample.root().resolve("etc/ufw/user.rules"), UTF_8))
          .contains("### tuple ### limit tcp 22 0.0.0.0/0 any 0.0.0.0/0 in");
      // ufw --force enable, in a tree: ufw.conf says so (the sample's says ENABLED=no)
      assertThat(Files.readString(sample.root().resolve("etc/ufw/ufw.conf"), UTF_8))
          .contains("\nENABLED=yes\n")
          .doesNotContain("ENABLED=no");

      assertThat(run("harden", "--root", root, "--check", "--hostname", "web1")).isZero();
      assertThat(out.toString(UTF_8))
          .isEqualTo(
              "tree: "
                  + root
                  + "\nfail2ban ignoreip: 127.0.0.1/8 alone (no --lan)\nnothing to change\n");
    }
  }

  /**
   * The README's main job run by a user who cannot read the host's files (Debian's user.rules is
   * 0640 root): {@code harden} says why and plans against the bundled sample, exit 0. The CLI runs
   * as {@code nobody} ({@code setpriv}) from a world-readable copy of this test's classpath.
   */
  @Test
  @RequiresRealTool(
      value = {RealTool.UFW},
      root = true)
  void aUserWhoCannotReadTheHostsFilesGetsTheSample() throws Exception {
    Path cp = Files.createDirectories(tmp.resolve("cp"));
    List<String> entries = new java.util.ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path from = Path.of(e);
      if (!Files.exists(from)) {
        continue;
      }
      Path to = cp.resolve(i++ + "-" + from.getFileName());
      dev.hostguard.exec.LocalExecutor.create()
          .execute(dev.hostguard.exec.Command.of("cp", "-r", from.toString(), to.toString()));
      entries.add(to.toString());
    }
    dev.hostguard.exec.LocalExecutor.create()
        .execute(dev.hostguard.exec.Command.of("chmod", "-R", "a+rX", tmp.toString()));
    CommandResult r =
        dev.hostguard.exec.LocalExecutor.create()
            .execute(
                dev.hostguard.exec.Command.of(
                        "setpriv",
                        "--reuid=nobody",
                        "--regid=nogroup",
                        "--clear-groups",
                        "--",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        String.join(java.io.File.pathSeparator, entries),
                        HostguardCli.class.getName(),
                        "harden")
                    .withTimeout(java.time.Duration.ofMinutes(2))
                    .acceptingAnyExitCode());
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    List<String> lines = r.stdout().lines().toList();
    assertThat(lines.get(0))
        .matches("this (host's .* is not readable as this user|machine has no readable .*).*");
    assertThat(lines.get(1)).startsWith("tree: the sample bundled in hostguard");
    assertThat(r.stdout()).contains("+++ b/etc/ufw/user.rules", "+### tuple ### limit tcp 22 ");
  }

  @Test
  void applyAndCheckTogetherAreRefused() {
    assertThat(run("harden", "--root", tmp.toString(), "--apply", "--check")).isEqualTo(1);
    assertThat(err.toString(UTF_8))
        .isEqualTo(
            "hostguard harden: --apply and --check exclude each other (nothing was changed)\n");
  }

  @Test
  void rootTakesNoExecutor() {
    assertThat(run("harden", "--root", tmp.toString(), "--executor", "ssh", "--host", "h"))
        .isEqualTo(1);
    assertThat(err.toString(UTF_8)).startsWith("hostguard harden: --root DIR is a tree");
  }

  @Test
  void allowInSpecsBecomeUfwWords() {
    UfwRuleParser p =
        UfwRuleParser.of(ServicesDatabase.parse("services", "ssh\t\t22/tcp\nhttps\t\t443/tcp\n"));
    assertThat(HardenCommand.allowInWords(p, "443/tcp")).containsExactly("443/tcp");
    assertThat(HardenCommand.allowInWords(p, "https")).containsExactly("https");
    assertThat(HardenCommand.allowInWords(p, "'WWW Full'")).containsExactly("WWW Full");
    assertThat(HardenCommand.allowInWords(p, "WWW Full")).containsExactly("WWW Full");
    assertThat(HardenCommand.allowInWords(p, "from 10.0.0.0/8 to any port 22"))
        .containsExactly("from", "10.0.0.0/8", "to", "any", "port", "22");
    assertThatThrownBy(() -> HardenCommand.allowInWords(p, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--allow-in needs a SPEC");
  }
}
