package dev.hostguard.host;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Plan#apply} did: one {@link StepOutcome} per step of the plan, in order. After a
 * failure the remaining steps are {@link StepOutcome.Status#NOT_RUN}. Serialises to JSON ({@link
 * #toJson}, shape in {@link Plan}'s documentation) and back.
 *
 * <pre>{@code
 * ApplyResult r = plan.apply(executor, files);
 * if (!r.isComplete()) System.err.println(r.failure().get().error().get());
 * }</pre>
 *
 * @param outcomes one per step, in the plan's order
 */
public record ApplyResult(ImmutableList<StepOutcome> outcomes) {
  /** Copies the list. */
  public ApplyResult {
    outcomes = ImmutableList.copyOf(outcomes);
  }

  /** Whether every step ran and succeeded. */
  public boolean isComplete() {
    return outcomes.stream().allMatch(o -> o.status() == StepOutcome.Status.DONE);
  }

  /** The step that failed, if one did. */
  public Optional<StepOutcome> failure() {
    return outcomes.stream().filter(o -> o.status() == StepOutcome.Status.FAILED).findFirst();
  }

  /** The steps that ran and succeeded. */
  public List<PlanStep> done() {
    return withStatus(StepOutcome.Status.DONE);
  }

  /** The steps that did not run. */
  public List<PlanStep> notRun() {
    return withStatus(StepOutcome.Status.NOT_RUN);
  }

  private List<PlanStep> withStatus(StepOutcome.Status status) {
    return outcomes.stream()
        .filter(o -> o.status() == status)
        .map(StepOutcome::step)
        .collect(ImmutableList.toImmutableList());
  }

  /** This result as JSON. */
  public String toJson() {
    return PlanJson.write(this);
  }

  /**
   * A result from its JSON.
   *
   * @throws IllegalArgumentException when the text is not a result of this shape
   */
  public static ApplyResult fromJson(String json) {
    return PlanJson.readResult(json);
  }
}
