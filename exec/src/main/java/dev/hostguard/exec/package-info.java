/**
 * The pluggable executor: immutable {@link dev.hostguard.exec.Command}s (argv lists, never shell
 * strings), the {@link dev.hostguard.exec.CommandExecutor} SPI with public factories for the
 * failures it promises, the commons-exec based {@link dev.hostguard.exec.LocalExecutor}, the
 * scripted {@link dev.hostguard.exec.RecordingExecutor}, the decorator base {@link
 * dev.hostguard.exec.ForwardingExecutor}, {@link dev.hostguard.exec.SudoExecutor} and {@link
 * dev.hostguard.exec.SshExecutor} (OpenSSH client; its remote quoting is the package's only
 * shell-aware code). No file formats live here.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.exec;
