package dev.hostguard.fail2ban.client;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The output of {@code fail2ban-client status}: the number of jails and their names, lossless.
 *
 * <pre>{@code
 * Fail2banStatus s = Fail2banStatus.parse("<stdin>", "Status\n|- Number of jail:\t1\n`- Jail list:\tsshd\n");
 * s.jails(); // [sshd]
 * }</pre>
 *
 * @param jailCount the {@code Number of jail:} value (fail2ban's own, singular, wording)
 * @param jails the {@code Jail list:} names
 */
public record Fail2banStatus(int jailCount, ImmutableList<String> jails) {
  private static final String COUNT = "|- Number of jail:\t";
  private static final String LIST = "`- Jail list:\t";

  /** Validates. */
  public Fail2banStatus {
    requireNonNull(jails, "jails");
    for (String j : jails) {
      if (j.isEmpty() || j.contains(", ") || j.contains("\n")) {
        throw new IllegalArgumentException("not a jail name: '" + j + "'");
      }
    }
  }

  /** Parses what {@code fail2ban-client status} printed. */
  public static Fail2banStatus parse(String source, String text) {
    List<String> lines = OutputLines.split(source, text);
    if (lines.size() != 3 || !lines.get(0).equals("Status")) {
      throw Fail2banOutputParseException.at(
          source, 0, lines.isEmpty() ? "" : lines.get(0), "expected the 3 lines of 'status'");
    }
    if (!lines.get(1).startsWith(COUNT)) {
      throw Fail2banOutputParseException.at(
          source, 1, lines.get(1), "expected \"|- Number of jail:\\t...\"");
    }
    int count;
    try {
      count = Integer.parseInt(lines.get(1).substring(COUNT.length()));
    } catch (NumberFormatException e) {
      throw Fail2banOutputParseException.at(source, 1, lines.get(1), "not a number of jails");
    }
    if (!lines.get(2).startsWith(LIST)) {
      throw Fail2banOutputParseException.at(
          source, 2, lines.get(2), "expected \"`- Jail list:\\t...\"");
    }
    String list = lines.get(2).substring(LIST.length());
    ImmutableList<String> jails =
        list.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(list.split(", ", -1));
    try {
      return new Fail2banStatus(count, jails);
    } catch (IllegalArgumentException e) {
      throw Fail2banOutputParseException.at(source, 2, lines.get(2), e.getMessage());
    }
  }

  /** The text fail2ban prints. */
  public String render() {
    return "Status\n" + COUNT + jailCount + "\n" + LIST + String.join(", ", jails) + "\n";
  }
}
