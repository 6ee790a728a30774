package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code psad --Status} (psad 2.4.x) as a typed model that keeps its text: daemons,
 * missing pid files, command line, alert addresses, version, top signatures, attackers and scanned
 * ports, log-prefix and protocol counters, IP status detail and totals. A section printed as {@code
 * [NONE]} is an empty list.
 *
 * <pre>{@code
 * PsadStatus s = PsadStatus.parse("<stdin>", text);
 * s.topAttackers(); s.render().equals(text); // true
 * }</pre>
 */
public final class PsadStatus implements LosslessDocument {
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

  private final LineDocument lines;
  private final ImmutableList<PsadDaemonStatus> daemons;
  private final ImmutableMap<String, String> missingPidFiles;
  private final ImmutableList<String> notRunning;
  private final @Nullable String commandLine;
  private final @Nullable String alertEmailAddresses;
  private final @Nullable String version;
  private final ImmutableList<PsadSignatureCount> topSignatures;
  private final ImmutableList<PsadAttacker> topAttackers;
  private final ImmutableList<PsadScannedPort> topScannedPorts;
  private final ImmutableMap<String, Long> logPrefixCounters;
  private final ImmutableMap<String, Long> protocolCounters;
  private final ImmutableList<String> autoBlockedIps;
  private final ImmutableList<PsadScanSource> scanSources;
  private final long totalScanSources;
  private final long totalScanDestinations;
  private final @Nullable String resultsFile;
  private final ImmutableSet<String> sectionsWithNone;

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

