package dev.hostguard.fail2ban.client;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.hostguard.core.ParseException;
import dev.hostguard.fail2ban.Fail2banRefusedException;
import java.util.List;
import java.util.Optional;

/**
 * The reply to {@code fail2ban-client status JAIL}: the jail's status tree, kept whole (so flavors
 * that add leaves still round-trip), with typed views of the leaves every jail has: failures,
 * monitored files or journal matches, bans and the banned addresses.
 *
 * <pre>{@code
 * JailStatus s = JailStatus.parse("<stdin>", stdout);
 * s.currentlyBanned(); s.bannedIps(); s.fileList();
 * }</pre>
 *
 * @param jail the jail's name
 * @param sections the tree's branches in order (fail2ban prints {@code Filter} then {@code
 *     Actions})
 */
public record JailStatus(String jail, ImmutableList<StatusSection> sections)
    implements Fail2banReply {
  private static final String HEADER = "Status for the jail: ";

  /** Copies the sections. */
  public JailStatus(String jail, List<StatusSection> sections) {
    this(jail, ImmutableList.copyOf(sections));
  }

  /** Checks the name and that the typed leaves are well-formed when present. */
  public JailStatus {
    requireNonNull(jail, "jail");
    requireNonNull(sections, "sections");
    if (jail.contains("\n")) {
      throw new Fail2banRefusedException("a jail name cannot contain a newline");
    }
  }

  /**
   * The status fail2ban prints for a jail watching files (basic flavor).
   *
   * <pre>{@code
   * JailStatus.ofFiles("sshd", 0, 3, List.of("/var/log/auth.log"), 1, 2, List.of("192.0.2.1"));
   * }</pre>
   */
  public static JailStatus ofFiles(
      String jail,
      int currentlyFailed,
      int totalFailed,
      List<String> files,
      int currentlyBanned,
      int totalBanned,
      List<String> bannedIps) {
    return new JailStatus(
        jail,
        List.of(
            new StatusSection(
                "Filter",
                List.of(
                    new StatusLine("Currently failed", Integer.toString(currentlyFailed)),
                    new StatusLine("Total failed", Integer.toString(totalFailed)),
                    new StatusLine("File list", String.join(" ", files)))),
            actions(currentlyBanned, totalBanned, bannedIps)));
  }

  private static StatusSection actions(int currentlyBanned, int totalBanned, List<String> ips) {
    return new StatusSection(
        "Actions",
        List.of(
            new StatusLine("Currently banned", Integer.toString(currentlyBanned)),
            new StatusLine("Total banned", Integer.toString(totalBanned)),
            new StatusLine("Banned IP list", String.join(" ", ips))));
  }

  /** Parses the text; throws {@link ParseException} with a position on anything else. */
  public static JailStatus parse(String sourceName, String text) {
    StatusTree tree = StatusTree.parse(sourceName, text, HEADER);
    if (!tree.flatLeaves.isEmpty()) {
      throw ParseException.inLine(tree.doc, 1, 3, "expected the 'Filter' and 'Actions' branches");
    }
    JailStatus status = new JailStatus(tree.header.substring(HEADER.length()), tree.sections);
    // the typed leaves must read as numbers where fail2ban prints numbers
    for (int s = 0, line = 1; s < status.sections.size(); s++) {
      line++;
      for (StatusLine l : status.sections.get(s).lines()) {
        if (isCount(l.label()) && !l.value().matches("0|[1-9][0-9]{0,9}")) {
          throw ParseException.inLine(
              tree.doc, line, 6 + l.label().length() + 2, "expected a number: '" + l.value() + "'");
        }
        line++;
      }
    }
    return status;
  }

  private static boolean isCount(String label) {
    return label.equals("Currently failed")
        || label.equals("Total failed")
        || label.equals("Currently banned")
        || label.equals("Total banned");
  }

  /** The section with this name. */
  public Optional<StatusSection> section(String name) {
    for (StatusSection s : sections) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Optional<String> value(String section, String label) {
    return section(section).flatMap(s -> s.value(label));
  }

  private int count(String section, String label) {
    return value(section, label).map(Integer::parseInt).orElse(0);
  }

  /** Failures counted now (within findtime). */
  public int currentlyFailed() {
    return count("Filter", "Currently failed");
  }

  /** Failures counted since the jail started. */
  public int totalFailed() {
    return count("Filter", "Total failed");
  }

  /** The monitored files (empty for a journal-backed jail). */
  public ImmutableList<String> fileList() {
    return split(value("Filter", "File list").orElse(""));
  }

  /** The journal matches of a systemd-backed jail, as printed ({@code a + b}). */
  public Optional<String> journalMatches() {
    return value("Filter", "Journal matches");
  }

  /** Addresses banned now. */
  public int currentlyBanned() {
    return count("Actions", "Currently banned");
  }

  /** Bans since the jail started. */
  public int totalBanned() {
    return count("Actions", "Total banned");
  }

  /** The banned addresses, in fail2ban's order. */
  public ImmutableList<String> bannedIps() {
    return split(value("Actions", "Banned IP list").orElse(""));
  }

  private static ImmutableList<String> split(String value) {
    return ImmutableList.copyOf(Splitter.on(' ').omitEmptyStrings().split(value));
  }

  @Override
  public String render() {
    StringBuilder sb = new StringBuilder(HEADER).append(jail).append('\n');
    StatusTree.renderSections(sb, sections);
    return sb.toString();
  }
}
