package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.core.ParseException;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.host.AppliedChange;
import dev.hostguard.host.ApplyResult;
import dev.hostguard.host.ConfirmedApply;
import dev.hostguard.host.DesiredState;
import dev.hostguard.host.Fail2banClient;
import dev.hostguard.host.FileChange;
import dev.hostguard.host.HardenProfile;
import dev.hostguard.host.HostFiles;
import dev.hostguard.host.HostState;
import dev.hostguard.host.LockoutRisk;
import dev.hostguard.host.Plan;
import dev.hostguard.host.PlanOptions;
import dev.hostguard.host.PlanStep;
import dev.hostguard.host.PsadClient;
import dev.hostguard.host.SshAccess;
import dev.hostguard.host.StepOutcome;
import dev.hostguard.host.UfwClient;
import dev.hostguard.psad.PsadStatus;
import dev.hostguard.ufw.AppProfileFile;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwRefusedException;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.status.UfwStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code hostguard harden}: the seed chapter ({@link HardenProfile}) planned against a host (this
 * machine, or {@code --executor ssh --host H}), a tree ({@code --root DIR}, files only) or, on a
 * machine without the three tools, the bundled sample tree ({@link SampleTree}); a dry run unless
 * {@code --apply}. Exit 0 applied or nothing to change, 1 an error, 2 {@code --check} with changes.
 */
@Command(
    name = "harden",
    description =
        "The seed chapter as one desired state: a dry run that prints the plan unless --apply.")
