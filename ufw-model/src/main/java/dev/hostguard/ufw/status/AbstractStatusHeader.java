package dev.hostguard.ufw.status;

import dev.hostguard.core.HostguardStyle;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The three header lines of {@code ufw status verbose} after {@code Status: active}: logging, the
 * default policies, and the policy for new application profiles. Generated as {@link StatusHeader}.
 *
 * <pre>{@code
 * StatusHeader h = StatusHeader.builder().logging(StatusLogging.LOW).incoming(UfwPolicy.DENY)
 *     .outgoing(UfwPolicy.ALLOW).newProfiles(UfwPolicy.SKIP).build(); // routed: disabled
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractStatusHeader {

  /** The {@code Logging:} value. */
  public abstract StatusLogging logging();

  /** The incoming policy: allow, deny or reject. */
  public abstract UfwPolicy incoming();

  /** The outgoing policy: allow, deny or reject. */
  public abstract UfwPolicy outgoing();

  /**
   * The routed policy: allow, deny or reject; empty where ufw prints {@code disabled} (IP
   * forwarding off), which is not a policy.
   */
  public abstract Optional<UfwPolicy> routed();

  /** The policy for new application profiles: allow, deny, reject or skip. */
  public abstract UfwPolicy newProfiles();

  /** Checks each chain policy is one ufw can print in its place ({@code skip} is not). */
  @Value.Check
  void check() {
    checkChain("incoming", incoming());
    checkChain("outgoing", outgoing());
    routed().ifPresent(p -> checkChain("routed", p));
  }

  private static void checkChain(String name, UfwPolicy p) {
    if (p == UfwPolicy.SKIP) {
      throw new IllegalArgumentException(name + " policy " + p.word());
    }
  }

  /**
   * The header ufw prints for these files; {@code forwarding} says whether IP forwarding is on
   * (else the routed policy shows as {@code disabled}).
   *
   * @throws dev.hostguard.ufw.conf.ConfParseException if a chain policy is missing or invalid
   */
  public static StatusHeader of(UfwConf conf, UfwDefaults defaults, boolean forwarding) {
    return StatusHeader.builder()
        .logging(StatusLogging.fromWord(conf.logLevel()).orElse(StatusLogging.UNKNOWN))
        .incoming(defaults.inputPolicy())
        .outgoing(defaults.outputPolicy())
        .routed(forwarding ? Optional.of(defaults.forwardPolicy()) : Optional.empty())
        .newProfiles(defaults.applicationPolicy())
        .build();
  }

  /** The {@code Logging: ...} line without its newline. */
  public String loggingLine() {
    return "Logging: " + logging().text();
  }

  /** The {@code Default: ...} line without its newline. */
  public String defaultLine() {
    return "Default: "
        + incoming().word()
        + " (incoming), "
        + outgoing().word()
        + " (outgoing), "
        + routed().map(UfwPolicy::word).orElse(DISABLED)
        + " (routed)";
  }

  /** The {@code New profiles: ...} line without its newline. */
  public String newProfilesLine() {
    return "New profiles: " + newProfiles().word();
  }

  /** What ufw prints as the routed policy when IP forwarding is off. */
  static final String DISABLED = "disabled";
}
