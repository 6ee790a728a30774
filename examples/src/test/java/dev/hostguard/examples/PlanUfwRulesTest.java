package dev.hostguard.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.UfwDataDir;
import dev.hostguard.testing.UfwSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan for the seed chapter's outgoing rules equals what a real ufw, run in a private namespace
 * on the same stock files, printed for each command and wrote to its rules files.
 */
@RequiresRealTool(
    value = {RealTool.UFW, RealTool.UNSHARE},
    root = true)
class PlanUfwRulesTest {
  private static final List<List<String>> SEED =
      List.of(
          List.of("limit", "in", "ssh", "comment", "allow SSH connections in"),
          List.of("allow", "out", "53", "comment", "allow DNS calls out"),
          List.of("allow", "out", "123", "comment", "allow NTP out"),
          List.of("allow", "out", "http"),
          List.of("allow", "out", "https"),
          List.of("allow", "out", "http"),
          List.of("deny", "out", "http"),
          List.of("delete", "allow", "out", "whois"),
          List.of("insert", "1", "allow", "out", "whois"));

  @TempDir Path tmp;

  @Test
  void planEqualsWhatUfwSaysAndWrites() throws Exception {
    UfwSandbox.Run real = UfwSandbox.builder().build().runCollecting(SEED);
    StringBuilder expected = new StringBuilder();
    List<String> args = new ArrayList<>(List.of("--root", UfwDataDir.createStock(tmp).toString()));
    for (int i = 0; i < SEED.size(); i++) {
      CommandResult r = real.results().get(i);
      assertThat(r.exitCode()).as("%s: %s", SEED.get(i), r.stderr()).isZero();
      expected.append("$ ufw ").append(String.join(" ", SEED.get(i))).append('\n');
      expected.append(r.stdout());
      args.addAll(SEED.get(i));
      args.add("--");
    }
    expected.append("--- user.rules\n").append(real.etcUfwFiles().get("user.rules"));
    expected.append("--- user6.rules\n").append(real.etcUfwFiles().get("user6.rules"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        PlanUfwRules.run(
            args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isZero();
    assertThat(out.toString(UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void aRefusedCommandStopsThePlan() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        PlanUfwRules.run(
            List.of(
                "--root",
                UfwDataDir.createStock(tmp).toString(),
                "allow",
                "22",
                "--",
                "insert",
                "9",
                "allow",
                "80"),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(UTF_8)).isEmpty();
    assertThat(err.toString(UTF_8))
        .isEqualTo("ufw insert 9 allow 80: ERROR: Invalid position '9'\n");
  }
}
