package dev.hostguard.fail2ban.client;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.fail2ban.Fail2banRefusedException;

/**
 * The reply to {@code set JAIL banip IP...}, {@code set JAIL unbanip IP...} or {@code unban IP...}:
 * how many addresses changed state (already banned or not banned ones do not count).
 *
 * <pre>{@code
 * BanCount c = BanCount.parse("<stdin>", "2\n");
 * c.count(); // 2
 * }</pre>
 *
 * @param count addresses banned or unbanned by the command
 */
public record BanCount(int count) implements Fail2banReply {

  /** Checks the count. */
  public BanCount {
    if (count < 0) {
      throw new Fail2banRefusedException("count must be >= 0: " + count);
    }
  }

  /** Parses one line holding a count. */
  public static BanCount parse(String sourceName, String text) {
    LineDocument doc = StatusTree.document(sourceName, text);
    if (doc.size() != 1) {
      throw ParseException.inLine(
          doc, Math.min(1, Math.max(doc.size() - 1, 0)), 0, "expected one line with a count");
    }
    String line = doc.text(0);
    if (!line.matches("0|[1-9][0-9]{0,8}")) {
      throw ParseException.inLine(doc, 0, 0, "expected a count, found '" + line + "'");
    }
    return new BanCount(Integer.parseInt(line));
  }

  @Override
  public String render() {
    return count + "\n";
  }
}
