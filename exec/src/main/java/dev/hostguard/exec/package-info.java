/**
 * The pluggable executor: immutable {@link dev.hostguard.exec.Command}s (argv lists, never shell
 * strings), the {@link dev.hostguard.exec.CommandExecutor} SPI, the commons-exec based {@link
 * dev.hostguard.exec.LocalExecutor} and the scripted {@link dev.hostguard.exec.RecordingExecutor}.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.exec;
