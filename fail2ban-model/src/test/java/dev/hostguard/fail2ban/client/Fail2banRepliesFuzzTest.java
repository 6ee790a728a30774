package dev.hostguard.fail2ban.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hostguard.core.ParseException;
import java.util.List;

/** Jazzer target: replies either parse and render back exactly, or fail with a ParseException. */
class Fail2banRepliesFuzzTest {
  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("status"),
          List.of("status", "sshd"),
          List.of("set", "sshd", "banip", "192.0.2.1"),
          List.of("unban", "192.0.2.1"));

  @FuzzTest
  void parseOrCleanError(FuzzedDataProvider data) {
    List<String> command = COMMANDS.get(data.consumeInt(0, COMMANDS.size() - 1));
    String text = data.consumeRemainingAsString();
    try {
      Fail2banReply reply = Fail2banReplies.reply(command, text);
      assertThat(reply.render()).isEqualTo(text);
    } catch (ParseException e) {
      assertThat(e.getMessage()).startsWith("<fail2ban-client");
    }
  }
}
