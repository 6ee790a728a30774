package dev.hostguard.fail2ban;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * One jail as fail2ban 1.0.2 resolves it from a configuration directory: what it watches, when it
 * bans, for how long, and the filter and actions it really runs.
 *
 * <pre>{@code
 * Jail sshd = Fail2banConfig.load("/etc/fail2ban").jail("sshd");
 * sshd.maxRetry(); sshd.banTime().map(Fail2banTime::seconds); // Optional[5], Optional[600.0]
 * }</pre>
 *
 * @param name the section name
 * @param enabled fail2ban's reading of {@code enabled} ({@code 1 on true yes}, any case)
 * @param enabledText the {@code enabled} value as written, if any
 * @param backend {@code auto}, {@code systemd}, {@code polling}, ...
 * @param port the {@code port} value, if any
 * @param filterSpec the {@code filter} value ({@code sshd[mode=aggressive]})
 * @param banAction the {@code banaction} value, if any
 * @param actionSpecs the {@code action} value split into actions
 * @param logPaths the {@code logpath} lines (empty with a systemd backend's journal)
 * @param maxRetry {@code maxretry}, empty when missing or not an integer
 * @param findTime {@code findtime}
 * @param banTime {@code bantime}
 * @param banTimeOptions the {@code bantime.*} options as written (increment, factor, ...)
 * @param ignoreIps {@code ignoreip} split on whitespace and commas
 * @param useDns {@code usedns}
 * @param filter the resolved filter
 * @param actions the resolved actions (Python actions appear with their file path only)
 * @param warnings what fail2ban warns about, and the non-boolean {@code enabled} word
 */
public record Jail(
    String name,
    boolean enabled,
    Optional<String> enabledText,
    String backend,
    Optional<String> port,
    String filterSpec,
    Optional<String> banAction,
    ImmutableList<String> actionSpecs,
    ImmutableList<LogPath> logPaths,
    Optional<Integer> maxRetry,
    Optional<Fail2banTime> findTime,
    Optional<Fail2banTime> banTime,
    ImmutableMap<String, String> banTimeOptions,
    ImmutableList<String> ignoreIps,
    Optional<String> useDns,
    Optional<ResolvedFilter> filter,
    ImmutableList<ResolvedAction> actions,
    ImmutableList<String> warnings) {}
