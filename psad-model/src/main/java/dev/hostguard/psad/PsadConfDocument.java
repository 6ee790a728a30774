package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * psad.conf as a lossless document: every line is kept byte for byte, and the {@code KEY VALUE;}
 * lines are read exactly as psad 2.4.6 reads them (first definition wins, {@code *Cmd} paths go to
 * the command table, {@code FW_MSG_SEARCH} may repeat). Edits touch only the lines they must.
 *
 * <pre>{@code
 * PsadConfDocument doc = PsadConfDocument.parse("psad.conf", Files.readAllBytes(path));
 * Files.write(path, doc.withValue("ENABLE_AUTO_IDS", "Y").toBytes());
 * }</pre>
 */
public final class PsadConfDocument implements LosslessDocument {
  /** The one key psad reads every definition of. */
  public static final String FW_MSG_SEARCH = "FW_MSG_SEARCH";

  private final LineDocument lines;
  private final Charset charset;
  private final ImmutableList<PsadConfEntry> entries;
  private final ImmutableMap<String, PsadConfEntry> variables;
  private final ImmutableMap<String, PsadConfEntry> commands;
  private final ImmutableList<Diagnostic> warnings;

  private PsadConfDocument(LineDocument lines, Charset charset) {
    this.lines = lines;
    this.charset = charset;
    ImmutableList.Builder<PsadConfEntry> all = ImmutableList.builder();
    Map<String, PsadConfEntry> vars = new LinkedHashMap<>();
    Map<String, PsadConfEntry> cmds = new LinkedHashMap<>();
    ImmutableList.Builder<Diagnostic> warn = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.text(i);
      PsadConfEntry e = PsadConfEntry.parse(i, text);
      if (e == null) {
        if (!PerlChars.isBlank(text) && !isComment(text)) {
          warn.add(warning(i, 0, "psad ignores this line: no ';' ends a value"));
        }
        continue;
      }
      all.add(e);
      String cmd = e.commandName().orElse(null);
      Map<String, PsadConfEntry> table = cmd != null ? cmds : vars;
      String name = cmd != null ? cmd : e.key();
      PsadConfEntry first = table.get(name);
      if (first == null) {
        table.put(name, e);
      } else if (!e.key().equals(FW_MSG_SEARCH)) {
        warn.add(
            warning(
                i,
                e.keyColumn(),
                (cmd != null ? "command '" + cmd + "'" : e.key())
                    + " is already defined on line "
                    + (first.lineIndex() + 1)
                    + "; psad keeps the first definition"));
      }
    }
    this.entries = all.build();
    this.variables = ImmutableMap.copyOf(vars);
    this.commands = ImmutableMap.copyOf(cmds);
    this.warnings = warn.build();
  }

  private Diagnostic warning(int line, int column, String message) {
    return Diagnostic.warning(
        lines.sourceName(), lines.position(line, column), lines.text(line), message);
  }

  static boolean isComment(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!PerlChars.isSpace(c)) {
        return c == '#';
      }
    }
    return false;
  }

  /**
   * Reads a text; nothing psad reads is refused (psad skips what it cannot read, see {@link
   * #validate}); text past hostguard's input limits is a {@link PsadConfParseException}.
   */
  public static PsadConfDocument parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw PsadConfParseException.beyondLimit(d);
            });
    return new PsadConfDocument(LineDocument.parse(sourceName, text), StandardCharsets.UTF_8);
  }

  /**
   * Reads bytes: UTF-8 when they are well-formed UTF-8, otherwise ISO-8859-1 (one char a byte, as
   * psad's Perl sees them), so {@link #toBytes()} always gives the same bytes back.
   */
  public static PsadConfDocument parse(String sourceName, byte[] bytes) {
    InputLimits.check(sourceName, bytes)
        .ifPresent(
            d -> {
              throw PsadConfParseException.beyondLimit(d);
            });
    DecodedText decoded = DecodedText.of(bytes);
    return new PsadConfDocument(LineDocument.parse(sourceName, decoded.text()), decoded.charset());
  }

  /**
   * The same bytes read as ISO-8859-1 (one char a byte, as psad's Perl sees them); this document
   * when it already is.
   */
  PsadConfDocument asLatin1() {
    if (charset.equals(StandardCharsets.ISO_8859_1)) {
      return this;
    }
    return new PsadConfDocument(
        LineDocument.parse(sourceName(), new String(toBytes(), StandardCharsets.ISO_8859_1)),
        StandardCharsets.ISO_8859_1);
  }

  /** The lines. */
  public LineDocument lines() {
    return lines;
  }

  /** The document's name: what {@code psad -c} was given, shown in psad's messages and dump. */
  @Override
  public String sourceName() {
    return lines.sourceName();
  }

  /** UTF-8, or ISO-8859-1 for bytes that were not UTF-8. */
  public Charset charset() {
    return charset;
  }

  /** Every {@code KEY VALUE;} line, duplicates included, in file order. */
  public ImmutableList<PsadConfEntry> entries() {
    return entries;
  }

  /** The variables psad keeps (the first definition of each key), in file order. */
  public ImmutableMap<String, PsadConfEntry> variables() {
    return variables;
  }

  /** psad's command table: name (key without {@code Cmd}) to its first definition. */
  public ImmutableMap<String, PsadConfEntry> commands() {
    return commands;
  }

  /** The raw value psad keeps for a variable, before {@code $VAR} expansion; empty when absent. */
  public Optional<String> rawValue(String key) {
    PsadConfEntry e = variables.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  /** Every {@code FW_MSG_SEARCH} value, in file order. */
  public ImmutableList<String> fwMsgSearch() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (PsadConfEntry e : entries) {
      if (e.key().equals(FW_MSG_SEARCH)) {
        out.add(e.value());
      }
    }
    return out.build();
  }

  /**
   * What psad reads differently from how it looks, as warnings: lines it skips and duplicates it
   * ignores, in file order of discovery. The checks that need the machine (missing commands, values
   * psad dies on) are {@link PsadConfig#validate(PsadConfDocument, PsadHost)}.
   */
  public ImmutableList<Diagnostic> validate() {
    return warnings;
  }

  /** The text; equal to what was parsed. */
  @Override
  public String render() {
    return lines.render();
  }

  /** The bytes; equal to what was parsed. */
  @Override
  public byte[] toBytes() {
    return render().getBytes(charset);
  }

  /**
   * Sets a variable: the value of its first definition changes in place (blanks, alignment and the
   * text after {@code ;} are kept); an absent key is appended aligned with the file's values.
   * Setting the current value returns this document.
   *
   * @throws PsadRefusedException for a key or value psad would not read back as given
   */
  public PsadConfDocument withValue(String key, String value) {
    checkKey(key);
    checkValue(value);
    PsadConfEntry first = firstEntry(key);
    if (first != null) {
      if (first.value().equals(value)) {
        return this;
      }
      return with(lines.withLine(first.lineIndex(), first.withValue(value).text()));
    }
    int column = valueColumn();
    StringBuilder line = new StringBuilder(key);
    do {
      line.append(' ');
    } while (line.length() < column);
    line.append(value).append(';');
    return with(lines.withLinesInserted(lines.size(), List.of(line.toString())));
  }

  /** Removes every definition of a key (comments stay); a missing key returns this document. */
  public PsadConfDocument without(String key) {
    checkKey(key);
    LineDocument out = lines;
    for (int i = entries.size() - 1; i >= 0; i--) {
      PsadConfEntry e = entries.get(i);
      if (e.key().equals(key)) {
        out = out.withLinesRemoved(e.lineIndex(), e.lineIndex() + 1);
      }
    }
    return out == lines ? this : with(out);
  }

  /**
   * The settings the "How To Secure A Linux Server" guide asks for: alert addresses, host name,
   * {@code ENABLE_PSADWATCHD}, {@code ENABLE_AUTO_IDS}, {@code ENABLE_AUTO_IDS_EMAILS} and {@code
   * EXPECT_TCP_OPTIONS} set to {@code Y}.
   */
  public PsadConfDocument withRecommendedSettings(List<String> emailAddresses, String hostname) {
    if (emailAddresses.isEmpty()) {
      throw new PsadRefusedException("at least one email address");
    }
    return withValue("EMAIL_ADDRESSES", String.join(", ", emailAddresses))
        .withValue("HOSTNAME", hostname)
        .withValue("ENABLE_PSADWATCHD", "Y")
        .withValue("ENABLE_AUTO_IDS", "Y")
        .withValue("ENABLE_AUTO_IDS_EMAILS", "Y")
        .withValue("EXPECT_TCP_OPTIONS", "Y");
  }

  private @Nullable PsadConfEntry firstEntry(String key) {
    for (PsadConfEntry e : entries) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }

  /** The most common value column among entries (28 in Debian's file), at least 1 past a key. */
  private int valueColumn() {
    Map<Integer, Integer> counts = new HashMap<>();
    int best = 0;
    int bestCount = 0;
    for (PsadConfEntry e : entries) {
      int c = e.valueColumn();
      int n = counts.merge(c, 1, Integer::sum);
      if (n > bestCount || (n == bestCount && c < best)) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  }

  private PsadConfDocument with(LineDocument newLines) {
    return new PsadConfDocument(newLines, charset);
  }

  private static void checkKey(String key) {
    requireNonNull(key, "key");
    if (key.isEmpty() || key.charAt(0) == '#' || key.indexOf(';') >= 0) {
      throw new PsadRefusedException("not a psad.conf key: '" + key + "'");
    }
    for (int i = 0; i < key.length(); i++) {
      if (PerlChars.isSpace(key.charAt(i))) {
        throw new PsadRefusedException("not a psad.conf key: '" + key + "'");
      }
    }
  }

  private static void checkValue(String value) {
    requireNonNull(value, "value");
    if (value.indexOf(';') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new PsadRefusedException("a psad.conf value cannot hold ';', CR or LF");
    }
    if (!value.isEmpty() && PerlChars.isSpace(value.charAt(0))) {
      throw new PsadRefusedException("psad drops blanks before a value: '" + value + "'");
    }
  }

  /** Equal when the text and charset are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PsadConfDocument
        && ((PsadConfDocument) o).lines.equals(lines)
        && ((PsadConfDocument) o).charset.equals(charset);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  /** The rendered text. */
  @Override
  public String toString() {
    return render();
  }
}
