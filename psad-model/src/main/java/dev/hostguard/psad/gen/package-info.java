/** QuickTheories generators of psad.conf variants for property and differential tests. */
@org.jspecify.annotations.NullMarked
package dev.hostguard.psad.gen;
