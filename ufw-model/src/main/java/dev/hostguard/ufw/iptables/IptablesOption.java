package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;

/**
 * One option of a rule with its values, e.g. {@code ! -s 10.0.0.0/8} or {@code --log-prefix "[UFW
 * BLOCK] "}.
 *
 * <pre>{@code
 * IptablesOption o = rule.target().orElseThrow().options().get(0);
 * o.name(); // "--log-prefix"   o.values(); // [[UFW BLOCK] ]
 * }</pre>
 *
 * @param negated whether a {@code !} came before it
 * @param name the option word, e.g. {@code -p} or {@code --dport}
 * @param values the words after it up to the next option
 */
public record IptablesOption(boolean negated, String name, ImmutableList<String> values) {}
