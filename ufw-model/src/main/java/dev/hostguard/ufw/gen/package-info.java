/**
 * QuickTheories generators of ufw models ({@link dev.hostguard.ufw.UfwRule} lists as the rules
 * files hold them); QuickTheories is an optional dependency of ufw-model, needed only by whoever
 * uses this package. Command-line generators for the real ufw are in {@code hostguard-testing}'s
 * {@code dev.hostguard.testing.gen}.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.gen;
