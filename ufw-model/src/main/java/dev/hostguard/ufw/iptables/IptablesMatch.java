package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;

/**
 * A match extension of a rule: {@code -m NAME} and the options after it.
 *
 * <pre>{@code
 * IptablesMatch m = rule.matches().get(0);
 * m.module(); // "conntrack"   m.options().get(0).name(); // "--ctstate"
 * }</pre>
 *
 * @param module the module name after {@code -m}
 * @param options its options
 */
public record IptablesMatch(String module, ImmutableList<IptablesOption> options) {}
