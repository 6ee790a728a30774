package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandFailedException;
import dev.hostguard.exec.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The steps that take a host from a {@link HostState} to a {@link DesiredState}: data before
 * action. Each step is a command ({@code ufw limit 22/tcp comment '…'}, as argv) or a file change
 * with its unified diff; rules on the host that the desired state does not name are listed in
 * {@link #unmanagedRules()} (and deleted only when it {@link DesiredState#ownsRules() owns} the
 * rule set). {@link #apply} is the only method that changes the host; check mode is {@link
 * #isEmpty()} on the same plan. Planning again right after a complete apply gives an empty plan.
 *
 * <p>ufw rules are planned as ufw 0.36.2 numbers them: the plan is checked command by command
 * against ufw's own rule-set logic ({@link dev.hostguard.ufw.UfwRuleSet}), so rules for both IP
 * versions get their IPv6 twin, deletes name a rule ({@code ufw delete RULE}) or, where that would
 * delete more, a number ({@code ufw --force delete N}), and inserts ({@code ufw insert N RULE}) put
 * every rule where the desired order wants it (a rule out of order is deleted and inserted again).
 * Beyond {@link PlanOptions#bulkThreshold()} rule commands, the bulk path writes {@code user.rules}
 * and {@code user6.rules} (and {@code ufw.conf}, {@code /etc/default/ufw}, the after rules) exactly
 * as ufw would and runs one {@code ufw reload}.
 *
 * <p>JSON ({@link #toJson}): {@code {"format": "hostguard-plan", "version": 1, "bulk": false,
 * "unmanagedRules": ["allow 80/tcp", ...], "steps": [STEP, ...]}}, a STEP being {@code {"type":
 * "command", "description": "...", "argv": ["ufw", "reload"]}} or {@code {"type": "file",
 * "description": "...", "path": "/etc/ufw/before.rules", "encoding": "utf-8", "before": "..." (null
 * for a new file), "after": "...", "diff": "--- a/..."}} ({@code "encoding": "base64"} when either
 * side is not UTF-8; {@code diff} is for reading, {@code before}/{@code after} are what apply
 * uses). An {@link ApplyResult} is {@code {"format": "hostguard-apply", "version": 1, "complete":
 * true, "outcomes": [{"status": "done|failed|not-run", "step": STEP, "exitCode": 0, "output":
 * "...", "backup": "/etc/...-COPY-...", "error": "..."}, ...]}} (absent values left out).
 *
 * <pre>{@code
 * Plan plan = Plan.of(desired, HostState.read(files, desired));
 * if (plan.hasChanges()) plan.apply(executor, files);
 * }</pre>
 */
public final class Plan {
  private final ImmutableList<PlanStep> steps;
  private final ImmutableList<String> unmanagedRules;
  private final boolean bulk;
  private final Optional<UfwFirewallState> firewallAfter;

  private Plan(
      List<PlanStep> steps,
      List<String> unmanagedRules,
      boolean bulk,
      Optional<UfwFirewallState> firewallAfter) {
    this.steps = ImmutableList.copyOf(steps);
    this.unmanagedRules = ImmutableList.copyOf(unmanagedRules);
    this.bulk = bulk;
    this.firewallAfter = requireNonNull(firewallAfter, "firewallAfter");
  }

  /** The plan from {@code actual} to {@code desired}, with {@link PlanOptions#defaults()}. */
  public static Plan of(DesiredState desired, HostState actual) {
    return of(desired, actual, PlanOptions.defaults());
  }

  /**
   * The plan from {@code actual} to {@code desired}.
   *
   * @throws dev.hostguard.ufw.UfwRefusedException when ufw would refuse a desired rule (its
   *     message)
   * @throws IllegalArgumentException when a desired file cannot be edited (a before.rules without a
   *     {@code *filter} table, a psad key psad would not read back)
   */
  public static Plan of(DesiredState desired, HostState actual, PlanOptions options) {
    return Planner.plan(desired, actual, options);
  }

  /** A plan of these steps (e.g. read back from storage, or composed by a caller). */
  public static Plan of(List<PlanStep> steps, List<String> unmanagedRules, boolean bulk) {
    return new Plan(steps, unmanagedRules, bulk, Optional.empty());
  }

  /** A computed plan, with the firewall its complete apply leaves. */
  static Plan computed(
      List<PlanStep> steps,
      List<String> unmanagedRules,
      boolean bulk,
      UfwFirewallState firewallAfter) {
    return new Plan(steps, unmanagedRules, bulk, Optional.of(firewallAfter));
  }

  /**
   * The firewall a complete apply leaves (enabled or not, rules, default policies): known for a
   * plan {@link #of(DesiredState, HostState) computed} here, empty for one {@link #fromJson read
   * back} or composed by a caller (it is not part of the JSON, nor of {@link #equals}).
   */
  public Optional<UfwFirewallState> firewallAfter() {
    return firewallAfter;
  }

  /**
   * What {@link LockoutGuard} says of the firewall this plan leaves: a new SSH connection (from
   * where {@code access} says the operator is, else from anywhere) that it would drop or reject,
   * naming the rule or policy at fault. Callers refuse such a plan unless forced; empty also when
   * {@link #firewallAfter()} is unknown.
   */
  public Optional<LockoutRisk> lockoutRisk(SshAccess access) {
    requireNonNull(access, "access");
    return firewallAfter.flatMap(after -> LockoutGuard.check(after, access));
  }

  /** The steps, in the order {@link #apply} runs them. */
  public ImmutableList<PlanStep> steps() {
    return steps;
  }

  /**
   * ufw rules on the host that the desired state does not name, as {@code ufw show added} writes
   * them ({@code " (v6)"} appended for a rule of user6.rules alone): deleted by the plan when the
   * desired state owns the rule set, otherwise kept.
   */
  public ImmutableList<String> unmanagedRules() {
    return unmanagedRules;
  }

  /** Whether the plan writes ufw's rules files and reloads instead of one command per rule. */
  public boolean usesBulkPath() {
    return bulk;
  }

  /** Whether the plan has no step (the host is as desired; unmanaged rules may remain). */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Whether applying the plan would change anything. */
  public boolean hasChanges() {
    return !steps.isEmpty();
  }

  /**
   * This plan's file steps alone, as a bulk plan (ufw's rules written as files): what a files-only
   * run applies to a tree, where no command may run. Computed with {@link
   * PlanOptions#withAlwaysBulk} so that no rule change lives only in a command.
   */
  public Plan fileStepsOnly() {
    List<PlanStep> files = new ArrayList<>();
    for (PlanStep s : steps) {
      if (s instanceof PlanStep.WriteFile) {
        files.add(s);
      }
    }
    return new Plan(files, unmanagedRules, true, Optional.empty());
  }

  /** This plan with more steps after its own (e.g. service reloads). */
  public Plan withStepsAfter(List<PlanStep> more) {
    return new Plan(
        ImmutableList.<PlanStep>builder().addAll(steps).addAll(more).build(),
        unmanagedRules,
        bulk,
        firewallAfter);
  }

  /**
   * Runs the steps in order: commands through {@code executor}, file changes through {@code files}
   * (creating a missing parent directory; each file is checked to hold what the plan saw, written
   * atomically and backed up first). The first step that fails stops the apply: later steps do not
   * run, so every file they would have written is untouched.
   */
  public ApplyResult apply(CommandExecutor executor, HostFiles files) {
    return apply(executor, files, outcome -> {});
  }

  /**
   * {@link #apply(CommandExecutor, HostFiles)}, telling {@code progress} each step's outcome as
   * soon as the step has run (or been skipped), in order: for a progress display.
   */
  public ApplyResult apply(
      CommandExecutor executor, HostFiles files, Consumer<StepOutcome> progress) {
    requireNonNull(executor, "executor");
    requireNonNull(files, "files");
    requireNonNull(progress, "progress");
    List<StepOutcome> out = new ArrayList<>();
    boolean failed = false;
    for (PlanStep step : steps) {
      if (failed) {
        out.add(StepOutcome.notRun(step));
        progress.accept(out.get(out.size() - 1));
        continue;
      }
      try {
        out.add(run(step, executor, files));
      } catch (RuntimeException e) {
        failed = true;
        // a command that ran and exited non-zero keeps its exit code and output
        Optional<CommandResult> ran =
            e instanceof CommandFailedException f ? Optional.of(f.result()) : Optional.empty();
        out.add(
            new StepOutcome(
                step,
                StepOutcome.Status.FAILED,
                ran.map(CommandResult::exitCode),
                ran.map(r -> r.stdout() + r.stderr()).orElse(""),
                Optional.empty(),
                Optional.of(String.valueOf(e.getMessage()))));
      }
      progress.accept(out.get(out.size() - 1));
    }
    return new ApplyResult(ImmutableList.copyOf(out));
  }

  private static StepOutcome run(PlanStep step, CommandExecutor executor, HostFiles files) {
    if (step instanceof PlanStep.RunCommand c) {
      CommandResult r = executor.execute(Command.of(c.argv()));
      return new StepOutcome(
          step,
          StepOutcome.Status.DONE,
          Optional.of(r.exitCode()),
          r.stdout() + r.stderr(),
          Optional.empty(),
          Optional.empty());
    }
    FileChange change = ((PlanStep.WriteFile) step).change();
    Path parent = change.path().getParent();
    if (parent != null && !files.isDirectory(parent)) {
      files.mkdirs(parent);
    }
    AppliedChange applied = change.apply(files);
    return new StepOutcome(
        step, StepOutcome.Status.DONE, Optional.empty(), "", applied.backup(), Optional.empty());
  }

  /** This plan as JSON (shape above). */
  public String toJson() {
    return PlanJson.write(this);
  }

  /**
   * A plan from its JSON.
   *
   * @throws IllegalArgumentException when the text is not a plan of this shape
   */
  public static Plan fromJson(String json) {
    return PlanJson.readPlan(json);
  }

  /** Equal when the steps (argv, paths and bytes), unmanaged rules and bulk flag are. */
  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof Plan p
        && p.steps.equals(steps)
        && p.unmanagedRules.equals(unmanagedRules)
        && p.bulk == bulk;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(steps, unmanagedRules, bulk);
  }

  /** Every step on a line; each file change followed by its unified diff. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (PlanStep s : steps) {
      sb.append(s.description()).append('\n');
      if (s instanceof PlanStep.WriteFile w) {
        sb.append(w.change().unifiedDiff());
      }
    }
    for (String r : unmanagedRules) {
      sb.append("unmanaged rule: ").append(r).append('\n');
    }
    return sb.toString();
  }
}
