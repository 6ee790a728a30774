package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import java.util.Optional;

/**
 * What ufw does with one packet and what decides it: exactly one of a user rule (with its number in
 * {@code ufw status numbered}), one of ufw's {@link UfwBuiltInRule built-in rules}, or the default
 * policy of the packet's direction.
 *
 * <pre>{@code
 * UfwDecision d = UfwEvaluator.of(ruleSet, UfwPolicy.DENY, UfwPolicy.ALLOW).evaluate(packet);
 * d.verdict(); // LIMIT    d.ruleNumber(); // Optional[1]
 * }</pre>
 *
 * @param verdict what happens to the packet
 * @param rule the user rule that decides, if one does
 * @param ruleNumber that rule's number as {@code ufw status numbered} shows it, if a rule decides
 * @param builtIn the built-in rule that decides, if one does
 * @param policy the default policy that decides, if neither a user rule nor a built-in does
 */
public record UfwDecision(
    UfwVerdict verdict,
    Optional<UfwRule> rule,
    Optional<Integer> ruleNumber,
    Optional<UfwBuiltInRule> builtIn,
    Optional<UfwPolicy> policy) {

  /** Checks that exactly one thing decides and that a rule comes with its number. */
  public UfwDecision {
    requireNonNull(verdict, "verdict");
    requireNonNull(rule, "rule");
    requireNonNull(ruleNumber, "ruleNumber");
    requireNonNull(builtIn, "builtIn");
    requireNonNull(policy, "policy");
    int deciders = (rule.isPresent() ? 1 : 0) + (builtIn.isPresent() ? 1 : 0);
    deciders += policy.isPresent() ? 1 : 0;
    if (deciders != 1) {
      throw new IllegalArgumentException("exactly one of rule, builtIn, policy must decide");
    }
    if (rule.isPresent() != ruleNumber.isPresent()) {
      throw new IllegalArgumentException("a rule comes with its number, and only a rule");
    }
  }

  static UfwDecision byRule(UfwRule rule, int number) {
    UfwVerdict v =
        switch (rule.action()) {
          case ALLOW -> UfwVerdict.ALLOW;
          case DENY -> UfwVerdict.DENY;
          case REJECT -> UfwVerdict.REJECT;
          case LIMIT -> UfwVerdict.LIMIT;
        };
    return new UfwDecision(
        v, Optional.of(rule), Optional.of(number), Optional.empty(), Optional.empty());
  }

  static UfwDecision byBuiltIn(UfwBuiltInRule builtIn, UfwVerdict verdict) {
    return new UfwDecision(
        verdict, Optional.empty(), Optional.empty(), Optional.of(builtIn), Optional.empty());
  }

  static UfwDecision byPolicy(UfwPolicy policy) {
    UfwVerdict v =
        switch (policy) {
          case ALLOW -> UfwVerdict.ALLOW;
          case DENY -> UfwVerdict.DENY;
          case REJECT -> UfwVerdict.REJECT;
          case SKIP -> throw new IllegalArgumentException("skip is not a chain policy");
        };
    return new UfwDecision(
        v, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(policy));
  }

  /** Whether the packet gets through. */
  public boolean accepts() {
    return verdict.accepts();
  }
}
