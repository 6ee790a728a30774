package dev.hostguard.core;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
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
  private static final LineTerminator[] TERMINATORS = LineTerminator.values();

  private final String sourceName;

  /**
   * The lines as objects: given, or made from {@link #content} the first time {@link #lines()} or
   * an edit needs them.
   */
  private volatile @Nullable ImmutableList<Line> lines;

  /**
   * A document read from bytes keeps them as they are (about one byte a byte plus five a line, not
   * a String and a {@link Line} a line): line {@code i} is {@code content[starts[i], ends[i])}
   * followed by its terminator {@code TERMINATORS[terminators[i]]}. Null for other documents.
   */
  private final byte @Nullable [] content;

  private final int @Nullable [] starts;
  private final byte @Nullable [] terminators;
  private final int size;
  private volatile long @Nullable [] lineStarts;

  private LineDocument(String sourceName, ImmutableList<Line> lines) {
    this.sourceName = sourceName;
    this.lines = lines;
    this.content = null;
    this.starts = null;
    this.terminators = null;
    this.size = lines.size();
  }

  private LineDocument(String sourceName, byte[] content, int[] starts, byte[] terminators) {
    this.sourceName = sourceName;
    this.lines = null;
    this.content = content;
    this.starts = starts;
    this.terminators = terminators;
    this.size = terminators.length;
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
    byte[] content = bytes.clone();
    int n = content.length;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (content[i] == '\n') {
        count++;
      }
    }
    if (n > 0 && content[n - 1] != '\n') {
      count++;
    }
    int[] starts = new int[count + 1];
    byte[] terminators = new byte[count];
    int start = 0;
    int line = 0;
    while (start < n) {
      int nl = indexOf(content, (byte) '\n', start);
      LineTerminator terminator;
      if (nl < 0) {
        terminator = LineTerminator.NONE;
      } else if (nl > start && content[nl - 1] == '\r') {
        terminator = LineTerminator.CRLF;
      } else {
        terminator = LineTerminator.LF;
      }
      starts[line] = start;
      terminators[line] = (byte) terminator.ordinal();
      line++;
      start = nl < 0 ? n : nl + 1;
    }
    starts[count] = n;
    return new LineDocument(sourceName, content, starts, terminators);
  }

  /** The end of line {@code i}'s text in {@link #content} (its terminator excluded). */
  private int contentEnd(int i) {
    return starts[i + 1] - TERMINATORS[terminators[i]].text().length();
  }

  /** Line {@code i} of a document read from bytes. */
  private Line contentLine(int i) {
    int from = starts[i];
    int to = contentEnd(i);
    LineTerminator t = TERMINATORS[terminators[i]];
    if (Utf8.isWellFormed(content, from, to)) {
      return Line.of(new String(content, from, to - from, StandardCharsets.UTF_8), t);
    }
    return Line.malformed(java.util.Arrays.copyOfRange(content, from, to), t);
  }

  /**
   * Like {@link #parse(String, byte[])}, but refuses bytes that are not UTF-8 with a {@link
   * ParseException} at the first such line (column 1: the line has no trustworthy text).
   */
  public static LineDocument parseUtf8(String sourceName, byte[] bytes) {
    LineDocument doc = parse(sourceName, bytes);
    for (int i = 0; i < doc.size; i++) {
      if (!doc.isWellFormed(i)) {
        Line line = doc.line(i);
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
    ImmutableList<Line> l = lines;
    if (l == null) {
      ImmutableList.Builder<Line> b = ImmutableList.builderWithExpectedSize(size);
      for (int i = 0; i < size; i++) {
        b.add(contentLine(i));
      }
      l = b.build();
      lines = l;
    }
    return l;
  }

  /** Whether line {@code i} is well-formed UTF-8, without making its {@link Line}. */
  private boolean isWellFormed(int i) {
    ImmutableList<Line> l = lines;
    if (l != null) {
      return l.get(i).isWellFormed();
    }
    return Utf8.isWellFormed(content, starts[i], contentEnd(i));
  }

  /** The number of lines (a text ending in a newline has no empty line after it). */
  public int size() {
    return size;
  }

  /** The line at a 0-based index. */
  public Line line(int index) {
    ImmutableList<Line> l = lines;
    if (l != null) {
      return l.get(index);
    }
    java.util.Objects.checkIndex(index, size);
    return contentLine(index);
  }

  /** The text of the line at a 0-based index. */
  public String text(int index) {
    return line(index).text();
  }

  /** Whether every line was well-formed UTF-8. */
  public boolean isWellFormed() {
    for (int i = 0; i < size; i++) {
      if (!isWellFormed(i)) {
        return false;
      }
    }
    return true;
  }

  /** The whole text (malformed bytes as U+FFFD). */
  @Override
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size; i++) {
      Line line = line(i);
      sb.append(line.text()).append(line.terminator().text());
    }
    return sb.toString();
  }

  /** The whole text as bytes, exactly as read (malformed lines included). */
  @Override
  public byte[] toBytes() {
    byte[] c = content;
    if (c != null) {
      return c.clone();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Line line : lines()) {
      line.appendBytes(out);
    }
    return out.toByteArray();
  }

  public SourcePosition position(int lineIndex, int columnIndex) {
    if (lineIndex < 0 || lineIndex > size) {
      throw new IndexOutOfBoundsException("line " + lineIndex + " of " + size);
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
      starts = new long[size + 1];
      long offset = 0;
      for (int i = 0; i < size; i++) {
        starts[i] = offset;
        Line line = line(i);
        offset += line.text().length() + line.terminator().text().length();
      }
      starts[size] = offset;
      lineStarts = starts;
    }
    return starts;
  }

  /** The terminator new lines get: that of the first terminated line, or LF when there is none. */
  public LineTerminator defaultTerminator() {
    for (int i = 0; i < size; i++) {
      LineTerminator t = lines == null ? TERMINATORS[terminators[i]] : lines().get(i).terminator();
      if (t != LineTerminator.NONE) {
        return t;
      }
    }
    return LineTerminator.LF;
  }

  /** This document with the text of one line replaced; its terminator is kept. */
  public LineDocument withLine(int index, String text) {
    Line old = line(index);
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
    if (from < 0 || to < from || to > size) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + size);
    }
    LineTerminator term = defaultTerminator();
    ImmutableList<Line> lines = lines();
    List<Line> out = new ArrayList<>(size - (to - from) + texts.size());
    out.addAll(lines.subList(0, from));
    boolean atEnd = to == size;
    boolean endUnterminated =
        atEnd && !lines.isEmpty() && lines.get(size - 1).terminator() == LineTerminator.NONE;
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
    out.addAll(lines.subList(to, size));
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
    return o instanceof LineDocument d && d.lines().equals(lines());
  }

  @Override
  public int hashCode() {
    return lines().hashCode();
  }

  /** The rendered text. */
  @Override
  public String toString() {
    return render();
  }
}
