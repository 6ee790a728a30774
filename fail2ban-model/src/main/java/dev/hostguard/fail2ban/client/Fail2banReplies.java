package dev.hostguard.fail2ban.client;

import dev.hostguard.fail2ban.Fail2banRefusedException;
import java.util.List;

/**
 * Parses fail2ban-client's stdout for a command, choosing the reply type from the command as
 * fail2ban's beautifier does.
 *
 * <pre>{@code
 * Fail2banReply r = Fail2banReplies.reply(List.of("set", "sshd", "unbanip", "192.0.2.1"), "1\n");
 * ((BanCount) r).count(); // 1
 * }</pre>
 */
public final class Fail2banReplies {
  private Fail2banReplies() {}

  /**
   * The typed reply to {@code command} (the words after {@code fail2ban-client} and its options).
   *
   * @throws dev.hostguard.fail2ban.Fail2banRefusedException for a command whose reply is not
   *     modelled
   * @throws dev.hostguard.core.ParseException when the text does not read as that reply
   */
  public static Fail2banReply reply(List<String> command, String stdout) {
    String source = "<fail2ban-client " + String.join(" ", command) + ">";
    if (JailNotFound.matches(stdout)) {
      return JailNotFound.parse(source, stdout);
    }
    if (command.size() == 1 && command.get(0).equals("status")) {
      return ServerStatus.parse(source, stdout);
    }
    if (command.size() >= 2 && command.get(0).equals("status")) {
      return JailStatus.parse(source, stdout);
    }
    if (command.size() >= 4
        && command.get(0).equals("set")
        && (command.get(2).equals("banip") || command.get(2).equals("unbanip"))) {
      return BanCount.parse(source, stdout);
    }
    if (command.size() >= 2 && command.get(0).equals("unban")) {
      return BanCount.parse(source, stdout);
    }
    throw new Fail2banRefusedException("no typed reply for fail2ban-client " + command);
  }
}
