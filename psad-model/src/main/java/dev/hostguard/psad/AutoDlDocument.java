package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.LineDocument;
import java.util.List;
import java.util.Locale;

/**
 * psad's {@code auto_dl} file as a lossless document with a typed view: the lines psad reads as
 * entries, the lines it rejects as warnings (psad logs {@code improperly formatted auto_dl line
 * N}), every byte kept.
 *
 * <pre>{@code
 * AutoDlDocument doc = AutoDlDocument.parse("auto_dl", Files.readString(path));
 * doc.withEntry("203.0.113.7", 5, "tcp").render();
 * }</pre>
 */
public final class AutoDlDocument {
  private final LineDocument lines;
  private final ImmutableList<AutoDlEntry> entries;
  private final ImmutableList<PsadConfProblem> warnings;

  private AutoDlDocument(LineDocument lines) {
    this.lines = lines;
    ImmutableList.Builder<AutoDlEntry> out = ImmutableList.builder();
    ImmutableList.Builder<PsadConfProblem> warn = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.text(i);
      AutoDlEntry e = AutoDlEntry.parse(i, t);
      if (e != null) {
        out.add(e);
      } else if (!PerlChars.isBlank(t) && !PsadConfDocument.isComment(t)) {
        warn.add(
            new PsadConfProblem(
                lines.sourceName(),
                lines.position(i, 0),
                t,
                "improperly formatted auto_dl line " + (i + 1),
                false));
      }
    }
    this.entries = out.build();
    this.warnings = warn.build();
  }

  /** Reads a text; nothing is refused. */
  public static AutoDlDocument parse(String sourceName, String text) {
    return new AutoDlDocument(LineDocument.parse(sourceName, text));
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

  /** Lines psad rejects. */
  public ImmutableList<PsadConfProblem> warnings() {
    return warnings;
  }

  /** The lines. */
  public LineDocument lines() {
    return lines;
  }

  /** The text, as parsed. */
  public String render() {
    return lines.render();
  }

  /**
   * This document with a line {@code ADDRESS<tab>DL[<tab>CRITERIA];} appended.
   *
   * @throws IllegalArgumentException if psad would not read the line back as that entry
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
      throw new IllegalArgumentException("not an auto_dl entry: " + line);
    }
    return new AutoDlDocument(lines.withLinesInserted(lines.size(), List.of(line)));
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
    return out == lines ? this : new AutoDlDocument(out);
  }

  /** The text. */
  @Override
  public String toString() {
    return render();
  }
}
