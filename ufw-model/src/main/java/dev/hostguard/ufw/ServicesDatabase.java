package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code /etc/services} database as glibc's {@code getservbyname} reads it: service names and
 * aliases to port and protocol, first entry wins.
 *
 * <p>{@link #builder()} and {@link #parse} build one in memory (hermetic); {@link #fromHost()} and
 * {@link #load} read the disk. A parsed database keeps its text ({@link #render()} gives it back
 * byte for byte); a built one renders one {@code name<TAB>port/proto[<TAB>aliases]} line per entry.
 *
 * <pre>{@code
 * ServicesDatabase services = ServicesDatabase.builder().add("ssh", 22, "tcp").build();
 * services.port("ssh"); // OptionalInt[22]
 * }</pre>
 */
public final class ServicesDatabase implements LosslessDocument {
  /** One line of the file: name, port, protocol and aliases. */
  public record Entry(String name, int port, String protocol, ImmutableList<String> aliases) {
    /** Whether {@code service} is this entry's name or one of its aliases. */
    public boolean answersTo(String service) {
      return name.equals(service) || aliases.contains(service);
    }
  }

  /** The host's table, read once per process (one value: bounded). */
  private static volatile ServicesDatabase fromHost;

  private final LineDocument document;
  private final ImmutableList<Entry> entries;
  private final java.util.Map<String, Entry> firstByName;
  private final java.util.Map<String, Entry> firstTcp;
  private final java.util.Map<String, Entry> firstUdp;

  private ServicesDatabase(LineDocument document, List<Entry> entries) {
    this.document = document;
    this.entries = ImmutableList.copyOf(entries);
    java.util.Map<String, Entry> any = new java.util.HashMap<>();
    java.util.Map<String, Entry> tcp = new java.util.HashMap<>();
    java.util.Map<String, Entry> udp = new java.util.HashMap<>();
    for (Entry e : entries) {
      for (String n : names(e)) {
        any.putIfAbsent(n, e);
        if (e.protocol().equals("tcp")) {
          tcp.putIfAbsent(n, e);
        } else if (e.protocol().equals("udp")) {
          udp.putIfAbsent(n, e);
        }
      }
    }
    this.firstByName = any;
    this.firstTcp = tcp;
    this.firstUdp = udp;
  }

  private static List<String> names(Entry e) {
    return ImmutableList.<String>builder().add(e.name()).addAll(e.aliases()).build();
  }

  /**
   * The host's {@code /etc/services} (an empty database if it does not exist), read on first use
   * and kept for the life of the process.
   */
  public static ServicesDatabase fromHost() {
    ServicesDatabase s = fromHost;
    if (s == null) {
      Path p = Path.of("/etc/services");
      s = Files.isReadable(p) ? load(p) : builder().build();
      fromHost = s;
    }
    return s;
  }

  /** An empty builder: entries in the order added, first entry wins as in the file. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ServicesDatabase} in memory.
   *
   * <pre>{@code
   * ServicesDatabase.builder().add("ssh", 22, "tcp").add("domain", 53, "udp").build();
   * }</pre>
   */
  public static final class Builder {
    private final ImmutableList.Builder<Entry> entries = ImmutableList.builder();

    private Builder() {}

    /**
     * Adds {@code name port/proto}, as one line of {@code /etc/services}.
     *
     * @throws UfwRefusedException for a port outside 0..65535, or a name, protocol or alias that is
     *     empty or holds C whitespace (a blank, tab, CR, LF, VT, FF) or {@code #} (it could not be
     *     written as a line)
     */
    public Builder add(String name, int port, String protocol, String... aliases) {
      if (port < 0 || port > 65535) {
        throw new UfwRefusedException("bad port '" + port + "'");
      }
      checkWord(name);
      checkWord(protocol);
      for (String a : aliases) {
        checkWord(a);
      }
      entries.add(
          new Entry(name, port, protocol.toLowerCase(Locale.ROOT), ImmutableList.copyOf(aliases)));
      return this;
    }

    private static void checkWord(String word) {
      if (word.isEmpty() || word.chars().anyMatch(c -> " \t\n\u000B\f\r#".indexOf(c) >= 0)) {
        throw new UfwRefusedException("bad service word '" + word + "'");
      }
    }

    /** The database; its text has one line per entry, as {@code /etc/services} writes them. */
    public ServicesDatabase build() {
      ImmutableList<Entry> all = entries.build();
      List<String> lines = new java.util.ArrayList<>();
      for (Entry e : all) {
        String line = e.name() + "\t" + e.port() + "/" + e.protocol();
        if (!e.aliases().isEmpty()) {
          line += "\t" + String.join(" ", e.aliases());
        }
        lines.add(line);
      }
      LineDocument doc = LineDocument.parse("<memory>", "").withLinesInserted(0, lines);
      return new ServicesDatabase(doc, all);
    }
  }

  /** Reads a services file (lines that are not UTF-8 are kept byte for byte). */
  public static ServicesDatabase load(Path file) {
    try {
      InputLimits.checkSize(file.toString(), Files.size(file))
          .ifPresent(
              d -> {
                throw ServicesParseException.of(d);
              });
      return parse(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses services text. Like glibc, lines it cannot read (no {@code port/proto}) are skipped;
   * only a port that is not a number in 0..65535 is refused.
   */
  public static ServicesDatabase parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw ServicesParseException.of(d);
            });
    return parse(LineDocument.parse(sourceName, text));
  }

  /**
   * Parses services bytes as glibc reads them; lines that are not UTF-8 are kept byte for byte
   * ({@link #toBytes()} gives the bytes back).
   */
  public static ServicesDatabase parse(String sourceName, byte[] bytes) {
    InputLimits.check(sourceName, bytes)
        .ifPresent(
            d -> {
              throw ServicesParseException.of(d);
            });
    return parse(LineDocument.parse(sourceName, bytes));
  }

  private static ServicesDatabase parse(LineDocument doc) {
    ImmutableList.Builder<Entry> out = ImmutableList.builder();
    for (int i = 0; i < doc.size(); i++) {
      String line = doc.text(i);
      int hash = line.indexOf('#');
      String body = hash >= 0 ? line.substring(0, hash) : line;
      // glibc's files parser: fields are separated by C isspace (a CR or VT too), and leading
      // isspace is skipped (not every control character, as trim() would)
      int start = 0;
      while (start < body.length() && isCSpace(body.charAt(start))) {
        start++;
      }
      String[] tok = body.substring(start).split("[ \t\n\u000B\f\r]+");
      if (tok.length < 2 || tok[0].isEmpty()) {
        continue;
      }
      int slash = tok[1].indexOf('/');
      if (slash <= 0 || slash == tok[1].length() - 1) {
        continue;
      }
      String portText = tok[1].substring(0, slash);
      int port;
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw ServicesParseException.atLine(
            doc, i, line.indexOf(portText), "bad port '" + portText + "'");
      }
      if (port < 0 || port > 65535) {
        throw ServicesParseException.atLine(
            doc, i, line.indexOf(portText), "bad port '" + portText + "'");
      }
      ImmutableList.Builder<String> aliases = ImmutableList.builder();
      for (int k = 2; k < tok.length; k++) {
        aliases.add(tok[k]);
      }
      out.add(
          new Entry(
              tok[0], port, tok[1].substring(slash + 1).toLowerCase(Locale.ROOT), aliases.build()));
    }
    return new ServicesDatabase(doc, out.build());
  }

  /** C's {@code isspace} in the C locale. */
  private static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** The name the text was parsed under ({@code <memory>} for a built database). */
  @Override
  public String sourceName() {
    return document.sourceName();
  }

  /** The text: as parsed, byte for byte, or one line per entry for a built database. */
  @Override
  public String render() {
    return document.render();
  }

  /** The bytes: as parsed, or the built text in UTF-8. */
  @Override
  public byte[] toBytes() {
    return document.toBytes();
  }

  /** All entries in file order. */
  public ImmutableList<Entry> entries() {
    return entries;
  }

  /** {@code getservbyname(name)}: the port of the first entry answering to {@code name}. */
  public OptionalInt port(String name) {
    Entry e = firstByName.get(name);
    return e == null ? OptionalInt.empty() : OptionalInt.of(e.port());
  }

  /** Whether {@code getservbyname(name, proto)} finds an entry. */
  public boolean has(String name, String proto) {
    return (proto.equals("tcp") ? firstTcp : proto.equals("udp") ? firstUdp : firstByName)
        .containsKey(name);
  }

  /**
   * ufw's protocol for a service: {@code tcp}, {@code udp}, {@code any} (both) or {@code ""} (the
   * name exists only for other protocols); empty when the name is unknown.
   */
  public Optional<String> protocol(String name) {
    if (!firstByName.containsKey(name)) {
      return Optional.empty();
    }
    boolean tcp = firstTcp.containsKey(name);
    boolean udp = firstUdp.containsKey(name);
    return Optional.of(tcp && udp ? "any" : tcp ? "tcp" : udp ? "udp" : "");
  }
}
