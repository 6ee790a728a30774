package dev.hostguard.fail2ban;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.HostguardStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One jail as fail2ban 1.0.2 resolves it from a configuration: what it watches, when it bans, for
 * how long, and the filter and actions it really runs. The generated {@link Jail} is the public
 * type; absent parts are {@link Optional} or empty collections.
 *
 * <pre>{@code
 * Jail sshd = Fail2banConfig.load(Path.of("/etc/fail2ban")).jail("sshd");
 * sshd.maxRetry(); sshd.banTime().map(Fail2banTime::seconds); // Optional[5], Optional[600.0]
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractJail {
  /** The section name. */
  public abstract String name();

  /** fail2ban's reading of {@code enabled} ({@code 1 on true yes}, any case). */
  public abstract boolean enabled();

  /** The {@code enabled} value as written in the jail's own section, if any. */
  public abstract Optional<String> enabledText();

  /** {@code auto}, {@code systemd}, {@code polling}, ... */
  @Value.Default
  public String backend() {
    return "auto";
  }

  /** The {@code port} value of the jail's own section, if any. */
  public abstract Optional<String> port();

  /** The {@code filter} value ({@code sshd[mode=aggressive]}), empty when none is set. */
  public abstract Optional<String> filterSpec();

  /** The {@code banaction} value of the jail's own section, if any. */
  public abstract Optional<String> banAction();

  /** The {@code action} value split into actions. */
  public abstract ImmutableList<String> actionSpecs();

  /** The {@code logpath} lines (empty with a systemd backend's journal). */
  public abstract ImmutableList<LogPath> logPaths();

  /** {@code maxretry}, empty when missing or not an integer. */
  public abstract Optional<Integer> maxRetry();

  /** {@code findtime}, empty when missing or not a time fail2ban can evaluate. */
  public abstract Optional<Fail2banTime> findTime();

  /** {@code bantime}, empty when missing or not a time fail2ban can evaluate. */
  public abstract Optional<Fail2banTime> banTime();

  /** The {@code bantime.*} options as written (increment, factor, ...), without the prefix. */
  public abstract ImmutableMap<String, String> banTimeOptions();

  /** {@code ignoreip} split on whitespace and commas. */
  public abstract ImmutableList<String> ignoreIps();

  /** {@code usedns}, if set. */
  public abstract Optional<String> useDns();

  /** The resolved filter, if the jail has one. */
  public abstract Optional<ResolvedFilter> filter();

  /** The resolved actions (Python actions appear with their file path only). */
  public abstract ImmutableList<ResolvedAction> actions();

  /**
   * What fail2ban warns about while resolving the jail, and a non-boolean {@code enabled} or a time
   * it cannot evaluate, placed at the line that sets the option where one does.
   */
  public abstract ImmutableList<Diagnostic> diagnostics();
}
