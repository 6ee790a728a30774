package dev.hostguard.fail2ban.client;

import dev.hostguard.core.LosslessDocument;
import java.nio.charset.StandardCharsets;

/**
 * What {@code fail2ban-client} printed for one command, typed: the server's {@link ServerStatus}, a
 * {@link JailStatus}, a {@link BanCount} from {@code banip}/{@code unbanip}/{@code unban}, or
 * {@link JailNotFound}. Each renders back to the exact text it was parsed from.
 *
 * <pre>{@code
 * Fail2banReply r = Fail2banReplies.reply(List.of("status", "sshd"), stdout);
 * if (r instanceof JailStatus s) { s.bannedIps(); }
 * }</pre>
 */
public sealed interface Fail2banReply extends LosslessDocument
    permits ServerStatus, JailStatus, BanCount, JailNotFound {

  /** The source name every reply reports: replies are values, equal when their text is. */
  String SOURCE_NAME = "<fail2ban-client>";

  /** The text as {@code fail2ban-client} prints it, final newline included. */
  @Override
  String render();

  /** {@value #SOURCE_NAME}: a reply is a value, it does not keep the name it was parsed under. */
  @Override
  default String sourceName() {
    return SOURCE_NAME;
  }

  /** {@link #render()} in UTF-8, the bytes {@code fail2ban-client} prints. */
  @Override
  default byte[] toBytes() {
    return render().getBytes(StandardCharsets.UTF_8);
  }
}
