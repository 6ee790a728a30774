package dev.hostguard.core;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A text as an immutable list of {@link Line}s that keeps every byte: LF and CRLF terminators, a
 * missing final newline, trailing spaces, tabs, and even bytes that are not UTF-8. Every format in
 * hostguard builds its typed view on one of these, so {@code render(parse(text))} equals {@code
 * text}, and edits touch only the lines they must.
 *
 * <pre>{@code
 * LineDocument doc = LineDocument.parse("user.rules", text);
 * doc.withLinesInserted(3, List.of("# added")).render();
 * }</pre>
 */
public final class LineDocument implements LosslessDocument {
  private final String sourceName;
  private final ImmutableList<Line> lines;
  private volatile long @Nullable [] lineStarts;

  private LineDocument(String sourceName, ImmutableList<Line> lines) {
    this.sourceName = sourceName;
    this.lines = lines;
  }

  /** Splits {@code text} into lines; nothing is lost. */
  public static LineDocument parse(String sourceName, String text) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(text, "text");
    ImmutableList.Builder<Line> out = ImmutableList.builder();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        out.add(Line.of(text.substring(start), LineTerminator.NONE));
        break;
      }
      if (nl > start && text.charAt(nl - 1) == '\r') {
        out.add(Line.of(text.substring(start, nl - 1), LineTerminator.CRLF));
      } else {
        out.add(Line.of(text.substring(start, nl), LineTerminator.LF));
      }
      start = nl + 1;
    }
    return new LineDocument(sourceName, out.build());
  }

  /**
   * Splits {@code bytes} into lines. Lines that are not well-formed UTF-8 are kept byte for byte
   * (see {@link Line#isWellFormed()}); use {@link #parseUtf8} to refuse them instead.
   */
  public static LineDocument parse(String sourceName, byte[] bytes) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(bytes, "bytes");
    String decoded = decodeStrict(bytes);
    if (decoded != null) {
      return parse(sourceName, decoded);
    }
    ImmutableList.Builder<Line> out = ImmutableList.builder();
    int start = 0;
    int n = bytes.length;
    while (start < n) {
      int nl = indexOf(bytes, (byte) '\n', start);
      int end;
      LineTerminator terminator;
      if (nl < 0) {
        end = n;
        terminator = LineTerminator.NONE;
      } else if (nl > start && bytes[nl - 1] == '\r') {
        end = nl - 1;
        terminator = LineTerminator.CRLF;
      } else {
        end = nl;
        terminator = LineTerminator.LF;
      }
      byte[] content = java.util.Arrays.copyOfRange(bytes, start, end);
      String text = decodeStrict(content);
      out.add(text != null ? Line.of(text, terminator) : Line.malformed(content, terminator));
      start = nl < 0 ? n : nl + 1;
    }
    return new LineDocument(sourceName, out.build());
  }

  /**
   * Like {@link #parse(String, byte[])}, but refuses bytes that are not UTF-8 with a {@link
   * ParseException} at the first such line (column 1: the line has no trustworthy text).
   */
  public static LineDocument parseUtf8(String sourceName, byte[] bytes) {
    LineDocument doc = parse(sourceName, bytes);
    for (int i = 0; i < doc.lines.size(); i++) {
      Line line = doc.lines.get(i);
      if (!line.isWellFormed()) {
        int col = line.text().indexOf('\uFFFD');
        throw ParseException.inLine(doc, i, Math.max(col, 0), "invalid UTF-8");
      }
    }
    return doc;
  }

  /** Builds a document from lines. */
  public static LineDocument of(String sourceName, List<Line> lines) {
    requireNonNull(sourceName, "sourceName");
    ImmutableList<Line> copy = ImmutableList.copyOf(lines);
    for (int i = 0; i < copy.size() - 1; i++) {
      if (copy.get(i).terminator() == LineTerminator.NONE) {
        throw new IllegalArgumentException("only the last line may lack a terminator: line " + i);
      }
    }
    return new LineDocument(sourceName, copy);
  }

  private static @Nullable String decodeStrict(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The source's name, used in error messages. */
  @Override
  public String sourceName() {
    return sourceName;
  }

  /** The lines, in order. */
  public ImmutableList<Line> lines() {
    return lines;
  }

  /** The number of lines (a text ending in a newline has no empty line after it). */
  public int size() {
    return lines.size();
  }

  /** The line at a 0-based index. */
  public Line line(int index) {
    return lines.get(index);
  }

  /** The text of the line at a 0-based index. */
  public String text(int index) {
    return lines.get(index).text();
  }

  /** Whether every line was well-formed UTF-8. */
  public boolean isWellFormed() {
    for (Line line : lines) {
      if (!line.isWellFormed()) {
        return false;
      }
    }
    return true;
  }

  /** The whole text. Exact for well-formed documents; see {@link #toBytes()} otherwise. */
  @Override
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Line line : lines) {
      sb.append(line.text()).append(line.terminator().text());
    }
    return sb.toString();
  }

  /** The whole text as bytes, exactly as read (malformed lines included). */
  @Override
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Line line : lines) {
      line.appendBytes(out);
    }
    return out.toByteArray();
  }

  /**
   * The position of a 0-based line index and 0-based char index inside it. An index one past the
   * last line names the end of the text.
   */
  public SourcePosition position(int lineIndex, int columnIndex) {
    if (lineIndex < 0 || lineIndex > lines.size()) {
      throw new IndexOutOfBoundsException("line " + lineIndex + " of " + lines.size());
    }
    if (columnIndex < 0) {
      throw new IndexOutOfBoundsException("column " + columnIndex);
    }
    long[] starts = lineStarts();
    return SourcePosition.of(lineIndex + 1, columnIndex + 1, starts[lineIndex] + columnIndex);
  }

  private long[] lineStarts() {
    long[] starts = lineStarts;
    if (starts == null) {
      starts = new long[lines.size() + 1];
      long offset = 0;
      for (int i = 0; i < lines.size(); i++) {
        starts[i] = offset;
        Line line = lines.get(i);
        offset += line.text().length() + line.terminator().text().length();
      }
      starts[lines.size()] = offset;
      lineStarts = starts;
    }
    return starts;
  }

  /** The terminator new lines get: that of the first terminated line, or LF when there is none. */
  public LineTerminator defaultTerminator() {
    for (Line line : lines) {
      if (line.terminator() != LineTerminator.NONE) {
        return line.terminator();
      }
    }
    return LineTerminator.LF;
  }

  /** This document with the text of one line replaced; its terminator is kept. */
  public LineDocument withLine(int index, String text) {
    Line old = lines.get(index);
    return withLinesReplaced(index, index + 1, ImmutableList.of(text), old.terminator());
  }

  /**
   * This document with {@code texts} inserted before the line at {@code index} ({@code size()}
   * appends). New lines take {@link #defaultTerminator()}; appending to a text without a final
   * newline terminates the old last line and leaves the new last line unterminated, so the file
   * keeps its style.
   */
  public LineDocument withLinesInserted(int index, List<String> texts) {
    return withLinesReplaced(index, index, texts);
  }

  /** This document without the lines {@code [from, to)}. */
  public LineDocument withLinesRemoved(int from, int to) {
    return withLinesReplaced(from, to, ImmutableList.of());
  }

  /** This document with the lines {@code [from, to)} replaced by {@code texts}. */
  public LineDocument withLinesReplaced(int from, int to, List<String> texts) {
    return withLinesReplaced(from, to, texts, null);
  }

  private LineDocument withLinesReplaced(
      int from, int to, List<String> texts, @Nullable LineTerminator lastTerminator) {
    if (from < 0 || to < from || to > lines.size()) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + lines.size());
    }
    LineTerminator term = defaultTerminator();
    List<Line> out = new ArrayList<>(lines.size() - (to - from) + texts.size());
    out.addAll(lines.subList(0, from));
    boolean atEnd = to == lines.size();
    boolean endUnterminated =
        atEnd
            && !lines.isEmpty()
            && lines.get(lines.size() - 1).terminator() == LineTerminator.NONE;
    if (atEnd && from == to && endUnterminated && !texts.isEmpty()) {
      // appending after an unterminated last line: terminate it, keep the new end unterminated
      Line last = out.get(out.size() - 1);
      boolean endsInCr = last.text().endsWith("\r");
      out.set(out.size() - 1, last.withTerminator(endsInCr ? LineTerminator.CRLF : term));
    }
    for (int i = 0; i < texts.size(); i++) {
      boolean last = i == texts.size() - 1;
      LineTerminator t = term;
      if (last && lastTerminator != null) {
        t = lastTerminator;
      } else if (last && endUnterminated) {
        t = LineTerminator.NONE;
      }
      out.add(Line.of(requireNonNull(texts.get(i), "text"), t));
    }
    out.addAll(lines.subList(to, lines.size()));
    if (!out.isEmpty() && endUnterminated && texts.isEmpty() && atEnd && from > 0) {
      // removed the unterminated tail: the new last line becomes the unterminated one
      int last = out.size() - 1;
      out.set(last, out.get(last).withTerminator(LineTerminator.NONE));
    }
    return new LineDocument(sourceName, ImmutableList.copyOf(out));
  }

  /** Equal when the lines are equal; the source name does not count. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LineDocument d && d.lines.equals(lines);
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
