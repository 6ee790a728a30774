package dev.hostguard.fail2ban.client;

/**
 * What {@code fail2ban-client} printed for one command, typed: the server's {@link ServerStatus}, a
 * {@link JailStatus}, a {@link BanCount} from {@code banip}/{@code unbanip}/{@code unban}, or
 * {@link JailNotFound}. Each renders back to the exact text it was parsed from.
 *
 * <pre>{@code
 * Fail2banReply r = Fail2banReplies.parse(List.of("status", "sshd"), stdout);
 * if (r instanceof JailStatus s) { s.bannedIps(); }
 * }</pre>
 */
public sealed interface Fail2banReply permits ServerStatus, JailStatus, BanCount, JailNotFound {

  /** The text as {@code fail2ban-client} prints it, final newline included. */
  String render();
}
