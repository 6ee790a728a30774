/**
 * QuickTheories generators of ufw inputs: command lines over the whole rule grammar (valid and
 * invalid) and whole rule sets for status tests; QuickTheories is an optional dependency of
 * ufw-model, needed only by whoever uses this package.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.gen;
