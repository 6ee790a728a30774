package dev.hostguard.fail2ban.client;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output of {@code fail2ban-client status JAIL}: the {@code |-}/{@code `-} tree with its {@code
 * Filter} counts and file list (or journal matches) and its {@code Actions} counts and banned
 * addresses; lossless, typed accessors on top.
 *
 * <pre>{@code
 * JailStatus s = JailStatus.parse("<stdin>", text);
 * s.currentlyBanned(); s.bannedIps(); // 1, [192.0.2.1]
 * }</pre>
 */
public record JailStatus(String jail, ImmutableList<StatusGroup> groups) {
  private static final String HEAD = "Status for the jail: ";

  /** Validates. */
  public JailStatus {
    requireNonNull(jail, "jail");
    requireNonNull(groups, "groups");
  }

  /** Parses what {@code fail2ban-client status JAIL} printed. */
  public static JailStatus parse(String source, String text) {
    List<String> lines = OutputLines.split(source, text);
    if (lines.isEmpty() || !lines.get(0).startsWith(HEAD)) {
      throw Fail2banOutputParseException.at(
          source, 0, lines.isEmpty() ? "" : lines.get(0), "expected \"Status for the jail: ...\"");
    }
    String jail = lines.get(0).substring(HEAD.length());
    List<String> groupNames = new ArrayList<>();
    List<List<StatusEntry>> entries = new ArrayList<>();
    boolean lastGroupSeen = false;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("|- ") || l.startsWith("`- ")) {
        if (lastGroupSeen) {
          throw Fail2banOutputParseException.at(source, i, l, "a branch after the last one");
        }
        lastGroupSeen = l.startsWith("`- ");
        groupNames.add(l.substring(3));
        entries.add(new ArrayList<>());
      } else if ((l.startsWith("|  ") || l.startsWith("   ")) && !groupNames.isEmpty()) {
        String rest = l.substring(3);
        if (!rest.startsWith("|- ") && !rest.startsWith("`- ")) {
          throw Fail2banOutputParseException.at(source, i, l, "expected |- or `- ");
        }
        String body = rest.substring(3);
        int tab = body.indexOf(":\t");
        if (tab < 0) {
          throw Fail2banOutputParseException.at(source, i, l, "expected \"label:\\tvalue\"");
        }
        entries
            .get(entries.size() - 1)
            .add(new StatusEntry(body.substring(0, tab), body.substring(tab + 2)));
      } else {
        throw Fail2banOutputParseException.at(source, i, l, "not a line of a jail status");
      }
    }
    ImmutableList.Builder<StatusGroup> groups = ImmutableList.builder();
    for (int g = 0; g < groupNames.size(); g++) {
      groups.add(new StatusGroup(groupNames.get(g), ImmutableList.copyOf(entries.get(g))));
    }
    JailStatus s = new JailStatus(jail, groups.build());
    if (!s.render().equals(text)) {
      throw Fail2banOutputParseException.at(
          source, 0, lines.get(0), "tree prefixes are not the ones fail2ban prints");
    }
    return s;
  }

  /** The text fail2ban prints. */
  public String render() {
    StringBuilder b = new StringBuilder(HEAD).append(jail).append('\n');
    for (int n = 0; n < groups.size(); n++) {
      boolean lastGroup = n == groups.size() - 1;
      StatusGroup g = groups.get(n);
      b.append(lastGroup ? "`- " : "|- ").append(g.name()).append('\n');
      String prefix = lastGroup ? "   " : "|  ";
      for (int m = 0; m < g.entries().size(); m++) {
        StatusEntry e = g.entries().get(m);
        b.append(prefix)
            .append(m == g.entries().size() - 1 ? "`- " : "|- ")
            .append(e.label())
            .append(":\t")
            .append(e.value())
            .append('\n');
      }
    }
    return b.toString();
  }

  /** The value of {@code label} in any branch. */
  public Optional<String> value(String label) {
    for (StatusGroup g : groups) {
      for (StatusEntry e : g.entries()) {
        if (e.label().equals(label)) {
          return Optional.of(e.value());
        }
      }
    }
    return Optional.empty();
  }

  private int count(String label) {
    return value(label).map(Integer::parseInt).orElse(0);
  }

  private static ImmutableList<String> words(String v) {
    return v.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(v.split(" ", -1));
  }

  /** {@code Currently failed}. */
  public int currentlyFailed() {
    return count("Currently failed");
  }

  /** {@code Total failed}. */
  public int totalFailed() {
    return count("Total failed");
  }

  /** {@code Currently banned}. */
  public int currentlyBanned() {
    return count("Currently banned");
  }

  /** {@code Total banned}. */
  public int totalBanned() {
    return count("Total banned");
  }

  /** {@code File list} (empty for journal backends). */
  public ImmutableList<String> fileList() {
    return value("File list").map(JailStatus::words).orElse(ImmutableList.of());
  }

  /** {@code Journal matches}, as printed (systemd backends). */
  public Optional<String> journalMatches() {
    return value("Journal matches");
  }

  /** {@code Banned IP list}. */
  public ImmutableList<String> bannedIps() {
    return value("Banned IP list").map(JailStatus::words).orElse(ImmutableList.of());
  }
}
