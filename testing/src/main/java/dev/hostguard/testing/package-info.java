/**
 * hostguard's test library (like guava-testlib): the real-tool harness ({@link
 * dev.hostguard.testing.RealTools}, {@link dev.hostguard.testing.UfwSandbox}, {@link
 * dev.hostguard.testing.PrivateUfw}, {@link dev.hostguard.testing.RequiresRealTool}) and round-trip
 * assertions users can call on their own files.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.testing;
