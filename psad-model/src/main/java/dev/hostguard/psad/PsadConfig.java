package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.hostguard.core.Diagnostic;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * psad.conf as psad 2.4.6 holds it after reading: values expanded ({@code $VAR}), {@code ENABLE_*}
 * upper-cased, {@code FW_SEARCH_ALL} and {@code ENABLE_FW_MSG_READ_CMD} settled, the command table
 * checked against the machine ({@link PsadHost}); with typed accessors. Reading fails exactly where
 * psad dies. Override documents ({@code psad -O FILE,...}) take precedence over the main document.
 * Nothing here reads the disk: the machine's facts come from the {@link PsadHost} given ({@link
 * PsadHost#inMemory()} for a hermetic answer, {@link PsadHost#local()} for this machine's).
 *
 * <pre>{@code
 * PsadConfig c = PsadConfig.of(PsadConfDocument.parse("/etc/psad/psad.conf", bytes), PsadHost.local());
 * c.flag("ENABLE_AUTO_IDS"); c.ignorePorts(); c.emailAddresses();
 * }</pre>
 */
public final class PsadConfig {
  private static final Comparator<String> PERL_SORT = PerlChars::compareBytes;

  private final PsadConfDocument document;
  private final ImmutableList<PsadConfDocument> overrides;
  private final Charset charset;
  private final ImmutableMap<String, String> values;
  private final ImmutableMap<String, String> commands;
  private final ImmutableList<String> fwMsgSearch;

  private PsadConfig(
      PsadConfDocument document,
      ImmutableList<PsadConfDocument> overrides,
      Charset charset,
      PsadConfLoader loader) {
    this.document = document;
    this.overrides = overrides;
    this.charset = charset;
    this.values = ImmutableMap.copyOf(loader.config);
    this.commands = ImmutableMap.copyOf(loader.cmds);
    this.fwMsgSearch = ImmutableList.copyOf(loader.fwSearch);
  }

  /**
   * Reads the document as {@code psad -c FILE} does, FILE being the document's {@link
   * PsadConfDocument#sourceName() sourceName} (psad names it in its messages and dump).
   *
   * @throws PsadConfParseException where psad would die (message in psad's words)
   */
  public static PsadConfig of(PsadConfDocument document, PsadHost host) {
    return of(document, ImmutableList.of(), host);
  }

  /**
   * Reads the documents as {@code psad -c FILE -O o1,o2,...} does: the overrides are read first, in
   * order, and psad keeps the first definition of every key and command, so a key set in an
   * override wins over the main document and over later overrides; overrides may define keys the
   * main document lacks. {@code FW_MSG_SEARCH} and {@code FW_SEARCH_ALL} lines count only in the
   * main document (in an override, they are plain keys that {@code FW_SEARCH_ALL} of the main
   * document replaces). Expansion and checks then run on the merged values; errors point at the
   * document that defined the key, and the file name in psad's messages is the main one. When the
   * documents were not all read with the same charset, every document is read as ISO-8859-1 (bytes,
   * as psad sees them), so {@link #dumpBytes()} stays psad's.
   *
   * @param overrides the {@code -O} documents, in the order given
   * @throws PsadConfParseException where psad would die (message in psad's words)
   */
  public static PsadConfig of(
      PsadConfDocument document, List<PsadConfDocument> overrides, PsadHost host) {
    requireNonNull(document, "document");
    requireNonNull(host, "host");
    ImmutableList<PsadConfDocument> given = ImmutableList.copyOf(overrides);
    boolean mixed = given.stream().anyMatch(o -> !o.charset().equals(document.charset()));
    PsadConfDocument main = mixed ? document.asLatin1() : document;
    ImmutableList<PsadConfDocument> read =
        mixed
            ? given.stream()
                .map(PsadConfDocument::asLatin1)
                .collect(ImmutableList.toImmutableList())
            : given;
    PsadConfLoader loader = new PsadConfLoader(main, read, document.sourceName(), host, true);
    loader.load();
    return new PsadConfig(document, given, main.charset(), loader);
  }

  /**
   * Every reason psad would refuse the document ({@link Diagnostic.Severity#ERROR}, psad's words;
   * psad itself stops at the first), then the danger-level settings psad accepts but cannot score
   * with ({@link Diagnostic.Severity#WARNING}), each with its position; empty for a sound file. The
   * document's own warnings (skipped lines, duplicates) are {@link PsadConfDocument#validate()}.
   */
  public static ImmutableList<Diagnostic> validate(PsadConfDocument document, PsadHost host) {
    return validate(document, ImmutableList.of(), host);
  }

  /**
   * {@link #validate(PsadConfDocument, PsadHost)} for a main document read with override documents
   * as {@link #of(PsadConfDocument, List, PsadHost)} reads them; each diagnostic names the document
   * it is in.
   */
  public static ImmutableList<Diagnostic> validate(
      PsadConfDocument document, List<PsadConfDocument> overrides, PsadHost host) {
    requireNonNull(document, "document");
    requireNonNull(host, "host");
    PsadConfLoader loader =
        new PsadConfLoader(
            document, ImmutableList.copyOf(overrides), document.sourceName(), host, false);
    loader.load();
    return ImmutableList.copyOf(loader.problems());
  }

  /** The (main) document it was read from. */
  public PsadConfDocument document() {
    return document;
  }

  /** The override documents, in {@code -O} order; empty when there were none. */
  public ImmutableList<PsadConfDocument> overrides() {
    return overrides;
  }

  /** Every variable and its final value, in file order. */
  public ImmutableMap<String, String> values() {
    return values;
  }

  /** The variables sorted as psad sorts them (by bytes). */
  public ImmutableSortedMap<String, String> sortedValues() {
    return ImmutableSortedMap.copyOf(values, PERL_SORT);
  }

