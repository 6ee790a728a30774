/**
 * iptables-restore files as ufw ships and uses them ({@code before.rules}, {@code after6.rules},
 * the outer structure of {@code user.rules}): a lossless document, iptables-restore's validation, a
 * typed view of rules, and idempotent edits such as psad's LOG lines.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.iptables;
