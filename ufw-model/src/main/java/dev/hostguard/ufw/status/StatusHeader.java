package dev.hostguard.ufw.status;

import static com.google.common.base.Preconditions.checkArgument;

import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import java.util.EnumSet;

/**
 * The three header lines of {@code ufw status verbose} after {@code Status: active}: logging, the
 * default policies, and the policy for new application profiles.
 *
 * <pre>{@code
 * StatusHeader h = new StatusHeader(StatusLogging.LOW, StatusPolicy.DENY, StatusPolicy.ALLOW,
 *     StatusPolicy.DISABLED, StatusPolicy.SKIP);
 * }</pre>
 *
 * @param logging the {@code Logging:} value
 * @param incoming allow, deny or reject
 * @param outgoing allow, deny or reject
 * @param routed allow, deny, reject or disabled
 * @param newProfiles allow, deny, reject or skip
 */
public record StatusHeader(
    StatusLogging logging,
    StatusPolicy incoming,
    StatusPolicy outgoing,
    StatusPolicy routed,
    StatusPolicy newProfiles) {

  private static final EnumSet<StatusPolicy> CHAIN =
      EnumSet.of(StatusPolicy.ALLOW, StatusPolicy.DENY, StatusPolicy.REJECT);

  /** Checks each policy is one ufw can print in its place. */
  public StatusHeader {
    checkArgument(CHAIN.contains(incoming), "incoming policy %s", incoming);
    checkArgument(CHAIN.contains(outgoing), "outgoing policy %s", outgoing);
    checkArgument(
        CHAIN.contains(routed) || routed == StatusPolicy.DISABLED, "routed policy %s", routed);
    checkArgument(
        CHAIN.contains(newProfiles) || newProfiles == StatusPolicy.SKIP,
        "new profiles policy %s",
        newProfiles);
  }

  /**
   * The header ufw prints for these files; {@code forwarding} says whether IP forwarding is on
   * (else the routed policy shows as {@code disabled}).
   */
  public static StatusHeader of(UfwConf conf, UfwDefaults defaults, boolean forwarding) {
    return new StatusHeader(
        StatusLogging.fromLevel(conf.logLevel()),
        StatusPolicy.fromWord(defaults.inputPolicy().word()),
        StatusPolicy.fromWord(defaults.outputPolicy().word()),
        forwarding ? StatusPolicy.fromWord(defaults.forwardPolicy().word()) : StatusPolicy.DISABLED,
        StatusPolicy.fromWord(defaults.applicationPolicy().word()));
  }

  /** The {@code Logging: ...} line without its newline. */
  public String loggingLine() {
    return "Logging: " + logging.text();
  }

  /** The {@code Default: ...} line without its newline. */
  public String defaultLine() {
    return "Default: "
        + incoming.word()
        + " (incoming), "
        + outgoing.word()
        + " (outgoing), "
        + routed.word()
        + " (routed)";
  }

  /** The {@code New profiles: ...} line without its newline. */
  public String newProfilesLine() {
    return "New profiles: " + newProfiles.word();
  }
}
