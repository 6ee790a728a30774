/**
 * The output ufw prints about a live firewall: {@code ufw status}, {@code status verbose}, {@code
 * status numbered} ({@link dev.hostguard.ufw.status.UfwStatus}) and {@code show added} ({@link
 * dev.hostguard.ufw.status.UfwAddedRules}), parsed into lossless documents that render back byte
 * for byte, read as {@link dev.hostguard.ufw.UfwRule}s, and derived from a rule set ({@link
 * dev.hostguard.ufw.status.StatusDerivation}). Actions, log types, directions and policies are the
 * rule model's own enums ({@link dev.hostguard.ufw.UfwAction}, {@link
 * dev.hostguard.ufw.UfwLogType}, {@link dev.hostguard.ufw.UfwDirection}, {@link
 * dev.hostguard.ufw.UfwPolicy}).
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.status;
