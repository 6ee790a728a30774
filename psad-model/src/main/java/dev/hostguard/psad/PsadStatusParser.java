package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.LineDocument;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code psad --Status} text line by line into a {@link PsadStatus}: header lines (daemons,
 * pid files, version, section titles, totals) switch the section, and the lines under a section
 * title are read as that section's items; {@code SRC:} blocks go to {@link PsadScanSourceParser}.
 */
final class PsadStatusParser {
  private static final Pattern DAEMON =
      Pattern.compile("^\\[\\+\\] (\\S+) \\(pid: (\\d+)\\)(?:\\s+%CPU: (\\S+)\\s+%MEM: (\\S+))?$");
  private static final Pattern RUNNING_SINCE = Pattern.compile("^    Running since: (.*)$");
  private static final Pattern NO_PID_FILE =
      Pattern.compile("^\\[-\\] psad: pid file (\\S+) does not exist for (\\S+) on (.*)$");
  private static final Pattern NOT_RUNNING =
      Pattern.compile("^\\[-\\] psad: (\\S+) is not running on (.*)$");
  private static final Pattern CMDLINE = Pattern.compile("^    Command line arguments: (.*)$");
  private static final Pattern EMAIL = Pattern.compile("^    Alert email address\\(es\\): (.*)$");
  private static final Pattern VERSION = Pattern.compile("^\\[\\+\\] Version: psad v(.*)$");
  private static final Pattern TOP =
      Pattern.compile("^\\[\\+\\] Top (?:(\\d+) )?(signature matches|attackers|scanned ports):$");
  private static final Pattern SIG =
      Pattern.compile(
          "^      \"(.*)\" \\((\\S*)\\),  Count: (\\d+),  Unique sources: (\\d+),  Sid: (\\d+)$");
  private static final Pattern ATTACKER =
      Pattern.compile(
          "^      (\\S+)(?: \\((\\S+)\\s*\\))?\\s+DL: (\\d+), Packets: (\\d+), Sig count:"
              + " (\\d+)(, \\(local IP\\))?$");
  private static final Pattern PORT = Pattern.compile("^      (tcp|udp) (\\d+)\\s+(\\d+) packets$");
  private static final Pattern PREFIX = Pattern.compile("^      \"(.*)\": (\\d+)$");
  private static final Pattern PROTO =
      Pattern.compile("^\\s*(\\S+): (\\d+) pkts(?:, \\((.*)\\))?$");
  private static final Pattern DSHIELD = Pattern.compile("^      total (emails|packets): (\\d+)$");
  private static final Pattern BLOCKED_ITEM = Pattern.compile("^      (\\S+)(?: \\((.*)\\))?$");
  private static final Pattern TOTAL_SOURCES = Pattern.compile("^    Total scan sources: (\\d+)$");
  private static final Pattern TOTAL_DESTINATIONS =
      Pattern.compile("^    Total scan destinations: (\\d+)$");
  private static final Pattern RESULTS =
      Pattern.compile("^\\[\\+\\] These results are available in: (.*)$");
  private static final String NONE = "        [NONE]";

  private enum Section {
    TOP,
    SIGS,
    ATTACKERS,
    PORTS,
    PREFIXES,
    DSHIELD,
    BLOCKED,
    PROTOCOLS,
    DETAIL
  }

  private final LineDocument lines;
  private final PsadStatus.Builder out;
  private final List<List<Integer>> sourceBlocks = new ArrayList<>();
  // psad prints a key once; should it repeat, the last value counts (as in a Perl hash).
  private final Map<String, Path> missingPidFiles = new LinkedHashMap<>();
  private final Map<String, Long> logPrefixCounters = new LinkedHashMap<>();
  private final Map<String, Long> protocolCounters = new LinkedHashMap<>();
  private Section section = Section.TOP;
  private String header = "";
  private int index;

  private PsadStatusParser(LineDocument lines) {
    this.lines = lines;
    this.out = PsadStatus.builder().sourceName(lines.sourceName()).printedText(lines.render());
  }

  /**
   * Parses the text of {@code psad --Status}.
   *
   * @throws PsadStatusParseException at the first line that psad does not print in status output
   */
  static PsadStatus parse(String sourceName, String text) {
    requireNonNull(text, "text");
    return new PsadStatusParser(LineDocument.parse(sourceName, text)).read();
  }

  private PsadStatus read() {
    for (index = 0; index < lines.size(); index++) {
      String t = lines.text(index);
      if (!t.isBlank() && !header(t) && !runHeader(t) && !sectionHeader(t)) {
        item(t);
      }
    }
    for (List<Integer> block : sourceBlocks) {
      out.addScanSources(PsadScanSourceParser.parse(lines, block));
    }
    return out.putAllMissingPidFiles(missingPidFiles)
        .putAllLogPrefixCounters(logPrefixCounters)
        .putAllProtocolCounters(protocolCounters)
        .build();
  }

  /** Daemon, pid-file, command-line, e-mail and version lines; false when {@code t} is none. */
  private boolean header(String t) {
    return on(DAEMON, t, this::daemon)
        || on(
            NO_PID_FILE,
            t,
            m -> {
              missingPidFiles.put(m.group(2), path(m.group(1), m.start(1)));
              section = Section.TOP;
            })
        || on(
            NOT_RUNNING,
            t,
            m -> {
              out.addNotRunning(m.group(1));
              section = Section.TOP;
            })
        || on(
            CMDLINE,
            t,
            m -> {
              if (!m.group(1).equals("[none specified]")) {
                out.commandLineArguments(m.group(1));
              }
            })
        || on(EMAIL, t, m -> out.alertEmailAddresses(m.group(1)))
        || on(
            VERSION,
            t,
            m -> {
              out.version(m.group(1));
              section = Section.TOP;
            });
  }