  private PsadStatus(LineDocument lines) {
    this.lines = lines;
    List<PsadDaemonStatus> daemonList = new ArrayList<>();
    Map<String, String> missing = new LinkedHashMap<>();
    List<String> down = new ArrayList<>();
    String cmd = null;
    String email = null;
    String ver = null;
    List<PsadSignatureCount> sigs = new ArrayList<>();
    List<PsadAttacker> attackers = new ArrayList<>();
    List<PsadScannedPort> ports = new ArrayList<>();
    Map<String, Long> prefixes = new LinkedHashMap<>();
    Map<String, Long> protos = new LinkedHashMap<>();
    List<String> blocked = new ArrayList<>();
    List<List<Integer>> sourceBlocks = new ArrayList<>();
    long totalSrc = 0;
    long totalDst = 0;
    String results = null;
    Section section = Section.TOP;
    String header = "";
    Set<String> none = new LinkedHashSet<>();
    Matcher m;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.text(i);
      if (t.isBlank()) {
        continue;
      }
      // headers that end whatever section we are in
      if ((m = DAEMON.matcher(t)).matches()) {
        String since = null;
        if (i + 1 < lines.size() && (RUNNING_SINCE.matcher(lines.text(i + 1))).matches()) {
          since = lines.text(i + 1).substring("    Running since: ".length());
          i++;
        }
        daemonList.add(
            new PsadDaemonStatus(
                m.group(1),
                parseLong(m.group(2)),
                Optional.ofNullable(m.group(3)),
                Optional.ofNullable(m.group(4)),
                Optional.ofNullable(since)));
        section = Section.TOP;
      } else if ((m = NO_PID_FILE.matcher(t)).matches()) {
        missing.put(m.group(2), m.group(1));
        section = Section.TOP;
      } else if ((m = NOT_RUNNING.matcher(t)).matches()) {
        down.add(m.group(1));
        section = Section.TOP;
      } else if ((m = CMDLINE.matcher(t)).matches()) {
        cmd = m.group(1);
      } else if ((m = EMAIL.matcher(t)).matches()) {
        email = m.group(1);
      } else if ((m = VERSION.matcher(t)).matches()) {
        ver = m.group(1);
        section = Section.TOP;
      } else if ((m = TOP.matcher(t)).matches()) {
        section =
            m.group(2).startsWith("sig")
                ? Section.SIGS
                : m.group(2).startsWith("att") ? Section.ATTACKERS : Section.PORTS;
        header = sectionTitle(t);
      } else if (t.equals("[+] iptables log prefix counters:")) {
        section = Section.PREFIXES;
        header = sectionTitle(t);
      } else if (t.equals("    DShield stats:")) {
        section = Section.DSHIELD;
        header = sectionTitle(t);
      } else if (t.equals("    iptables auto-blocked IPs:")
          || t.startsWith("    iptables auto-blocking status for: ")) {
        section = Section.BLOCKED;
        header = sectionTitle(t);
      } else if (t.equals("    Total protocol packet counters:")) {
        section = Section.PROTOCOLS;
        header = sectionTitle(t);
      } else if (t.equals("[+] IP Status Detail:")) {
        section = Section.DETAIL;
        header = sectionTitle(t);
      } else if ((m = TOTAL_SOURCES.matcher(t)).matches()) {
        totalSrc = parseLong(m.group(1));
        section = Section.TOP;
      } else if ((m = TOTAL_DESTINATIONS.matcher(t)).matches()) {
        totalDst = parseLong(m.group(1));
        section = Section.TOP;
      } else if ((m = RESULTS.matcher(t)).matches()) {
        results = m.group(1);
        section = Section.TOP;
      } else if (t.equals(NONE) && section != Section.TOP) {
        none.add(header);
      } else {
        switch (section) {
          case SIGS:
            m = expect(SIG, i, "a signature match");
            sigs.add(
                new PsadSignatureCount(
                    m.group(1),
                    m.group(2),
                    parseLong(m.group(3)),
                    parseLong(m.group(4)),
                    parseLong(m.group(5))));
            break;
          case ATTACKERS:
            m = expect(ATTACKER, i, "an attacker line");
            attackers.add(
                new PsadAttacker(
                    m.group(1),
                    (int) parseLong(m.group(3)),
                    parseLong(m.group(4)),
                    parseLong(m.group(5)),
                    m.group(6) != null));
            break;
          case PORTS:
            m = expect(PORT, i, "a scanned port line");
            ports.add(
                new PsadScannedPort(
                    m.group(1),
                    (int) Math.min(parseLong(m.group(2)), Integer.MAX_VALUE),
                    parseLong(m.group(3))));
            break;
          case PREFIXES:
            m = expect(PREFIX, i, "a log prefix counter");
            prefixes.put(m.group(1), parseLong(m.group(2)));
            break;
          case DSHIELD:
            expect(DSHIELD, i, "a DShield counter");
            break;
          case BLOCKED:
            m = expect(BLOCKED_ITEM, i, "an auto-blocked address");
            blocked.add(m.group(1));
            break;
          case PROTOCOLS:
            m = expect(PROTO, i, "a protocol packet counter");
            protos.put(m.group(1), parseLong(m.group(2)));
            break;
          case DETAIL:
            if (t.startsWith("SRC:  ")) {
              sourceBlocks.add(new ArrayList<>(List.of(i)));
            } else if (!sourceBlocks.isEmpty() && t.startsWith("    ")) {
              sourceBlocks.get(sourceBlocks.size() - 1).add(i);
            } else {
              throw PsadStatusParseException.inDocument(
                  lines, i, 0, "expected a SRC: line in the IP status detail");
            }
            break;
          default:
            throw PsadStatusParseException.inDocument(lines, i, 0, "not a line of psad --Status");
        }
      }
    }
    this.daemons = ImmutableList.copyOf(daemonList);
    this.missingPidFiles = ImmutableMap.copyOf(missing);
    this.notRunning = ImmutableList.copyOf(down);
    this.commandLine = cmd;
    this.alertEmailAddresses = email;
    this.version = ver;
    this.topSignatures = ImmutableList.copyOf(sigs);
    this.topAttackers = ImmutableList.copyOf(attackers);
    this.topScannedPorts = ImmutableList.copyOf(ports);
    this.logPrefixCounters = ImmutableMap.copyOf(prefixes);
    this.protocolCounters = ImmutableMap.copyOf(protos);
    this.autoBlockedIps = ImmutableList.copyOf(blocked);
    ImmutableList.Builder<PsadScanSource> sources = ImmutableList.builder();
    for (List<Integer> block : sourceBlocks) {
      sources.add(PsadScanSourceParser.parse(lines, block));
    }
    this.scanSources = sources.build();
    this.totalScanSources = totalSrc;
    this.totalScanDestinations = totalDst;
    this.resultsFile = results;
    this.sectionsWithNone = ImmutableSet.copyOf(none);
  }

  /** A header line without its {@code [+] } mark, blanks and final colon. */
  private static String sectionTitle(String headerLine) {
    String t = headerLine.strip();
    if (t.startsWith("[+] ")) {
      t = t.substring(4);
    }
    return t.endsWith(":") ? t.substring(0, t.length() - 1) : t;
  }

  private Matcher expect(Pattern p, int i, String what) {
    Matcher m = p.matcher(lines.text(i));
    if (!m.matches()) {
      throw PsadStatusParseException.inDocument(lines, i, 0, "expected " + what);
    }
    return m;
  }

  private static long parseLong(String digits) {
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  /**
   * Parses the text of {@code psad --Status}.
   *
   * @throws PsadStatusParseException at the first line that psad does not print in status output
   */
  public static PsadStatus parse(String sourceName, String text) {
    requireNonNull(text, "text");
    return new PsadStatus(LineDocument.parse(sourceName, text));
  }

  @Override
  public String sourceName() {
    return lines.sourceName();
  }

  /** The text, as parsed. */
  @Override
  public String render() {
    return lines.render();
  }

  /** The text as UTF-8. */
  @Override
  public byte[] toBytes() {
    return render().getBytes(StandardCharsets.UTF_8);
  }

  /** Daemons that run, in printed order. */
  public ImmutableList<PsadDaemonStatus> daemons() {
    return daemons;
  }

  /** The running daemon of that name. */
  public Optional<PsadDaemonStatus> daemon(String name) {
    return daemons.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Daemon name to the pid file psad reported missing ({@code pid file ... does not exist}). */
  public ImmutableMap<String, String> missingPidFiles() {
    return missingPidFiles;
  }

  /** Daemons reported {@code is not running}. */
  public ImmutableList<String> notRunning() {
    return notRunning;
  }

  /** Whether the main psad daemon runs (psad exits 0 then, 1 otherwise). */
  public boolean isPsadRunning() {
    return daemon("psad").isPresent();
  }

  /** The daemon's command-line arguments; empty for {@code [none specified]} or when absent. */
  public Optional<String> commandLineArguments() {
    return commandLine == null || commandLine.equals("[none specified]")
        ? Optional.empty()
        : Optional.of(commandLine);
  }

  /** The alert addresses as printed. */
  public Optional<String> alertEmailAddresses() {
    return Optional.ofNullable(alertEmailAddresses);
  }

  /** psad's version, e.g. {@code 2.4.6}. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** Top signature matches (empty for {@code [NONE]}). */
  public ImmutableList<PsadSignatureCount> topSignatures() {
    return topSignatures;
  }

  /** Top attackers (empty for {@code [NONE]}). */
  public ImmutableList<PsadAttacker> topAttackers() {
    return topAttackers;
  }

  /** Top scanned ports (empty for {@code [NONE]}). */
  public ImmutableList<PsadScannedPort> topScannedPorts() {
    return topScannedPorts;
  }

  /** iptables log prefix to packet count (empty for {@code [NONE]}). */
  public ImmutableMap<String, Long> logPrefixCounters() {
    return logPrefixCounters;
  }

  /** Protocol name to packet count. */
  public ImmutableMap<String, Long> protocolCounters() {
    return protocolCounters;
  }

  /** Addresses in the auto-blocking status section. */
  public ImmutableList<String> autoBlockedIps() {
    return autoBlockedIps;
  }

  /** The {@code SRC:} blocks of the IP status detail (empty for {@code [NONE]}). */
  public ImmutableList<PsadScanSource> scanSources() {
    return scanSources;
  }

  /** {@code Total scan sources}. */
  public long totalScanSources() {
    return totalScanSources;
  }

  /** {@code Total scan destinations}. */
  public long totalScanDestinations() {
    return totalScanDestinations;
  }

  /**
   * The titles of the sections psad printed as {@code [NONE]}, e.g. {@code Top 25 attackers},
   * {@code IP Status Detail}.
   */
  public ImmutableSet<String> sectionsWithNone() {
    return sectionsWithNone;
  }

  /** Where psad also wrote this output. */
  public Optional<String> resultsFile() {
    return Optional.ofNullable(resultsFile);
  }

  /** The text. */
  @Override
  public String toString() {
    return render();
  }
}
