package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwSandbox;
import dev.hostguard.testing.gen.UfwCommandGens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UfwRuleSet} against the real ufw 0.36.2 run for real (not dry) in a private namespace, on
 * generated sessions of colliding rule commands (6 of 40 commands with the firewall off, 4 of 40
 * with it on): every command's stdout, exit code and first ERROR line, and the {@code user.rules}
 * and {@code user6.rules} left at the end, must agree; once with the firewall off and once with it
 * enabled.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE},
    root = true)
class UfwRuleSetDifferentialTest {
  /** What a real root run writes: stock settings, rate limiting in both files. */
  private static final UserRulesOptions REAL_RUN =
      UserRulesOptions.builder().rateLimitV6(true).build();

  @TempDir Path tmp;

  /** Every distinct line real ufw printed (stdout lines and first ERROR lines), to check reach. */
  private final java.util.Set<String> seen = new java.util.TreeSet<>();

  private static List<List<List<String>>> sessions(long seed, int count, int length) {
    List<List<List<String>>> out =
        Exploration.sample(UfwCommandGens.sessions(length), seed, count + 1);
    // QuickTheories starts from the simplest value: a session of one repeated command
    return out.subList(1, out.size());
  }

  @Test
  void inactiveFirewall() throws Exception {
    List<String> failures = new ArrayList<>();
    for (List<List<String>> s : sessions(20261125L, 6, 40)) {
      failures.addAll(compare(s, false));
    }
    assertThat(failures).isEmpty();
    // the sessions reached every outcome of a rule change
    assertThat(seen)
        .contains(
            "Rules updated",
            "Rules updated (v6)",
            "Skipping adding existing rule",
            "Skipping adding existing rule (v6)",
            "Skipping inserting existing rule",
            "Could not delete non-existent rule",
            "Could not delete non-existent rule (v6)",
            "ERROR: Invalid position 'N'",
            "ERROR: Could not find rule 'N'");
  }

  @Test
  void activeFirewall() throws Exception {
    List<String> failures = new ArrayList<>();
    for (List<List<String>> s : sessions(7919L, 4, 40)) {
      failures.addAll(compare(s, true));
    }
    assertThat(failures).isEmpty();
    assertThat(seen)
        .contains(
            "Rule added",
            "Rule added (v6)",
            "Rule updated",
            "Rule updated (v6)",
            "Rule deleted",
            "Rule deleted (v6)",
            "Rule inserted",
            "Rule inserted (v6)");
  }

  /** Two sessions from a fresh seed (printed), on an inactive and an active firewall. */
  @Test
  void freshSeed() throws Exception {
    List<String> failures = new ArrayList<>();
    for (long seed : Exploration.seeds("UfwRuleSetDifferentialTest.freshSeed")) {
      // QuickTheories may draw fewer distinct sessions than asked
      List<List<List<String>>> drawn = sessions(seed, 4, 40);
      assertThat(drawn).as("sessions drawn from seed %d", seed).hasSizeGreaterThanOrEqualTo(2);
      failures.addAll(compare(drawn.get(0), false));
      failures.addAll(compare(drawn.get(1), true));
      assertThat(failures).as("seed %d", seed).isEmpty();
    }
  }

  private List<String> compare(List<List<String>> session, boolean active) throws Exception {
    List<List<String>> commands = new ArrayList<>();
    if (active) {
      commands.add(List.of("--force", "enable"));
    }
    commands.addAll(session);
    UfwSandbox.Run run = UfwSandbox.builder().build().runCollecting(commands);
    int skip = active ? 1 : 0;
    if (active) {
      assertThat(run.results().get(0).stdout())
          .isEqualTo("Firewall is active and enabled on system startup\n");
    }

    Path apps = Files.createDirectories(tmp.resolve("apps" + System.nanoTime()));
    for (Map.Entry<String, String> f : run.etcUfwFiles().entrySet()) {
      if (f.getKey().startsWith("applications.d/")) {
        Files.writeString(
            apps.resolve(f.getKey().substring("applications.d/".length())), f.getValue());
      }
    }
    ServicesDatabase services = ServicesDatabase.fromHost();
    UfwRuleParser parser = UfwRuleParser.of(services);
    UfwRuleSet set =
        UfwRuleSet.builder()
            .firewallActive(active)
            .applicationProfiles(AppProfiles.load(apps, services))
            .build();
    List<String> failures = new ArrayList<>();
    boolean wrote = false;
    for (int i = 0; i < session.size(); i++) {
      List<String> argv = session.get(i);
      CommandResult real = run.results().get(i + skip);
      List<String> words = argv.get(0).equals("--force") ? argv.subList(1, argv.size()) : argv;
      int exit;
      String stdout;
      String error;
      try {
        UfwRuleSet.Change c = set.apply(parser.parse(words));
        set = c.after();
        wrote |= c.changed();
        exit = 0;
        stdout = c.message().isEmpty() ? "" : c.message() + "\n";
        error = "";
      } catch (UfwRuleException e) {
        exit = 1;
        stdout = "";
        error = e.ufwMessage().lines().findFirst().orElse("");
      } catch (UfwRefusedException e) {
        exit = 1;
        stdout = "";
        error = requireNonNull(e.getMessage()).lines().findFirst().orElse("");
      }
      String realError = UfwOracle.firstError(real.stderr());
      real.stdout().lines().forEach(seen::add);
      if (!realError.isEmpty()) {
        seen.add("ERROR: " + realError.replaceAll("'[^']*'", "'N'"));
      }
      if (exit != real.exitCode() || !stdout.equals(real.stdout()) || !error.equals(realError)) {
        failures.add(
            (active ? "active " : "inactive ")
                + "command "
                + i
                + " "
                + argv
                + "\n  ufw:       exit "
                + real.exitCode()
                + " "
                + real.stdout().replace("\n", "\\n")
                + " "
                + realError
                + "\n  hostguard: exit "
                + exit
                + " "
                + stdout.replace("\n", "\\n")
                + " "
                + error
                + "\n  session: "
                + session);
        return failures; // later commands would only repeat the divergence
      }
    }
    if (!wrote) {
      return failures; // ufw left its shipped files alone
    }
    String v4 = set.rulesFile(false, REAL_RUN).render();
    String v6 = set.rulesFile(true, REAL_RUN).render();
    if (!v4.equals(run.etcUfwFiles().get("user.rules"))) {
      failures.add("user.rules differs after " + session + "\n" + v4);
    }
    if (!v6.equals(run.etcUfwFiles().get("user6.rules"))) {
      failures.add("user6.rules differs after " + session + "\n" + v6);
    }
    // the text-only path writes the same bytes
    if (!set.rulesFileText(false, REAL_RUN).equals(v4)
        || !set.rulesFileText(true, REAL_RUN).equals(v6)) {
      failures.add("rulesFileText differs from rulesFile().render() after " + session);
    }
    return failures;
  }
}
