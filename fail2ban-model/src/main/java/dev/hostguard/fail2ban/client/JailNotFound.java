package dev.hostguard.fail2ban.client;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.fail2ban.Fail2banRefusedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fail2ban-client's answer (on stdout, exit 255) to a command naming a jail the server does not
 * run: {@code Sorry but the jail 'x' does not exist}.
 *
 * <pre>{@code
 * JailNotFound e = JailNotFound.parse("<stdin>", "Sorry but the jail 'ssh' does not exist\n");
 * e.jail(); // "ssh"
 * }</pre>
 *
 * @param jail the name the command gave
 */
public record JailNotFound(String jail) implements Fail2banReply {
  private static final Pattern LINE = Pattern.compile("Sorry but the jail '(.*)' does not exist");

  /** Checks the name. */
  public JailNotFound {
    requireNonNull(jail, "jail");
    if (jail.contains("\n")) {
      throw new Fail2banRefusedException("a jail name cannot contain a newline");
    }
  }

  /** Whether {@code text} is this error. */
  public static boolean matches(String text) {
    return LINE.matcher(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text)
        .matches();
  }

  /** Parses the error line. */
  public static JailNotFound parse(String sourceName, String text) {
    LineDocument doc = StatusTree.document(sourceName, text);
    Matcher m = LINE.matcher(doc.size() == 1 ? doc.text(0) : "");
    if (!m.matches()) {
      throw ParseException.inLine(
          doc, 0, 0, "expected \"Sorry but the jail '...' does not exist\"");
    }
    return new JailNotFound(m.group(1));
  }

  @Override
  public String render() {
    return "Sorry but the jail '" + jail + "' does not exist\n";
  }
}
