/**
 * The ufw rule model: {@link dev.hostguard.ufw.UfwRule}, the argv parser of ufw 0.36.2's rule
 * grammar, {@code user.rules}/{@code user6.rules}, application profiles and a dry-run mirror.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw;
