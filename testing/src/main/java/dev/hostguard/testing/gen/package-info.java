/** Format-agnostic QuickTheories generators. */
@org.jspecify.annotations.NullMarked
package dev.hostguard.testing.gen;
