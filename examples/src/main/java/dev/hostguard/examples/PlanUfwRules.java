package dev.hostguard.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwRefusedException;
import dev.hostguard.ufw.UfwRuleException;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UfwTree;
import dev.hostguard.ufw.UserRulesOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans ufw rule changes without touching a firewall: reads the rules files, {@code ufw.conf},
 * {@code /etc/default/ufw} and application profiles under a root directory, applies ufw commands to
 * them as ufw would (a real run with the firewall off), prints what ufw would say for each, and
 * then the {@code user.rules} / {@code user6.rules} ufw would write. Commands are argv words,
 * separated by a {@code --} word (no shell, no quoting of our own).
 *
 * <pre>{@code
 * java -cp examples/target/hostguard-examples.jar dev.hostguard.examples.PlanUfwRules --root / \
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
    ServicesDatabase services = ServicesDatabase.fromHost();
    UfwTree tree = UfwTree.load(root, services);
    UfwRuleSet set = tree.rules();
    UfwRuleParser parser = UfwRuleParser.of(services);
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
        err.println("ufw " + String.join(" ", command) + ": ERROR: " + e.ufwMessage());
        return 1;
      } catch (UfwRefusedException e) {
        err.println("ufw " + String.join(" ", command) + ": ERROR: " + e.getMessage());
        return 1;
      }
      command.clear();
    }
    plan.forEach(out::print);
    // what a real run as root writes: the configured level and policies, rate limiting in both
    // files
    UserRulesOptions options = tree.withRules(set).options();
    out.print("--- user.rules\n" + set.rulesFile(false, options).render());
    out.print("--- user6.rules\n" + set.rulesFile(true, options).render());
    return 0;
  }

  private static List<String> append(List<String> words, String last) {
    List<String> all = new ArrayList<>(words);
    all.add(last);
    return all;
  }
}
