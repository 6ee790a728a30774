/**
 * fail2ban configuration and client output: the lossless ini dialect ({@link
 * dev.hostguard.fail2ban.Fail2banIniDocument}), resolution of a configuration, from a directory or
 * from memory ({@link dev.hostguard.fail2ban.Fail2banConfigSource}), exactly as fail2ban 1.0.2 does
 * it ({@link dev.hostguard.fail2ban.Fail2banDump}), typed jails ({@link
 * dev.hostguard.fail2ban.Fail2banConfig}) and the output of {@code fail2ban-client}.
 *
 * <p>State: a {@link dev.hostguard.fail2ban.Fail2banConfig} caches what it read and resolved (per
 * value). The one process-wide cache holds parsed ini files by path, each checked against the bytes
 * it was parsed from before it is used, so it can never change a result; it is bounded to 64 MiB by
 * weight (about four times a file's size), least recently used entries evicted first.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.fail2ban;
