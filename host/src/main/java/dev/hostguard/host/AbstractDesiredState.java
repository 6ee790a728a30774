package dev.hostguard.host;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.HostguardStyle;
import dev.hostguard.ufw.UfwLogLevel;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a host should look like, as one immutable value: ufw's default policies, logging level,
 * rules in order, custom application profiles and whether it is enabled; psad's LOG lines in {@code
 * before.rules} / {@code before6.rules} and {@code psad.conf} keys; fail2ban options in {@code
 * jail.local} and {@code jail.d/*.local} (never the shipped {@code .conf} files). Every part left
 * out is left alone. {@link Plan#of} compares it with a {@link HostState}. Immutables generates the
 * public {@link DesiredState}.
 *
 * <pre>{@code
 * DesiredState d = DesiredState.builder().outgoingPolicy(UfwPolicy.DENY).ownsRules(true)
 *     .addRules(UfwRule.builder().action(UfwAction.LIMIT).destinationPort("22").build()).build();
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractDesiredState {
  /** The LOG prefix the seed chapter gives psad's lines. */
  public static final String SEED_LOG_PREFIX = "[IPTABLES] ";

  /** {@code ufw default POLICY incoming}; absent: left as it is. */
  public abstract Optional<UfwPolicy> incomingPolicy();

  /** {@code ufw default POLICY outgoing}; absent: left as it is. */
  public abstract Optional<UfwPolicy> outgoingPolicy();

  /** {@code ufw default POLICY routed}; absent: left as it is. */
  public abstract Optional<UfwPolicy> routedPolicy();

  /** {@code ufw logging LEVEL}; absent: left as it is. */
  public abstract Optional<UfwLogLevel> logging();

  /** Whether ufw is enabled ({@code ufw --force enable}) or disabled; absent: left as it is. */
  public abstract Optional<Boolean> ufwEnabled();

  /**
   * The ufw rules, in the order they are to take (as commands give them: a rule for both IP
   * versions is one IPv4 rule here, and ufw adds its IPv6 twin).
   */
  public abstract ImmutableList<UfwRule> rules();

  /**
   * Whether {@link #rules()} is the whole rule set: rules on the host that are not in it are then
   * deleted; otherwise they are kept and reported ({@link Plan#unmanagedRules()}).
   */
  @Value.Default
  public boolean ownsRules() {
    return false;
  }

  /**
   * Custom application profiles: file name in {@code /etc/ufw/applications.d} → its text (e.g. the
   * chapter's {@code plexmediaserver}).
   */
  public abstract ImmutableMap<String, String> appProfiles();

  /**
   * Whether {@code before.rules} and {@code before6.rules} must log all INPUT and FORWARD traffic
   * for psad ({@code -j LOG --log-tcp-options --log-prefix PREFIX} before the filter table's {@code
   * COMMIT}).
   */
  @Value.Default
  public boolean psadLogging() {
    return false;
  }

  /**
   * The {@code --log-prefix} of psad's LOG lines; the seed's {@link #SEED_LOG_PREFIX} by default.
   */
  @Value.Default
  public String psadLogPrefix() {
    return SEED_LOG_PREFIX;
  }

  /** {@code psad.conf} keys and values ({@code EMAIL_ADDRESSES} → {@code root@localhost}). */
  public abstract ImmutableMap<String, String> psadSettings();

  /** fail2ban options, in the order they are written. */
  public abstract ImmutableList<Fail2banOverride> fail2banOverrides();

  /** psad's configuration file. */
  @Value.Default
  public Path psadConf() {
    return HostTrees.PSAD_CONF;
  }

  /** fail2ban's configuration directory. */
  @Value.Default
  public Path fail2banDir() {
    return HostTrees.FAIL2BAN_DIR;
  }

  @Value.Check
  void check() {
    for (String name : appProfiles().keySet()) {
      if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\0")) {
        throw new IllegalArgumentException("not a profile file name: '" + name + "'");
      }
    }
    if (routedPolicy().isPresent() && routedPolicy().get() == UfwPolicy.SKIP
        || incomingPolicy().isPresent() && incomingPolicy().get() == UfwPolicy.SKIP
        || outgoingPolicy().isPresent() && outgoingPolicy().get() == UfwPolicy.SKIP) {
      throw new IllegalArgumentException("Unsupported policy 'skip'");
    }
    if (psadLogPrefix().isEmpty() || psadLogPrefix().contains("\n")) {
      throw new IllegalArgumentException("not a log prefix: '" + psadLogPrefix() + "'");
    }
    for (Path p : java.util.List.of(psadConf(), fail2banDir())) {
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("not an absolute path: " + p);
      }
    }
  }
}
