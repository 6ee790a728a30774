package dev.hostguard.fail2ban.client;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply of a {@code fail2ban-client set JAIL banip|unbanip IP...} command: the number of
 * addresses it changed, or fail2ban's {@code Sorry but the jail 'x' does not exist}.
 *
 * <pre>{@code
 * Fail2banClientReply r = Fail2banClientReply.parse("<stdout>", "Sorry but the jail 'x' does not exist\n");
 * r instanceof Fail2banClientReply.NoSuchJail; // true
 * }</pre>
 */
public sealed interface Fail2banClientReply {
  /** How many addresses were banned or unbanned. */
  record Count(int count) implements Fail2banClientReply {
    @Override
    public String render() {
      return count + "\n";
    }
  }

  /** The jail named in the command does not exist. */
  record NoSuchJail(String jail) implements Fail2banClientReply {
    @Override
    public String render() {
      return "Sorry but the jail '" + jail + "' does not exist\n";
    }
  }

  /** The text fail2ban prints. */
  String render();

  /** Parses the stdout of the command. */
  static Fail2banClientReply parse(String source, String text) {
    List<String> lines = OutputLines.split(source, text);
    if (lines.size() == 1) {
      String l = lines.get(0);
      Matcher m = Pattern.compile("Sorry but the jail '(.*)' does not exist").matcher(l);
      if (m.matches()) {
        return new NoSuchJail(m.group(1));
      }
      if (l.matches("0|[1-9][0-9]{0,8}")) {
        return new Count(Integer.parseInt(l));
      }
    }
    throw Fail2banOutputParseException.at(
        source, 0, lines.isEmpty() ? "" : lines.get(0), "not a count nor a no-such-jail error");
  }
}
