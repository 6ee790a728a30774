package dev.hostguard.ufw;

import dev.hostguard.core.HostguardStyle;
import org.immutables.value.Value;

/**
 * The settings that shape a {@code user.rules} file besides its rules: ufw's log level, the default
 * policies (they choose the LOGGING lines) and whether the rate-limiting chains are declared.
 * Immutables generates the public {@link UserRulesOptions}; every attribute defaults to Debian's
 * stock value as ufw's dry run sees it.
 *
 * <p>The rate-limiting chains are also declared, whatever {@link #rateLimitV4()} and {@link
 * #rateLimitV6()} say, in a file that holds a {@code limit} rule: its iptables lines jump to them.
 *
 * <pre>{@code
 * UserRulesOptions o = UserRulesOptions.builder().logLevel(UfwLogLevel.MEDIUM)
 *     .outputPolicy(UfwPolicy.DENY).build();
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractUserRulesOptions {
  /** Debian's stock settings as ufw's dry run sees them: low, deny in, allow out, deny routed. */
  public static UserRulesOptions stock() {
    return UserRulesOptions.builder().build();
  }

  /** The logging level; {@code low} by default. */
  @Value.Default
  public UfwLogLevel logLevel() {
    return UfwLogLevel.LOW;
  }

  /** {@code DEFAULT_INPUT_POLICY}; deny by default. */
  @Value.Default
  public UfwPolicy inputPolicy() {
    return UfwPolicy.DENY;
  }

  /** {@code DEFAULT_OUTPUT_POLICY}; allow by default. */
  @Value.Default
  public UfwPolicy outputPolicy() {
    return UfwPolicy.ALLOW;
  }

  /** {@code DEFAULT_FORWARD_POLICY}; deny by default. */
  @Value.Default
  public UfwPolicy forwardPolicy() {
    return UfwPolicy.DENY;
  }

  /** Whether user.rules declares the ufw-user-limit chains (true in ufw's dry run). */
  @Value.Default
  public boolean rateLimitV4() {
    return true;
  }

  /**
   * Whether user6.rules declares the ufw6-user-limit chains: false in ufw's dry run, true in a real
   * run on a kernel with IPv6 rate limiting.
   */
  @Value.Default
  public boolean rateLimitV6() {
    return false;
  }

  /**
   * Chains take allow, deny or reject.
   *
   * @throws UfwRefusedException ufw's {@code Unsupported policy 'skip'}
   */
  @Value.Check
  void check() {
    for (UfwPolicy p : new UfwPolicy[] {inputPolicy(), outputPolicy(), forwardPolicy()}) {
      if (p == UfwPolicy.SKIP) {
        throw new UfwRefusedException("Unsupported policy '" + p.word() + "'");
      }
    }
  }

  int level() {
    return logLevel().level();
  }

  /** ufw's _get_default_policy: allow, reject or deny. */
  String policy(String chain) {
    UfwPolicy p =
        chain.equals("input")
            ? inputPolicy()
            : chain.equals("output") ? outputPolicy() : forwardPolicy();
    return p.word();
  }
}