  /** The command table (name to path) after psad's path search. */
  public ImmutableMap<String, String> commands() {
    return commands;
  }

  /** The {@code FW_MSG_SEARCH} strings psad looks for. */
  public ImmutableList<String> fwMsgSearch() {
    return fwMsgSearch;
  }

  /** A final value; empty when psad has none for the key. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The type of a known key (Debian's psad.conf), or {@link PsadKeyType#TEXT}. */
  public static PsadKeyType typeOf(String key) {
    return PsadKeyType.forKey(key);
  }

  /** A {@code Y}/{@code N} (or {@code YES}/{@code NO}) switch; empty when absent or not one. */
  public Optional<Boolean> flag(String key) {
    String v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    switch (PerlChars.upper(v)) {
      case "Y":
      case "YES":
        return Optional.of(true);
      case "N":
      case "NO":
        return Optional.of(false);
      default:
        return Optional.empty();
    }
  }

  /** A non-negative integer value ({@code ^\d+$}); empty when absent or not one. */
  public Optional<Long> integer(String key) {
    String v = values.get(key);
    if (v == null || !PerlChars.isDigits(v) || v.length() > 18) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(v));
  }

  /**
   * A path-valued key ({@link PsadKeyType#PATH}) as a {@link Path}; empty when absent or invalid.
   */
  public Optional<Path> path(String key) {
    String v = values.get(key);
    if (v == null || v.isEmpty() || v.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(v));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The addresses psad mails alerts to, split as psad splits {@code EMAIL_ADDRESSES}. */
  public ImmutableList<String> emailAddresses() {
    String v = values.get("EMAIL_ADDRESSES");
    return v == null ? ImmutableList.of() : PsadEmailAddresses.split(v);
  }

  /** {@code IGNORE_PORTS} as psad reads it; empty for {@code NONE}. */
  public ImmutableList<PsadPortRange> ignorePorts() {
    String v = values.get("IGNORE_PORTS");
    return v == null || v.equals("NONE") ? ImmutableList.of() : PsadPortRange.listIn(v);
  }

  /** {@code HOME_NET}. */
  public PsadHomeNet homeNet() {
    return PsadHomeNet.of(values.getOrDefault("HOME_NET", "any"));
  }

  /** {@code IGNORE_PROTOCOLS} split on commas; empty for {@code NONE}. */
  public ImmutableList<String> ignoreProtocols() {
    return commaList("IGNORE_PROTOCOLS");
  }

  /** {@code IGNORE_INTERFACES} split on commas; empty for {@code NONE}. */
  public ImmutableList<String> ignoreInterfaces() {
    return commaList("IGNORE_INTERFACES");
  }

  /** The five packet thresholds {@code DANGER_LEVEL1..5}. */
  public ImmutableList<Long> dangerLevels() {
    ImmutableList.Builder<Long> out = ImmutableList.builder();
    for (int i = 1; i <= 5; i++) {
      out.add(integer("DANGER_LEVEL" + i).orElse(-1L));
    }
    return out.build();
  }

  /** The {@code LOG_LOCALn} psad finds in {@code SYSLOG_FACILITY}. */
  public Optional<String> syslogFacility() {
    return Optional.ofNullable(PsadSyslog.facilityIn(values.getOrDefault("SYSLOG_FACILITY", "")));
  }

  /** The {@code LOG_*} priority psad finds in {@code SYSLOG_PRIORITY}. */
  public Optional<String> syslogPriority() {
    return Optional.ofNullable(PsadSyslog.priorityIn(values.getOrDefault("SYSLOG_PRIORITY", "")));
  }

  /** Whether {@code ALERTING_METHODS} turns mail off. */
  public boolean emailAlertsDisabled() {
    return PsadAlerting.noEmail(values.getOrDefault("ALERTING_METHODS", ""));
  }

  /** Whether {@code ALERTING_METHODS} turns syslog off. */
  public boolean syslogAlertsDisabled() {
    return PsadAlerting.noSyslog(values.getOrDefault("ALERTING_METHODS", ""));
  }

  private ImmutableList<String> commaList(String key) {
    String v = values.get(key);
    if (v == null || v.equals("NONE")) {
      return ImmutableList.of();
    }
    return PsadPortRange.splitCommas(v);
  }

  /**
   * The configuration block of {@code psad -c FILE -D}: from {@code [+] Dumping psad config from:}
   * up to (not including) {@code [+] Command paths:}, with psad's masking and padding.
   */
  public String dump() {
    StringBuilder out = new StringBuilder();
    out.append("[+] Dumping psad config from: ").append(document.sourceName()).append("\n\n");
    boolean latin1 = !charset.name().equals("UTF-8");
    for (var e : sortedValues().entrySet()) {
      String key = e.getKey();
      String str = masked(key) ? "(removed)" : e.getValue();
      String label = "    " + key;
      out.append(label);
      for (int pad = PerlChars.byteLength(label, latin1); pad < 30; pad++) {
        out.append(' ');
      }
      out.append(' ').append(str).append('\n');
    }
    out.append('\n');
    return out.toString();
  }

  /** {@link #dump()} as bytes in the documents' charset (ISO-8859-1 when they differ). */
  public byte[] dumpBytes() {
    return dump().getBytes(charset);
  }

  private static boolean masked(String key) {
    switch (key) {
      case "DSHIELD_USER_EMAIL":
      case "DSHIELD_USER_ID":
      case "EMAIL_ADDRESSES":
      case "HOME_NET":
      case "HOSTNAME":
      case "EXTERNAL_NET":
        return true;
      default:
        return key.contains("SERVERS");
    }
  }
}
