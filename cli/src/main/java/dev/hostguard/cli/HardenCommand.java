package dev.hostguard.cli;

import dev.hostguard.host.ApplyResult;
import dev.hostguard.host.DesiredState;
import dev.hostguard.host.HardenProfile;
import dev.hostguard.host.HostFiles;
import dev.hostguard.host.HostState;
import dev.hostguard.host.Plan;
import dev.hostguard.host.PlanOptions;
import dev.hostguard.host.PlanStep;
import dev.hostguard.ufw.ServicesDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hostguard harden --root DIR [--apply | --check] [--json]}: the seed chapter ({@link
 * HardenProfile}) planned against the files under DIR and, with {@code --apply}, written there (no
 * command runs). Exit 0 applied or nothing to change, 1 an error, 2 {@code --check} with changes.
 * Work in progress: the live host, the bundled sample tree and service steps are not wired yet.
 */
@Command(
    name = "harden",
    description =
        "The seed chapter as one desired state (a dry run unless --apply; --apply needs --root DIR).")
final class HardenCommand implements Callable<Integer> {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The tree to edit (files only). Without it: a dry run on this host's files.")
  @Nullable Path root;

  @Option(names = "--email", defaultValue = "root@localhost", description = "Mail address.")
  String email = "root@localhost";

  @Option(names = "--hostname", defaultValue = "localhost", description = "psad's HOSTNAME.")
  String hostname = "localhost";

  @Option(names = "--lan", paramLabel = "CIDR", description = "LAN fail2ban ignores.")
  List<String> lan = new ArrayList<>();

  @Option(names = "--allow-outgoing", description = "Allow outgoing traffic by default.")
  boolean allowOutgoing;

  @Option(names = "--allow-in", paramLabel = "SPEC", description = "Extra inbound service.")
  List<String> allowIn = new ArrayList<>();

  @Option(names = "--apply", description = "Carry the plan out.")
  boolean apply;

  @Option(names = "--check", description = "Exit 2 when changes are pending.")
  boolean check;

  @Option(names = "--json", description = "The plan or result as JSON.")
  boolean json;

  /** The executor of a files-only run: any command is refused (never runs on the live system). */
  private static final dev.hostguard.exec.CommandExecutor NO_COMMANDS =
      command -> {
        throw new IllegalStateException("--root runs no command: " + command);
      };

  /** The directories a dry run on this host needs. */
  private static final List<Path> HOST_TREES =
      List.of(Path.of("/etc/ufw"), Path.of("/etc/psad"), Path.of("/etc/fail2ban"));

  @Override
  public Integer call() {
    if (root == null) {
      return onThisHost();
    }
    try {
      HostFiles files = HostFiles.local().withRoot(java.util.Objects.requireNonNull(root));
      Path etcServices = Path.of("/etc/services");
      ServicesDatabase services =
          files
              .read(etcServices)
              .map(b -> ServicesDatabase.parse(etcServices.toString(), b))
              .orElseGet(ServicesDatabase::fromHost);
      HardenProfile profile = profile();
      DesiredState desired = profile.desiredState(services);
      // --root: files only. The bulk path writes ufw's files; its commands (ufw reload) are
      // dropped, so nothing that changes the live system can run.
      Plan planned =
          Plan.of(
              desired, HostState.read(files, desired), PlanOptions.defaults().withAlwaysBulk(true));
      List<PlanStep> fileSteps = new ArrayList<>();
      for (PlanStep step : planned.steps()) {
        if (step instanceof PlanStep.WriteFile) {
          fileSteps.add(step);
        }
      }
      Plan plan = Plan.of(fileSteps, planned.unmanagedRules(), true);
      StringBuilder out = new StringBuilder();
      if (!json) {
        out.append("tree: ").append(root).append('\n');
        if (lan.isEmpty()) {
          out.append("fail2ban ignoreip: 127.0.0.1/8 alone (no --lan)\n");
        }
      }
      int exit = 0;
      if (apply && plan.hasChanges()) {
        ApplyResult r = plan.apply(NO_COMMANDS, files);
        out.append(json ? r.toJson() + "\n" : plan.toString());
        exit = r.isComplete() ? 0 : 1;
      } else {
        out.append(json ? plan.toJson() + "\n" : plan.isEmpty() ? "nothing to change\n" : plan);
        exit = check && plan.hasChanges() ? 2 : 0;
      }
      byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
      Streams.out().write(b, 0, b.length);
      Streams.out().flush();
      return exit;
    } catch (RuntimeException e) {
      Streams.err().println("hostguard harden: " + e.getMessage());
      return 1;
    }
  }

  /**
   * No {@code --root}: a dry run on this host's own files (read only; the plan's commands are
   * printed, none runs). Applying to the live host is refused: this release applies to a tree.
   */
  private int onThisHost() {
    if (apply) {
      Streams.err()
          .println(
              "hostguard harden: --apply on the live host is not available yet: apply to a tree"
                  + " with --root DIR (nothing was changed)");
      return 1;
    }
    for (Path dir : HOST_TREES) {
      if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
        Streams.err()
            .println(
                "hostguard harden: "
                    + dir
                    + " is not a readable directory here: install ufw, psad and fail2ban, or pass"
                    + " --root DIR (a copy of a server's files)");
        return 1;
      }
    }
    try {
      HostFiles files = HostFiles.local();
      DesiredState desired = profile().desiredState(ServicesDatabase.fromHost());
      Plan plan = Plan.of(desired, HostState.read(files, desired));
      StringBuilder out = new StringBuilder();
      if (!json) {
        out.append("tree: / (this host's files; a dry run: nothing is changed, no command runs)\n");
        if (lan.isEmpty()) {
          out.append("fail2ban ignoreip: 127.0.0.1/8 alone (no --lan)\n");
        }
      }
      out.append(json ? plan.toJson() + "\n" : plan.isEmpty() ? "nothing to change\n" : plan);
      byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
      Streams.out().write(b, 0, b.length);
      Streams.out().flush();
      return check && plan.hasChanges() ? 2 : 0;
    } catch (RuntimeException e) {
      Streams.err().println("hostguard harden: " + e.getMessage());
      return 1;
    }
  }

  /** The chapter with this run's options. */
  private HardenProfile profile() {
    List<List<String>> specs = new ArrayList<>();
    for (String s : allowIn) {
      specs.add(List.of(s.trim().split("\\s+")));
    }
    return HardenProfile.of(email, hostname)
        .withLan(lan)
        .withAllowOutgoing(allowOutgoing)
        .withAllowIn(specs);
  }
}
