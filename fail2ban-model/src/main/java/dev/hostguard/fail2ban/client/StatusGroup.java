package dev.hostguard.fail2ban.client;

import com.google.common.collect.ImmutableList;

/**
 * One branch ({@code Filter}, {@code Actions}) of {@code fail2ban-client status JAIL}.
 *
 * <pre>{@code
 * StatusGroup actions = status.groups().get(1);
 * actions.name(); // Actions
 * }</pre>
 */
public record StatusGroup(String name, ImmutableList<StatusEntry> entries) {}
