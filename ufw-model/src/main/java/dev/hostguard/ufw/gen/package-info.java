/**
 * QuickTheories generators of ufw command lines over the whole rule grammar (valid and invalid);
 * QuickTheories is an optional dependency of ufw-model, needed only by whoever uses this package.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.gen;
