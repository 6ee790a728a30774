package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The settings that shape a {@code user.rules} file besides its rules: ufw's log level, the default
 * policies (they choose the LOGGING lines) and whether rate limiting chains are written.
 *
 * <pre>{@code
 * UserRulesOptions o = UserRulesOptions.stock(); // low, deny in, allow out, deny routed
 * String text = UserRulesFile.write(List.of(rule), false, o);
 * }</pre>
 *
 * @param logLevel off, low, medium, high or full
 * @param inputPolicy accept, drop or reject (as in /etc/default/ufw, lower case)
 * @param outputPolicy accept, drop or reject
 * @param forwardPolicy accept, drop or reject
 * @param rateLimitV4 whether user.rules gets the ufw-user-limit chains (true in ufw's dry run)
 * @param rateLimitV6 whether user6.rules gets them (false in ufw's dry run)
 */
public record UserRulesOptions(
    String logLevel,
    String inputPolicy,
    String outputPolicy,
    String forwardPolicy,
    boolean rateLimitV4,
    boolean rateLimitV6) {
  private static final Set<String> LEVELS = Set.of("off", "low", "medium", "high", "full");

  /** Checks the level and non-null policies. */
  public UserRulesOptions {
    requireNonNull(logLevel, "logLevel");
    requireNonNull(inputPolicy, "inputPolicy");
    requireNonNull(outputPolicy, "outputPolicy");
    requireNonNull(forwardPolicy, "forwardPolicy");
    if (!LEVELS.contains(logLevel)) {
      throw new IllegalArgumentException("Invalid log level '" + logLevel + "'");
    }
  }

  /** Debian's stock settings as ufw's dry run sees them. */
  public static UserRulesOptions stock() {
    return new UserRulesOptions("low", "drop", "accept", "drop", true, false);
  }

  int level() {
    return switch (logLevel) {
      case "off" -> 0;
      case "low" -> 100;
      case "medium" -> 200;
      case "high" -> 300;
      default -> 400;
    };
  }

  /** ufw's _get_default_policy: allow, reject or deny. */
  String policy(String chain) {
    String p =
        chain.equals("input") ? inputPolicy : chain.equals("output") ? outputPolicy : forwardPolicy;
    return p.equals("accept") ? "allow" : p.equals("reject") ? "reject" : "deny";
  }
}
