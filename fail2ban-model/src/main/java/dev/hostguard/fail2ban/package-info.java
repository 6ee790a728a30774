/**
 * fail2ban configuration and client output: the lossless ini dialect ({@link
 * dev.hostguard.fail2ban.Fail2banIniDocument}), resolution of a configuration directory exactly as
 * fail2ban 1.0.2 does it ({@link dev.hostguard.fail2ban.Fail2banDump}), typed jails and the output
 * of {@code fail2ban-client}.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.fail2ban;
