package dev.hostguard.fail2ban.client;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.hostguard.core.ParseException;
import dev.hostguard.fail2ban.Fail2banRefusedException;
import java.util.List;

/**
 * The reply to {@code fail2ban-client status}: how many jails run and their names (sorted by the
 * server).
 *
 * <pre>{@code
 * ServerStatus s = ServerStatus.parse("<stdin>", "Status\n|- Number of jail:\t1\n`- Jail list:\tsshd\n");
 * s.jails(); // [sshd]
 * }</pre>
 *
 * @param numberOfJails the count the server reports
 * @param jails the jail names
 */
public record ServerStatus(int numberOfJails, ImmutableList<String> jails)
    implements Fail2banReply {

  /** Copies the names. */
  public ServerStatus(int numberOfJails, List<String> jails) {
    this(numberOfJails, ImmutableList.copyOf(jails));
  }

  /** Checks the names: non-empty, without the list separator. */
  public ServerStatus {
    for (String j : jails) {
      if (j.isEmpty() || j.contains(", ") || j.contains("\n") || j.contains("\t")) {
        throw new Fail2banRefusedException("bad jail name: '" + j + "'");
      }
    }
  }

  /** A status listing these jails, counted. */
  public static ServerStatus of(List<String> jails) {
    return new ServerStatus(jails.size(), jails);
  }

  /** Parses the text; throws {@link dev.hostguard.core.ParseException} with a position. */
  public static ServerStatus parse(String sourceName, String text) {
    StatusTree tree = StatusTree.parse(sourceName, text, "Status");
    tree.requireFlat();
    StatusLine count = tree.leaf(0, "Number of jail");
    StatusLine list = tree.leaf(1, "Jail list");
    tree.requireSize(2);
    int n = tree.intValue(0, count);
    ImmutableList<String> jails =
        list.value().isEmpty()
            ? ImmutableList.of()
            : ImmutableList.copyOf(Splitter.on(", ").split(list.value()));
    for (String j : jails) {
      if (j.isEmpty() || j.contains("\t")) {
        throw ParseException.inLine(
            tree.doc, 2, "`- Jail list:\t".length(), "bad jail list: '" + list.value() + "'");
      }
    }
    return new ServerStatus(n, jails);
  }

  @Override
  public String render() {
    return "Status\n|- Number of jail:\t"
        + numberOfJails
        + "\n`- Jail list:\t"
        + String.join(", ", jails)
        + "\n";
  }
}
