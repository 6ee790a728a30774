package dev.hostguard.ufw.status;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The output of {@code ufw show added}: the commands that would re-create the user rules, in ufw's
 * order (IPv4 rules first, duplicates once).
 *
 * <pre>{@code
 * UfwAddedRules added = (UfwAddedRules) UfwStatusOutput.parse("<stdin>", text);
 * added.commands(); // [limit 22/tcp comment 'allow SSH', allow out 53]
 * }</pre>
 *
 * @param commands each line's text after {@code ufw }
 */
public record UfwAddedRules(ImmutableList<String> commands) implements UfwStatusOutput {
  static final String HEADER = "Added user rules (see 'ufw status' for running firewall):";
  static final String NONE = "(None)";

  /** Checks each command is one line. */
  public UfwAddedRules {
    for (String c : commands) {
      checkArgument(c.indexOf('\n') < 0 && c.indexOf('\r') < 0, "multi-line command: %s", c);
    }
  }

  /** The output listing these commands. */
  public static UfwAddedRules of(List<String> commands) {
    return new UfwAddedRules(ImmutableList.copyOf(commands));
  }

  @Override
  public String render() {
    StringBuilder sb = new StringBuilder(HEADER);
    if (commands.isEmpty()) {
      sb.append('\n').append(NONE);
    }
    for (String c : commands) {
      sb.append("\nufw ").append(c);
    }
    return sb.append('\n').toString();
  }
}
