/**
 * Typed replies of {@code fail2ban-client}: {@code status}, {@code status JAIL}, ban and unban
 * counts, and the unknown-jail error, each parsed by structure and rendered back byte for byte.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.fail2ban.client;
