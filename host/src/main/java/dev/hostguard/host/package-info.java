/**
 * Acting on a real machine. Files on the target go through {@link dev.hostguard.host.HostFiles}
 * (locally through {@code java.nio}, or as argv commands through any {@link
 * dev.hostguard.exec.CommandExecutor}, e.g. over ssh with sudo): every write is atomic (a hidden
 * temp file beside the target, fsync, rename, mode and owner kept) and preceded, before the first
 * change to a file, by a {@code NAME-COPY-yyyyMMddHHmmss} backup as {@code cp --archive} makes;
 * every change can be previewed as a unified diff ({@link dev.hostguard.host.FileChange}). The
 * tools on the target are driven through typed clients ({@link dev.hostguard.host.UfwClient},
 * {@link dev.hostguard.host.Fail2banClient}, {@link dev.hostguard.host.PsadClient}): one method per
 * tool command, run once through the executor, stdout parsed by the model modules; a tool's refusal
 * is a {@link dev.hostguard.host.ToolRefusedException} carrying the tool's message.
 *
 * <p>{@link dev.hostguard.host.UfwEvaluator} decides a {@link dev.hostguard.host.Packet} as an
 * enabled ufw would, and names the user rule, built-in accept or default policy that decides it.
 * Not locking the operator out: {@link dev.hostguard.host.LockoutGuard} says whether a firewall
 * state ({@link dev.hostguard.host.UfwFirewallState}) would drop or reject a new SSH connection
 * ({@link dev.hostguard.host.SshAccess}), and {@link dev.hostguard.host.ConfirmedApply} proves a
 * fresh connection after an apply over ssh, rolling the files back when none gets in.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.host;
