/**
 * The output ufw prints about a live firewall: {@code ufw status}, {@code status verbose}, {@code
 * status numbered} and {@code show added}, parsed into typed models and rendered back byte for
 * byte, and derived from a rule set.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.status;
