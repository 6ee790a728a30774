package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.gen.UfwCommandGens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostguard}'s dry run against the real {@code ufw --dry-run} on 2,000 generated command
 * lines (fixed seeds), on a stock data dir and on one holding rules ufw itself added: stdout, exit
 * code and first ERROR line must agree (stdout is not compared after {@code Invalid syntax}, where
 * ufw prints its usage).
 */
@RequiresRealTool({RealTool.UFW})
class UfwDryRunDifferentialTest {
  static final List<List<String>> POPULATE =
      List.of(
          List.of("allow", "22/tcp"),
          List.of("deny", "from", "10.0.0.0/8"),
          List.of("allow", "CIFS"),
          List.of("limit", "in", "ssh", "comment", "allow SSH connections in"),
          List.of("allow", "out", "53", "comment", "allow DNS calls out"),
          List.of("route", "allow", "in", "on", "eth0", "out", "on", "eth1"),
          List.of("allow", "from", "2001:db8::/32", "to", "any", "port", "443", "proto", "tcp"),
          List.of("reject", "out", "log", "25"),
          List.of("allow", "WWW Full"),
          List.of("allow", "plexmediaserver"),
          List.of(
              "deny",
              "in",
              "on",
              "eth0",
              "from",
              "192.168.1.0/24",
              "port",
              "1000:2000",
              "proto",
              "udp"));

  @TempDir Path tmp;

  @Test
  void stockDataDir() throws Exception {
    Path dir = UfwOracle.stockWithPlex(tmp.resolve("stock"));
    compare(dir, Exploration.sample(UfwCommandGens.commandLines(), 20261125L, 1000));
  }

  /** ufw warns "Rule changed after normalization" only for some rewrites of an address. */
  @Test
  void normalizationWarnings() throws Exception {
    Path dir = UfwOracle.stockWithPlex(tmp.resolve("normalization"));
    compare(
        dir,
        List.of(
            List.of("allow", "from", "10.1.2.3/8"),
            List.of("allow", "from", "10.0.0.1/32"),
            List.of("allow", "from", "10.0.0.0/255.0.0.0"),
            List.of("allow", "from", "10.1.2.3/255.0.0.0"),
            List.of("allow", "from", "2001:0db8::1"),
            List.of("allow", "from", "2001:DB8::1"),
            List.of("deny", "from", "2001:db8::1/64", "to", "2001:0db8::2"),
            List.of("reject", "log-all", "to", "10.1.2.3/8", "app", "DNS"),
            List.of("allow", "from", "10.1.2.3/8", "to", "10.9.9.9/16")));
  }

  /**
   * {@code logging LEVEL} and ufw's reading of a level as the command ({@code on on} is {@code
   * logging on}): the message, or the syntax error. N = 16. ufw rewrites ufw.conf for these even in
   * a dry run, so they get a data dir of their own.
   */
  @Test
  void loggingCommands() throws Exception {
    Path dir = UfwOracle.stockWithPlex(tmp.resolve("logging"));
    compare(
        dir,
        List.of(
            List.of("logging", "on"),
            List.of("logging", "LOW"),
            List.of("logging", "medium"),
            List.of("Logging", "high"),
            List.of("logging", "full"),
            List.of("on", "on"),
            List.of("off", "on", "reject", "in", "prepend", "eth0"),
            List.of("high", "full"),
            List.of("logging", "on", "extra", "words"),
            List.of("logging"),
            List.of("logging", "loud"),
            List.of("on"),
            List.of("on", "22"),
            List.of("on", "allow", "22"),
            List.of("logging", "off"),
            List.of("off", "off")));
  }

  /** A fresh seed each run (printed; {@code -Dhostguard.seed=N} reproduces it): N = 300. */
  @Test
  void freshSeed() throws Exception {
    Path dir = UfwOracle.stockWithPlex(tmp.resolve("fresh"));
    UfwOracle.populate(dir, POPULATE);
    for (long seed : Exploration.seeds("UfwDryRunDifferentialTest.freshSeed")) {
      compare(dir, Exploration.sample(UfwCommandGens.commandLines(), seed, 300));
    }
  }

  @Test
  void populatedDataDir() throws Exception {
    Path dir = UfwOracle.stockWithPlex(tmp.resolve("populated"));
    UfwOracle.populate(dir, POPULATE);
    compare(dir, Exploration.sample(UfwCommandGens.commandLines(), 4078L, 1000));
  }

  /** The OpenSSH profile most servers have, named in other cases and beside other profiles. */
  @Test
  void openSshProfile() throws Exception {
    Path dir = UfwOracle.stockWithOpenSsh(tmp.resolve("openssh"));
    List<List<String>> argvs = new ArrayList<>();
    for (String name : List.of("openssh", "OpenSSH", "OPENSSH", "ssh")) {
      argvs.add(List.of("allow", name));
      argvs.add(List.of("limit", "in", name, "comment", "ssh"));
      argvs.add(List.of("deny", "from", "10.0.0.0/8", "to", "any", "app", name));
      argvs.add(List.of("allow", "from", "any", "app", name, "to", "any", "app", "WWW"));
      argvs.add(
          List.of(
              "reject", "from", "2001:DB8::1/64", "app", name, "to", "fe80::1/128", "app", "WWW"));
      argvs.add(List.of("allow", "from", "any", "app", "WWW", "to", "any", "app", name));
      argvs.add(List.of("allow", "from", "any", "app", name));
      argvs.add(List.of("delete", "allow", name));
    }
    argvs.addAll(Exploration.sample(UfwCommandGens.commandLines(), 2211L, 200));
    compare(dir, argvs);
  }

  private static void compare(Path dir, List<List<String>> argvs) {
    List<CommandResult> real = UfwOracle.runAll(dir, argvs);
    UfwDryRun mirror = UfwDryRun.of(dir, ServicesDatabase.fromHost());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < argvs.size(); i++) {
      List<String> argv = new ArrayList<>();
      argv.add("--dry-run");
      argv.addAll(argvs.get(i));
      UfwDryRun.Result ours = mirror.run(argv);
      CommandResult theirs = real.get(i);
      String theirError = UfwOracle.firstError(theirs.stderr());
      boolean usage = theirError.equals("Invalid syntax") || theirError.equals("not enough args");
      List<String> theirWarnings = UfwOracle.warnings(theirs.stderr());
      List<String> ourWarnings = UfwOracle.warnings(ours.stderr());
      boolean same =
          ours.exitCode() == theirs.exitCode()
              && ours.firstError().equals(theirError)
              && ourWarnings.equals(theirWarnings)
              && (usage || ours.stdout().equals(theirs.stdout()));
      if (!same) {
        failures.add(
            argvs.get(i)
                + "\n  ufw:  exit "
                + theirs.exitCode()
                + " error '"
                + theirError
                + "'\n  ours: exit "
                + ours.exitCode()
                + " error '"
                + ours.firstError()
                + "'"
                + (ours.stdout().equals(theirs.stdout()) ? "" : "\n  stdout differs")
                + (ourWarnings.equals(theirWarnings)
                    ? ""
                    : "\n  warnings: ufw " + theirWarnings + " ours " + ourWarnings));
      }
    }
    assertThat(failures)
        .as("%d of %d command lines differ", failures.size(), argvs.size())
        .isEmpty();
  }
}