  /** Runs {@code action} when {@code p} matches the whole of {@code t}; whether it did. */
  private static boolean on(Pattern p, String t, Consumer<Matcher> action) {
    Matcher m = p.matcher(t);
    if (!m.matches()) {
      return false;
    }
    action.accept(m);
    return true;
  }

  private void daemon(Matcher m) {
    String since = null;
    if (index + 1 < lines.size() && RUNNING_SINCE.matcher(lines.text(index + 1)).matches()) {
      since = lines.text(index + 1).substring("    Running since: ".length());
      index++;
    }
    out.addDaemons(
        new PsadDaemonStatus(
            m.group(1),
            number(m.group(2)),
            Optional.ofNullable(m.group(3)),
            Optional.ofNullable(m.group(4)),
            Optional.ofNullable(since)));
    section = Section.TOP;
  }

  /** Totals and the results line, which end a section; false when {@code t} is none. */
  private boolean runHeader(String t) {
    boolean matched =
        on(TOTAL_SOURCES, t, m -> out.totalScanSources(number(m.group(1))))
            || on(TOTAL_DESTINATIONS, t, m -> out.totalScanDestinations(number(m.group(1))))
            || on(RESULTS, t, m -> out.resultsFile(path(m.group(1), m.start(1))));
    if (matched) {
      section = Section.TOP;
    }
    return matched;
  }

  /** A section title: the lines after it are that section's items; false when {@code t} is none. */
  private boolean sectionHeader(String t) {
    Matcher m = TOP.matcher(t);
    if (m.matches()) {
      String what = m.group(2);
      section =
          what.startsWith("sig")
              ? Section.SIGS
              : what.startsWith("att") ? Section.ATTACKERS : Section.PORTS;
    } else if (t.equals("[+] iptables log prefix counters:")) {
      section = Section.PREFIXES;
    } else if (t.equals("    DShield stats:")) {
      section = Section.DSHIELD;
    } else if (t.equals("    iptables auto-blocked IPs:")
        || t.startsWith("    iptables auto-blocking status for: ")) {
      section = Section.BLOCKED;
    } else if (t.equals("    Total protocol packet counters:")) {
      section = Section.PROTOCOLS;
    } else if (t.equals("[+] IP Status Detail:")) {
      section = Section.DETAIL;
    } else {
      return false;
    }
    header = sectionTitle(t);
    return true;
  }

  /** A line under a section title. */
  private void item(String t) {
    if (t.equals(NONE) && section != Section.TOP) {
      out.addSectionsWithNone(header);
      return;
    }
    switch (section) {
      case SIGS -> signature(expect(SIG, "a signature match"));
      case ATTACKERS -> attacker(expect(ATTACKER, "an attacker line"));
      case PORTS -> port(expect(PORT, "a scanned port line"));
      case PREFIXES -> {
        Matcher m = expect(PREFIX, "a log prefix counter");
        logPrefixCounters.put(m.group(1), number(m.group(2)));
      }
      case DSHIELD -> expect(DSHIELD, "a DShield counter");
      case BLOCKED ->
          out.addAutoBlockedIps(expect(BLOCKED_ITEM, "an auto-blocked address").group(1));
      case PROTOCOLS -> {
        Matcher m = expect(PROTO, "a protocol packet counter");
        protocolCounters.put(m.group(1), number(m.group(2)));
      }
      case DETAIL -> detail(t);
      case TOP ->
          throw PsadStatusParseException.inDocument(lines, index, 0, "not a line of psad --Status");
    }
  }

  private void signature(Matcher m) {
    out.addTopSignatures(
        new PsadSignatureCount(
            m.group(1), m.group(2), number(m.group(3)), number(m.group(4)), number(m.group(5))));
  }

  private void attacker(Matcher m) {
    out.addTopAttackers(
        new PsadAttacker(
            m.group(1),
            (int) number(m.group(3)),
            number(m.group(4)),
            number(m.group(5)),
            m.group(6) != null));
  }

  private void port(Matcher m) {
    out.addTopScannedPorts(
        new PsadScannedPort(
            m.group(1), (int) Math.min(number(m.group(2)), Integer.MAX_VALUE), number(m.group(3))));
  }

  private void detail(String t) {
    if (t.startsWith("SRC:  ")) {
      sourceBlocks.add(new ArrayList<>(List.of(index)));
    } else if (!sourceBlocks.isEmpty() && t.startsWith("    ")) {
      sourceBlocks.get(sourceBlocks.size() - 1).add(index);
    } else {
      throw PsadStatusParseException.inDocument(
          lines, index, 0, "expected a SRC: line in the IP status detail");
    }
  }

  /** A header line without its {@code [+] } mark, blanks and final colon. */
  private static String sectionTitle(String headerLine) {
    String t = headerLine.strip();
    if (t.startsWith("[+] ")) {
      t = t.substring(4);
    }
    return t.endsWith(":") ? t.substring(0, t.length() - 1) : t;
  }

  private Matcher expect(Pattern p, String what) {
    Matcher m = p.matcher(lines.text(index));
    if (!m.matches()) {
      throw PsadStatusParseException.inDocument(lines, index, 0, "expected " + what);
    }
    return m;
  }

  private Path path(String text, int column) {
    try {
      if (text.indexOf('\0') < 0) {
        return Path.of(text);
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    throw PsadStatusParseException.inDocument(lines, index, column, "not a path: " + text);
  }

  private static long number(String digits) {
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }
}
