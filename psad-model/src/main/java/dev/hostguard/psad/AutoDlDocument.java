package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * psad's {@code auto_dl} file as a lossless document with a typed view: the lines psad reads as
 * entries, the lines it rejects as warnings (psad logs {@code improperly formatted auto_dl line
 * N}), every byte kept.
 *
 * <pre>{@code
 * AutoDlDocument doc = AutoDlDocument.parse("auto_dl", Files.readAllBytes(path));
 * Files.write(path, doc.withEntry("203.0.113.7", 5, "tcp").toBytes());
 * }</pre>
 */
public final class AutoDlDocument implements LosslessDocument {
  private final LineDocument lines;
  private final Charset charset;
  private final ImmutableList<AutoDlEntry> entries;
  private final ImmutableList<Diagnostic> warnings;

  private AutoDlDocument(LineDocument lines, Charset charset) {
    this.lines = lines;
    this.charset = charset;
    ImmutableList.Builder<AutoDlEntry> out = ImmutableList.builder();
    ImmutableList.Builder<Diagnostic> warn = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.text(i);
      AutoDlEntry e = AutoDlEntry.parse(i, t);
      if (e != null) {
        out.add(e);
      } else if (!PerlChars.isBlank(t) && !PsadConfDocument.isComment(t)) {
        warn.add(
            Diagnostic.warning(
                lines.sourceName(),
                lines.position(i, 0),
                t,
                "improperly formatted auto_dl line " + (i + 1)));
      }
    }
    this.entries = out.build();
    this.warnings = warn.build();
  }

  /**
   * Reads a text; nothing psad reads is refused (psad skips the lines it rejects, see {@link
   * #validate}); text past hostguard's input limits is a {@link PsadConfParseException}.
   */
  public static AutoDlDocument parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw PsadConfParseException.beyondLimit(d);
            });
    return new AutoDlDocument(LineDocument.parse(sourceName, text), StandardCharsets.UTF_8);
  }

  /**
   * Reads bytes: UTF-8 when they are well-formed UTF-8, otherwise ISO-8859-1 (one char a byte, as
   * psad's Perl sees them), so {@link #toBytes()} always gives the same bytes back.
   */
  public static AutoDlDocument parse(String sourceName, byte[] bytes) {
    InputLimits.check(sourceName, bytes)
        .ifPresent(
            d -> {
              throw PsadConfParseException.beyondLimit(d);
            });
    DecodedText decoded = DecodedText.of(bytes);
    return new AutoDlDocument(LineDocument.parse(sourceName, decoded.text()), decoded.charset());
  }

  /** The entries psad reads, in file order. */
  public ImmutableList<AutoDlEntry> entries() {
    return entries;
  }

  /**
   * The protocols psad applies an entry to: those its line names anywhere, case-insensitively (psad
   * matches {@code icmp}, {@code tcp}, {@code udp}, {@code udplite} against the whole line, even
   * after the {@code ;}); empty means every protocol.
   */
  public ImmutableSet<String> protocols(AutoDlEntry entry) {
    String lower = lines.text(entry.lineIndex()).toLowerCase(Locale.ROOT);
    ImmutableSet.Builder<String> out = ImmutableSet.builder();
    for (String p : List.of("icmp", "tcp", "udplite", "udp")) {
      if (lower.contains(p)) {
        out.add(p);
      }
    }
    return out.build();
  }

  /** The lines psad rejects, as warnings in psad's words ({@code improperly formatted ...}). */
  public ImmutableList<Diagnostic> validate() {
    return warnings;
  }

  /** The lines. */
  public LineDocument lines() {
    return lines;
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

  /** The bytes; equal to what was parsed (UTF-8, or ISO-8859-1 for bytes that were not UTF-8). */
  @Override
  public byte[] toBytes() {
    return render().getBytes(charset);
  }

  /**
   * This document with a line {@code ADDRESS<tab>DL[<tab>CRITERIA];} appended.
   *
   * @throws PsadRefusedException if psad would not read the line back as that entry
   */
  public AutoDlDocument withEntry(String address, int dangerLevel, String criteria) {
    requireNonNull(address, "address");
    requireNonNull(criteria, "criteria");
    String line = address + "\t" + dangerLevel + (criteria.isEmpty() ? "" : "\t" + criteria) + ";";
    AutoDlEntry e = AutoDlEntry.parse(lines.size(), line);
    if (e == null
        || criteria.indexOf(';') >= 0
        || criteria.indexOf('\n') >= 0
        || !e.criteria().equals(criteria)
        || e.dangerLevel() != dangerLevel) {
      throw new PsadRefusedException("not an auto_dl entry: " + line);
    }
    return new AutoDlDocument(lines.withLinesInserted(lines.size(), List.of(line)), charset);
  }

  /** This document without the entries for {@code address} (comments stay). */
  public AutoDlDocument withoutAddress(String address) {
    LineDocument out = lines;
    for (int i = entries.size() - 1; i >= 0; i--) {
      AutoDlEntry e = entries.get(i);
      if (e.address().equals(address)) {
        out = out.withLinesRemoved(e.lineIndex(), e.lineIndex() + 1);
      }
    }
    return out == lines ? this : new AutoDlDocument(out, charset);
  }

  /** The text. */
  @Override
  public String toString() {
    return render();
  }
}
