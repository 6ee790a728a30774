package dev.hostguard.fail2ban.client;

/**
 * One {@code label:<TAB>value} line of {@code fail2ban-client status JAIL}.
 *
 * <pre>{@code
 * StatusEntry e = new StatusEntry("Currently failed", "0");
 * e.label(); // Currently failed
 * }</pre>
 */
public record StatusEntry(String label, String value) {}
