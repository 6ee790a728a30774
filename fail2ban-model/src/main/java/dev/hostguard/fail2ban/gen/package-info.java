/** QuickTheories generators of fail2ban configuration overlays, for differential tests. */
@org.jspecify.annotations.NullMarked
package dev.hostguard.fail2ban.gen;
