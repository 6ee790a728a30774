/**
 * The output of {@code fail2ban-client} as typed, lossless values: {@code status}, {@code status
 * JAIL}, the counts of {@code banip}/{@code unbanip} and the no-such-jail error.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.fail2ban.client;
