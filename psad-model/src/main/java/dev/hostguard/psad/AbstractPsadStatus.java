package dev.hostguard.psad;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.HostguardStyle;
import dev.hostguard.core.LosslessDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The output of {@code psad --Status} (psad 2.4.x) as a typed model that keeps its text: daemons,
 * missing pid files, command line, alert addresses, version, top signatures, attackers and scanned
 * ports, log-prefix and protocol counters, IP status detail and totals. A section printed as {@code
 * [NONE]} is an empty list. Parsed, it renders the exact text psad printed; built (or changed with
 * a {@code with…} method), it renders in psad's layout from its values (the {@code Top N} counts,
 * protocol descriptions and DShield lines, which it does not model, are left out, and host names
 * read {@code localhost}).
 *
 * <pre>{@code
 * PsadStatus s = PsadStatus.parse("<stdin>", text);   // s.render().equals(text)
 * PsadStatus built = PsadStatus.builder().version("2.4.6").totalScanSources(0).build();
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractPsadStatus implements LosslessDocument {

  /**
   * Parses the text of {@code psad --Status}.
   *
   * @throws PsadStatusParseException at the first line that psad does not print in status output
   */
  public static PsadStatus parse(String sourceName, String text) {
    return PsadStatusParser.parse(sourceName, text);
  }

  /**
   * The name it was parsed under ({@code <stdin>}, a file name); {@code psad --Status} if built.
   */
  @Override
  @Value.Default
  @Value.Auxiliary
  public String sourceName() {
    return "psad --Status";
  }

  /**
   * The text psad printed, for a parsed status; {@link #render()} gives it back while the values
   * are the ones read from it.
   */
  @Value.Auxiliary
  public abstract Optional<String> printedText();

  /** Daemons that run, in printed order. */
  public abstract ImmutableList<PsadDaemonStatus> daemons();

  /** Daemon name to the pid file psad reported missing ({@code pid file ... does not exist}). */
  public abstract ImmutableMap<String, Path> missingPidFiles();

  /** Daemons reported {@code is not running}. */
  public abstract ImmutableList<String> notRunning();

  /** The daemon's command-line arguments; empty for {@code [none specified]} or when absent. */
  public abstract Optional<String> commandLineArguments();

  /** The alert addresses as printed. */
  public abstract Optional<String> alertEmailAddresses();

  /** psad's version, e.g. {@code 2.4.6}. */
  public abstract Optional<String> version();

  /** Top signature matches (empty for {@code [NONE]}). */
  public abstract ImmutableList<PsadSignatureCount> topSignatures();

  /** Top attackers (empty for {@code [NONE]}). */
  public abstract ImmutableList<PsadAttacker> topAttackers();

  /** Top scanned ports (empty for {@code [NONE]}). */
  public abstract ImmutableList<PsadScannedPort> topScannedPorts();

  /** iptables log prefix to packet count (empty for {@code [NONE]}). */
  public abstract ImmutableMap<String, Long> logPrefixCounters();

  /** Protocol name to packet count. */
  public abstract ImmutableMap<String, Long> protocolCounters();

  /** Addresses in the auto-blocking status section. */
  public abstract ImmutableList<String> autoBlockedIps();

  /** The {@code SRC:} blocks of the IP status detail (empty for {@code [NONE]}). */
  public abstract ImmutableList<PsadScanSource> scanSources();

  /** {@code Total scan sources}. */
  @Value.Default
  public long totalScanSources() {
    return 0;
  }

  /** {@code Total scan destinations}. */
  @Value.Default
  public long totalScanDestinations() {
    return 0;
  }

  /** Where psad also wrote this output. */
  public abstract Optional<Path> resultsFile();

  /**
   * The titles of the sections psad printed as {@code [NONE]}, e.g. {@code Top 25 attackers},
   * {@code IP Status Detail} (what the text shows; not part of equality).
   */
  @Value.Auxiliary
  public abstract ImmutableSet<String> sectionsWithNone();

  /** The running daemon of that name. */
  public Optional<PsadDaemonStatus> daemon(String name) {
    return daemons().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Whether the main psad daemon runs (psad exits 0 then, 1 otherwise). */
  public boolean isPsadRunning() {
    return daemon("psad").isPresent();
  }

  /**
   * The text: what psad printed when this status was parsed from it and its values are unchanged,
   * otherwise psad's layout of the values.
   */
  @Override
  @Value.Lazy
  public String render() {
    Optional<String> printed = printedText();
    if (printed.isPresent() && PsadStatusParser.parse(sourceName(), printed.get()).equals(this)) {
      return printed.get();
    }
    return PsadStatusRenderer.render((PsadStatus) this);
  }

  /** {@link #render()} as UTF-8. */
  @Override
  public byte[] toBytes() {
    return render().getBytes(StandardCharsets.UTF_8);
  }

  /** The text. */
  @Override
  public String toString() {
    return render();
  }
}
