package dev.hostguard.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.host.ApplyResult;
import dev.hostguard.host.DesiredState;
import dev.hostguard.host.Fail2banOverride;
import dev.hostguard.host.HostFiles;
import dev.hostguard.host.HostState;
import dev.hostguard.host.Plan;
import dev.hostguard.host.PlanOptions;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Hardening your own way with the {@code host} library instead of {@code hostguard harden}: a web
 * server's desired state written by hand (incoming denied, outgoing allowed, SSH limited, HTTP and
 * HTTPS in, psad's LOG lines, an sshd jail banning through ufw for an hour), planned against a copy
 * of a server's files under {@code --root DIR} and, with {@code --apply}, written there (files
 * only: this example never runs a command, so it cannot touch a live firewall).
 *
 * <pre>{@code
 * java -cp examples/target/hostguard-examples.jar dev.hostguard.examples.HardenYourOwnWay \
 *     --root /tmp/server-copy [--apply]
 * }</pre>
 */
public final class HardenYourOwnWay {
  private HardenYourOwnWay() {}

  /** Prints the plan (and applies it to the tree with {@code --apply}); exit 0, or 1 on error. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, UTF_8);
    PrintStream err = new PrintStream(System.err, true, UTF_8);
    System.exit(run(List.of(args), out, err));
  }

  /** The web server's desired state, names resolved through {@code services}. */
  static DesiredState webServer(ServicesDatabase services) {
    UfwRuleParser ufw = UfwRuleParser.of(services);
    Path sshJail = Path.of("jail.d/sshd.local");
    return DesiredState.builder()
        .incomingPolicy(UfwPolicy.DENY)
        .outgoingPolicy(UfwPolicy.ALLOW)
        .ufwEnabled(true)
        .ownsRules(true)
        .addRules(rule(ufw, "limit", "in", "ssh", "comment", "admins"))
        .addRules(rule(ufw, "allow", "in", "80/tcp", "comment", "web"))
        .addRules(rule(ufw, "allow", "in", "443/tcp", "comment", "web (TLS)"))
        .psadLogging(true)
        .addFail2banOverrides(
            new Fail2banOverride(sshJail, "sshd", "enabled", "true"),
            new Fail2banOverride(sshJail, "sshd", "banaction", "ufw"),
            new Fail2banOverride(sshJail, "sshd", "bantime", "1h"))
        .build();
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() < 2 || !args.get(0).equals("--root")) {
      err.println("usage: HardenYourOwnWay --root DIR [--apply]");
      return 1;
    }
    boolean apply = args.contains("--apply");
    // every path under DIR: the same calls read a live host through HostFiles.local() or
    // HostFiles.over(executor)
    HostFiles files = HostFiles.local().withRoot(Path.of(args.get(1)));
    try {
      ServicesDatabase services = ServicesDatabase.fromHost();
      DesiredState desired = webServer(services);
      // files only: ufw's rules written as ufw writes them (the bulk path), its commands dropped
      Plan planned =
          Plan.of(
              desired, HostState.read(files, desired), PlanOptions.defaults().withAlwaysBulk(true));
      Plan plan = planned.fileStepsOnly();
      if (plan.isEmpty()) {
        out.print("nothing to change\n");
        return 0;
      }
      out.print(plan);
      if (apply) {
        ApplyResult r =
            plan.apply(
                command -> {
                  throw new IllegalStateException("this example runs no command: " + command);
                },
                files);
        out.print(r.isComplete() ? "applied\n" : "failed: " + r.failure().orElseThrow() + "\n");
        return r.isComplete() ? 0 : 1;
      }
      return 0;
    } catch (RuntimeException e) {
      err.println("HardenYourOwnWay: " + e.getMessage());
      return 1;
    }
  }

  private static UfwRule rule(UfwRuleParser parser, String... words) {
    UfwCommand c = parser.parse(List.of(words));
    if (!(c instanceof UfwCommand.RuleChange change)) {
      throw new IllegalArgumentException("not a rule: " + String.join(" ", words));
    }
    return change.rule();
  }
}
