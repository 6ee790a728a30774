package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;

/**
 * The target of a rule: {@code -j NAME} (or {@code -g NAME}) and the target's options.
 *
 * <pre>{@code
 * IptablesTarget t = rule.target().orElseThrow();
 * t.name(); // "LOG"   t.options().get(0).name(); // "--log-tcp-options"
 * }</pre>
 *
 * @param goTo whether {@code -g}/{@code --goto} rather than {@code -j}/{@code --jump}
 * @param name the target or chain name
 * @param options the target's options
 */
public record IptablesTarget(boolean goTo, String name, ImmutableList<IptablesOption> options) {}
