/** QuickTheories generators of ufw inputs for property and differential tests. */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.gen;
