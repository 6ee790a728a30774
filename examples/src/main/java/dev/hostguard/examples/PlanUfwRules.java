package dev.hostguard.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.ufw.AppProfiles;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRuleException;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.UserRulesOptions;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans ufw rule changes without touching a firewall: reads the rules files, {@code ufw.conf},
 * {@code /etc/default/ufw} and application profiles under a root directory, applies ufw commands to
 * them as ufw would (a real run with the firewall off), prints what ufw would say for each, and
 * then the {@code user.rules} / {@code user6.rules} ufw would write. Commands are argv words,
 * separated by a {@code --} word (no shell, no quoting of our own).
 *
 * <pre>{@code
 * java -cp examples/target/hostguard.jar dev.hostguard.examples.PlanUfwRules --root / \
 *     limit in ssh comment 'allow SSH connections in' -- allow out 53 -- allow out 123
 * }</pre>
 */
public final class PlanUfwRules {
  private PlanUfwRules() {}

  /** Runs the plan; exit status 0, or 1 when ufw would refuse a command (nothing is printed). */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, UTF_8);
    PrintStream err = new PrintStream(System.err, true, UTF_8);
    System.exit(run(List.of(args), out, err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    Path root = Path.of("/");
    List<String> words = new ArrayList<>(args);
    if (words.size() >= 2 && words.get(0).equals("--root")) {
      root = Path.of(words.get(1));
      words = words.subList(2, words.size());
    }
    Path etc = root.resolve("etc/ufw");
    UfwConf conf = UfwConf.parseValid("ufw.conf", Files.readString(etc.resolve("ufw.conf"), UTF_8));
    UfwDefaults defaults =
        UfwDefaults.parseValid(
            "default/ufw", Files.readString(root.resolve("etc/default/ufw"), UTF_8));
    ServicesDatabase services = ServicesDatabase.system();
    UfwRuleSet set =
        UfwRuleSet.builder()
            .ipv6Enabled(defaults.ipv6())
            .ipv4Rules(read(etc.resolve("user.rules")))
            .ipv6Rules(read(etc.resolve("user6.rules")))
            .applicationProfiles(
                Files.isDirectory(etc.resolve("applications.d"))
                    ? AppProfiles.load(etc.resolve("applications.d"), services)
                    : AppProfiles.of(List.of(), services))
            .build();
    UfwRuleParser parser = UfwRuleParser.using(services);
    List<String> plan = new ArrayList<>();
    List<String> command = new ArrayList<>();
    for (String w : append(words, "--")) {
      if (!w.equals("--")) {
        command.add(w);
        continue;
      }
      if (command.isEmpty()) {
        continue;
      }
      try {
        UfwRuleSet.Change c = set.apply(parser.parse(command));
        plan.add("$ ufw " + String.join(" ", command) + "\n" + c.message() + "\n");
        set = c.after();
      } catch (UfwRuleException e) {
        err.println("ufw " + String.join(" ", command) + ": ERROR: " + e.reason());
        return 1;
      }
      command.clear();
    }
    plan.forEach(out::print);
    // what a real run as root writes: the configured level and policies, rate limiting in both
    // files
    UserRulesOptions options =
        new UserRulesOptions(
            conf.logLevel(),
            lower(defaults.inputPolicy()),
            lower(defaults.outputPolicy()),
            lower(defaults.forwardPolicy()),
            true,
            true);
    out.print("--- user.rules\n" + set.userRules(false, options));
    out.print("--- user6.rules\n" + set.userRules(true, options));
    return 0;
  }

  private static String lower(UfwPolicy p) {
    return p.target().toLowerCase(Locale.ROOT);
  }

  private static List<String> append(List<String> words, String last) {
    List<String> all = new ArrayList<>(words);
    all.add(last);
    return all;
  }

  private static List<dev.hostguard.ufw.UfwRule> read(Path file) throws IOException {
    return Files.exists(file)
        ? UserRulesFile.parse(file.toString(), Files.readAllBytes(file)).rules()
        : List.of();
  }
}