final class HardenCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "A tree to edit (files only, no command runs).")
  @Nullable Path root;

  @Option(names = "--email", defaultValue = "root@localhost", description = "Mail address.")
  String email = "root@localhost";

  @Option(names = "--hostname", description = "psad's HOSTNAME (default: the target's host name).")
  @Nullable String hostname;

  @Option(names = "--lan", paramLabel = "CIDR", description = "LAN fail2ban ignores.")
  List<String> lan = new ArrayList<>();

  @Option(names = "--allow-outgoing", description = "Allow outgoing traffic by default.")
  boolean allowOutgoing;

  @Option(
      names = "--allow-in",
      paramLabel = "SPEC",
      description = "Extra inbound rule: what follows 'ufw allow in' (443/tcp, 'WWW Full').")
  List<String> allowIn = new ArrayList<>();

  @Option(
      names = "--app-profile",
      paramLabel = "FILE",
      description = "A ufw application profile file to install in applications.d.")
  List<Path> appProfiles = new ArrayList<>();

  @Option(names = "--apply", description = "Carry the plan out.")
  boolean apply;

  @Option(names = "--check", description = "Exit 2 when changes are pending.")
  boolean check;

  @Option(
      names = "--no-services",
      description = "Change files and ufw rules only: no psad or fail2ban reload or restart.")
  boolean noServices;

  @Option(names = "--force", description = "Apply even when the plan would lock SSH out.")
  boolean force;

  @Option(names = "--json", description = "The plan or result as JSON.")
  boolean json;

  /** The executor of a files-only run: any command is refused (never runs on the live system). */
  private static final CommandExecutor NO_COMMANDS =
      command -> {
        throw new IllegalStateException("a files-only run runs no command: " + command);
      };

  /** The directories a run on a host needs. */
  private static final List<Path> HOST_TREES =
      List.of(Path.of("/etc/ufw"), Path.of("/etc/psad"), Path.of("/etc/fail2ban"));

  /** The files a plan reads, checked for readability before a local run. */
  private static final List<Path> READ_FILES =
      List.of(
          Path.of("/etc/default/ufw"),
          Path.of("/etc/ufw/ufw.conf"),
          Path.of("/etc/ufw/user.rules"),
          Path.of("/etc/ufw/user6.rules"),
          Path.of("/etc/ufw/before.rules"),
          Path.of("/etc/ufw/before6.rules"),
          Path.of("/etc/psad/psad.conf"));

  private static final Path ETC_SERVICES = Path.of("/etc/services");
  private static final Path ETC_HOSTNAME = Path.of("/etc/hostname");

  private final StringBuilder out = new StringBuilder();

  @Override
  public Integer call() {
    if (apply && check) {
      return fail("--apply and --check exclude each other (nothing was changed)");
    }
    if (root != null) {
      if (!"local".equals(target.executor) || target.sudo || target.host != null) {
        return fail(
            "--root DIR is a tree on this machine: it takes no --executor, --host or --sudo");
      }
      int exit = guarded("localhost", () -> onTree(java.util.Objects.requireNonNull(root)));
      flush();
      return exit;
    }
    TargetOptions.Target t = target.open(); // a usage mistake is picocli's (exit 2)
    try (t) {
      int exit = guarded(t.name(), () -> onHost(t));
      flush();
      return exit;
    }
  }

  /** A run whose failures on the target or in the input are one line and exit 1. */
  private int guarded(String host, Callable<Integer> run) {
    try {
      return run.call();
    } catch (ParameterException e) {
      throw e;
    } catch (ParseException | UfwRefusedException e) {
      return fail(TargetFailure.oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      Optional<TargetFailure> f = TargetFailure.of(e, host);
      if (f.isPresent()) {
        return fail(f.get().line());
      }
      if (e instanceof NullPointerException || e instanceof ClassCastException) {
        throw e; // a bug of ours: the internal-error handler (exit 70)
      }
      return fail(host + ": " + TargetFailure.oneLine(String.valueOf(e.getMessage())));
    } catch (Exception e) {
      return fail(host + ": " + TargetFailure.oneLine(String.valueOf(e.getMessage())));
    }
  }

  /** {@code --root DIR}: every path under DIR, ufw's rules written as files, no command. */
  private int onTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return fail(dir + ": not a directory (give --root the directory holding etc/ufw)");
    }
    HostFiles files = HostFiles.local().withRoot(dir);
    String name = hostname != null ? hostname : hostnameFile(files).orElse("localhost");
    note("tree: " + dir);
    return filesOnly(files, name);
  }

  /** The bundled sample, {@code why} the host's files are not used: a dry run only. */
  private int onSample(String why) {
    if (apply) {
      return fail(
          "this machine has no readable /etc/ufw, /etc/psad and /etc/fail2ban: install ufw, psad"
              + " and fail2ban (apt-get install ufw psad fail2ban), or pass --root DIR"
              + " (nothing was changed)");
    }
    try (SampleTree sample = SampleTree.create()) {
      note(why);
      note(
          "tree: the sample bundled in hostguard (hostguard's own minimal files; a dry run:"
              + " nothing is changed, no command runs)");
      return filesOnly(
          HostFiles.local().withRoot(sample.root()), hostname != null ? hostname : "localhost");
    }
  }

  /**
   * A tree: the bulk path, file steps only (its reload or restore dropped), applied with no
   * command.
   */
  private int filesOnly(HostFiles files, String name) {
    ServicesDatabase services = services(files);
    DesiredState desired = profile(services, name).desiredState(services);
    Plan planned =
        Plan.of(
            desired, HostState.read(files, desired), PlanOptions.defaults().withAlwaysBulk(true));
    List<PlanStep> fileSteps = new ArrayList<>(planned.fileStepsOnly().steps());
    // ufw --force enable is a command: in a tree, ufw.conf says ENABLED=yes instead
    Path ufwConf = Path.of("/etc/ufw/ufw.conf");
    if (desired.ufwEnabled().orElse(false)
        && fileSteps.stream()
            .noneMatch(s -> ((PlanStep.WriteFile) s).change().path().equals(ufwConf))) {
      Optional<byte[]> before = files.read(ufwConf);
      if (before.isPresent()) {
        UfwConf conf = UfwConf.parse(ufwConf.toString(), before.get());
        if (!conf.enabled()) {
          fileSteps.add(
              new PlanStep.WriteFile(
                  FileChange.of(ufwConf, before, conf.withEnabled(true).toBytes())));
        }
      }
    }
    Plan plan = Plan.of(fileSteps, planned.unmanagedRules(), true);
    lanNote();
    if (apply && plan.hasChanges()) {
      ApplyResult r = plan.apply(NO_COMMANDS, files, progress(plan));
      printResult(r);
      return r.isComplete() ? 0 : failedStep(r);
    }
    printPlan(plan);
    return check && plan.hasChanges() ? 2 : 0;
  }

  /** This machine or the ssh target: read-only commands in a dry run, the plan with --apply. */
  private int onHost(TargetOptions.Target t) {
    CommandExecutor exec = t.executor();
    HostFiles files = t.isLocalDirect() ? HostFiles.local() : HostFiles.over(exec);
    List<Path> missing = new ArrayList<>();
    for (Path dir : HOST_TREES) {
      if (!files.isDirectory(dir) || (t.isLocalDirect() && !Files.isReadable(dir))) {
        missing.add(dir);
      }
    }
    if (missing.isEmpty() && t.isLocalDirect()) {
      // readable directories, but files only root may read (Debian's user.rules is 0640)
      Optional<Path> unreadable =
          READ_FILES.stream().filter(f -> Files.exists(f) && !Files.isReadable(f)).findFirst();
      if (unreadable.isPresent()) {
        if (apply) {
          return fail(
              unreadable.get()
                  + " is not readable as this user: run as root or with --sudo (nothing was"
                  + " changed)");
        }
        return onSample(
            "this host's "
                + unreadable.get()
                + " is not readable as this user: run as root or with --sudo to plan against"
                + " this host");
      }
    }
    if (!missing.isEmpty()) {
      if (apply || !t.isLocalDirect() || !"local".equals(target.executor)) {
        return fail(
            t.name()
                + ": no readable "
                + String.join(", ", missing.stream().map(Path::toString).toList())
                + ": install ufw, psad and fail2ban (apt-get install ufw psad fail2ban), or pass"
                + " --root DIR (nothing was changed)");
      }
      return onSample(
          "this machine has no readable "
              + String.join(", ", missing.stream().map(Path::toString).toList())
              + ": install ufw, psad and fail2ban to harden it");
    }
    String name = hostname != null ? hostname : targetHostname(exec, files);
    ServicesDatabase services = services(files);
    DesiredState desired = profile(services, name).desiredState(services);
    Plan plan = Plan.of(desired, HostState.read(files, desired));
    if (plan.hasChanges() && !noServices) {
      plan = plan.withStepsAfter(HardenProfile.serviceSteps(fail2banRunning(exec)));
    }
    CommandExecutor sessionExec = t.ssh().<CommandExecutor>map(s -> s).orElse(exec);
    Optional<LockoutRisk> risk = plan.lockoutRisk(SshAccess.discover(sessionExec, files));
    note(
        (t.ssh().isPresent() ? "host: " + t.name() + " (over ssh" : "tree: / (this host's files")
            + (apply
                ? "; applying)"
                : "; a dry run: nothing is changed, only read-only commands run)"));
    lanNote();
    if (noServices) {
      note("services: psad and fail2ban are not reloaded or restarted (--no-services)");
    }
    if (!apply) {
      risk.ifPresent(r -> note("lock-out risk: " + r.message()));
      printPlan(plan);
      return check && plan.hasChanges() ? 2 : 0;
    }
    if (risk.isPresent() && !force) {
      return fail(
          t.name()
              + ": lock-out risk: "
              + risk.get().message()
              + " (nothing was changed; --force applies anyway)");
    }
    if (!plan.hasChanges()) {
      printPlan(plan);
      readBack(exec);
      return 0;
    }
    ApplyResult result;
    if (t.ssh().isPresent()) {
      ApplyResult[] holder = new ApplyResult[1];
      Plan p = plan;
      Consumer<StepOutcome> shown = progress(plan);
      ConfirmedApply.Result confirmed =
          ConfirmedApply.around(t.ssh().get(), files, ConfirmedApply.DEFAULT_PROOF_TIMEOUT)
              .withCommands(exec)
              .run(
                  () -> {
                    holder[0] = p.apply(exec, files, shown);
                    return appliedFiles(holder[0]);
                  });
      result = holder[0];
      if (confirmed.outcome() == ConfirmedApply.Outcome.ROLLED_BACK) {
        printResult(result);
        return fail(
            t.name()
                + ": no new ssh connection got in after the apply ("
                + TargetFailure.oneLine(confirmed.proofFailure().orElse("no reason given"))
                + "): ufw's files were put back and ufw reloaded");
      }
    } else {
      result = plan.apply(exec, files, progress(plan));
    }
    printResult(result);
    if (!result.isComplete()) {
      return failedStep(result);
    }
    readBack(exec);
    return 0;
  }

  /** The file changes an apply made, for {@link ConfirmedApply} to put back. */
  private static List<AppliedChange> appliedFiles(ApplyResult r) {
    List<AppliedChange> changes = new ArrayList<>();
    for (StepOutcome o : r.outcomes()) {
      if (o.status() == StepOutcome.Status.DONE && o.step() instanceof PlanStep.WriteFile w) {
        changes.add(new AppliedChange(w.change().path(), true, o.backup()));
      }
    }
    return changes;
  }

  /** Prints what ran, then the one line on stderr naming the failed step; returns 1. */
  private int failedStep(ApplyResult r) {
    StepOutcome f = r.failure().orElseThrow();
    String why =
        f.exitCode().isPresent()
            ? "exited "
                + f.exitCode().get()
                + (f.output().isBlank() ? "" : ": " + TargetFailure.oneLine(f.output().strip()))
            : TargetFailure.oneLine(f.error().orElse("no reason given"));
    flush();
    return fail(
        "step '"
            + f.step().description()
            + "' failed: "
            + why
            + " (the steps before it stay applied; "
            + r.notRun().size()
            + " later step(s) did not run)");
  }

  /** Whether fail2ban's server answers (reload) or not (start). */
  private static boolean fail2banRunning(CommandExecutor exec) {
    try {
      Fail2banClient.on(exec).ping();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The target's host name: {@code hostname}, else {@code /etc/hostname}, else localhost. */
  private static String targetHostname(CommandExecutor exec, HostFiles files) {
    try {
      String h = exec.execute(dev.hostguard.exec.Command.of(List.of("hostname"))).stdout().strip();
      if (!h.isEmpty() && h.chars().noneMatch(Character::isWhitespace)) {
        return h;
      }
    } catch (RuntimeException e) {
      // fall back to the file
    }
    return hostnameFile(files).orElse("localhost");
  }

  private static Optional<String> hostnameFile(HostFiles files) {
    return files
        .read(ETC_HOSTNAME)
        .map(b -> new String(b, UTF_8).strip())
        .filter(h -> !h.isEmpty() && h.chars().noneMatch(Character::isWhitespace));
  }

  private static ServicesDatabase services(HostFiles files) {
    return files
        .read(ETC_SERVICES)
        .map(b -> ServicesDatabase.parse(ETC_SERVICES.toString(), b))
        .orElseGet(ServicesDatabase::fromHost);
  }

  /** The chapter with this run's options. */
  private HardenProfile profile(ServicesDatabase services, String name) {
    UfwRuleParser parser = UfwRuleParser.of(services);
    List<List<String>> specs = new ArrayList<>();
    for (String s : allowIn) {
      specs.add(allowInWords(parser, s));
    }
    Map<String, String> apps = new LinkedHashMap<>();
    for (Path p : appProfiles) {
      String text;
      if (Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p)) {
        // opening a FIFO blocks until a writer comes: refused before it is opened
        throw new IllegalArgumentException(
            "--app-profile " + p + ": not a regular file (a FIFO or device: give a file)");
      }
      try {
        text = Files.readString(p, UTF_8);
      } catch (IOException e) {
        String reason =
            e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof NoSuchFileException
                    ? "no such file"
                    : e instanceof FileSystemException f && f.getReason() != null
                        ? f.getReason()
                        : String.valueOf(e.getMessage());
        throw new IllegalArgumentException(
            "--app-profile " + p + ": cannot read it (" + TargetFailure.oneLine(reason) + ")");
      }
      AppProfileFile.parse(p.toString(), text); // ufw's acceptance, or a ParseException
      Path fileName = p.getFileName();
      if (fileName == null) {
        throw new IllegalArgumentException("--app-profile " + p + ": not a file");
      }
      apps.put(fileName.toString(), text);
    }
    return HardenProfile.of(email, name)
        .withLan(lan)
        .withAllowOutgoing(allowOutgoing)
        .withAllowIn(specs)
        .withAppProfiles(apps);
  }

  /**
   * The words of an {@code --allow-in} SPEC: one word when ufw takes it so ({@code 443/tcp}, an
   * application name such as {@code WWW Full}, quotes around it removed), else split at blanks (the
   * extended syntax, {@code from 10.0.0.0/8 to any port 22}).
   */
  static List<String> allowInWords(UfwRuleParser parser, String spec) {
    String s = spec.strip();
    if (s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("--allow-in needs a SPEC (what follows 'ufw allow in')");
    }
    List<String> split = List.of(s.split("\\s+"));
    if (split.size() > 1) {
      try {
        parser.parse(List.of("allow", "in", s));
        return List.of(s);
      } catch (UfwRefusedException | ParseException e) {
        return split;
      }
    }
    return split;
  }

  /** ufw, psad and fail2ban read back as typed values: a few lines (text mode only). */
  private void readBack(CommandExecutor exec) {
    if (json) {
      return;
    }
    out.append("read back:\n");
    try {
      UfwStatus s = UfwClient.on(exec).statusVerbose();
      out.append("  ufw       ").append(s.active() ? "active" : "inactive");
      s.header().ifPresent(h -> out.append("; ").append(h.defaultLine().strip()));
      out.append("; ").append(s.entries().size()).append(" rules\n");
    } catch (RuntimeException e) {
      out.append("  ufw       unreadable: ")
          .append(TargetFailure.oneLine(String.valueOf(e.getMessage())))
          .append('\n');
    }
    try {
      PsadStatus p = PsadClient.on(exec).status();
      out.append("  psad      ").append(p.isPsadRunning() ? "running" : "not running").append('\n');
    } catch (RuntimeException e) {
      out.append("  psad      unreadable: ")
          .append(TargetFailure.oneLine(String.valueOf(e.getMessage())))
          .append('\n');
    }
    try {
      var j = Fail2banClient.on(exec).status("sshd");
      out.append("  fail2ban  sshd jail: ")
          .append(j.currentlyFailed())
          .append(" failing now, ")
          .append(j.currentlyBanned())
          .append(" banned now\n");
    } catch (RuntimeException e) {
      out.append("  fail2ban  unreadable: ")
          .append(TargetFailure.oneLine(String.valueOf(e.getMessage())))
          .append('\n');
    }
  }

  private void lanNote() {
    if (lan.isEmpty()) {
      note("fail2ban ignoreip: 127.0.0.1/8 alone (no --lan)");
    }
  }

  /** A line of the text report (none with --json: stdout is one JSON document). */
  private void note(String line) {
    if (!json) {
      out.append(line).append('\n');
    }
  }

  private void printPlan(Plan plan) {
    if (json) {
      out.setLength(0);
      out.append(plan.toJson()).append('\n');
    } else {
      out.append(plan.isEmpty() ? "nothing to change\n" : plan.toString());
    }
  }

  /** After an apply: the result as JSON; in text, its lines went out as the steps ran. */
  private void printResult(ApplyResult r) {
    if (json) {
      out.setLength(0);
      out.append(r.toJson()).append('\n');
    }
  }

  /** The display of an apply's steps (none with --json); what was gathered goes out first. */
  private Consumer<StepOutcome> progress(Plan plan) {
    if (json) {
      return ApplyProgress.silent();
    }
    flush();
    return ApplyProgress.of(Streams.out(), Streams.err(), plan.steps().size());
  }

  private void flush() {
    byte[] b = out.toString().getBytes(UTF_8);
    out.setLength(0);
    Streams.out().write(b, 0, b.length);
    Streams.out().flush();
  }

  private int fail(String message) {
    flush();
    Streams.err().println("hostguard harden: " + message);
    return 1;
  }
}
