package dev.hostguard.ufw.conf;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.core.internal.UniversalNewlines;
import dev.hostguard.ufw.UfwRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A lossless shell-variable file as ufw reads and writes it: comments, blank lines and {@code
 * KEY=value} assignments kept byte for byte. It is the layer under {@link UfwConf} ({@code
 * /etc/ufw/ufw.conf}) and {@link UfwDefaults} ({@code /etc/default/ufw}), and reads any other
 * {@code KEY=value} file of ufw's (such as {@code /etc/ufw/sysctl.conf}) without judging it.
 *
 * <pre>{@code
 * UfwShellFile f = UfwShellFile.parse("ufw.conf", text);
 * f.withValue("LOGLEVEL", "medium").render(); // only the LOGLEVEL line changes
 * }</pre>
 *
 * <p>Two readers see the file: the shell that sources it ({@code ufw-init}), which {@link
 * #assignment} follows, and ufw's Python code, which opens it in text mode (a lone CR ends a line
 * there, not for the shell) and takes a value from each line matching {@code ^\w+="?\w+"?} (a later
 * line wins); {@link #ufwValue} answers the same way, lower-cased as ufw stores it. {@link
 * #withValue} edits as ufw's {@code set_default} does.
 */
public final class UfwShellFile implements LosslessDocument {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", Pattern.DOTALL);
  private static final Pattern UFW_READS = Pattern.compile("^\\w+=\"?\\w+\"?");

  private final LineDocument document;
  private final ImmutableList<ConfAssignment> assignments;

  private UfwShellFile(LineDocument document) {
    this.document = document;
    ImmutableList.Builder<ConfAssignment> b = ImmutableList.builder();
    for (int i = 0; i < document.size(); i++) {
      Matcher m = ASSIGNMENT.matcher(document.text(i));
      if (m.matches()) {
        b.add(new ConfAssignment(m.group(1), m.group(2), unquote(m.group(2)), i, m.start(2)));
      }
    }
    this.assignments = b.build();
  }

  /**
   * Reads any text losslessly.
   *
   * @throws ConfParseException for text past hostguard's input limits (32 MiB, 64 Ki characters a
   *     line)
   */
  public static UfwShellFile parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw ConfParseException.of(d);
            });
    return new UfwShellFile(LineDocument.parse(sourceName, text));
  }

  /** Reads bytes losslessly. */
  public static UfwShellFile parse(String sourceName, byte[] bytes) {
    InputLimits.check(sourceName, bytes)
        .ifPresent(
            d -> {
              throw ConfParseException.of(d);
            });
    return new UfwShellFile(LineDocument.parse(sourceName, bytes));
  }

  /**
   * Errors for the lines that are neither blank, comments nor {@code KEY=value}: the shell that
   * sources the file (ufw-init) would run them as commands.
   */
  List<Diagnostic> nonAssignments() {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < document.size(); i++) {
      String t = document.text(i);
      String s = t.strip();
      if (s.isEmpty() || s.startsWith("#") || ASSIGNMENT.matcher(t).matches()) {
        continue;
      }
      out.add(error(i, t.length() - t.stripLeading().length(), "expected KEY=value or a comment"));
    }
    return out;
  }

  /**
   * An error at a 0-based line and column ({@code lineIndex == size} means after the last line).
   */
  Diagnostic error(int lineIndex, int column, String message) {
    if (lineIndex >= document.size()) {
      return Diagnostic.error(
          document.sourceName(), document.position(document.size(), 0), "", message);
    }
    return Diagnostic.error(
        document.sourceName(),
        document.position(lineIndex, column),
        document.text(lineIndex),
        message);
  }

  /** An error about the value of an assignment. */
  Diagnostic error(ConfAssignment a, String message) {
    return error(a.lineIndex(), a.valueColumn(), message);
  }

  static String unquote(String raw) {
    if (raw.length() >= 2
        && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
        && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
      return raw.substring(1, raw.length() - 1);
    }
    return raw;
  }

  @Override
  public String sourceName() {
    return document.sourceName();
  }

  /** The underlying lines. */
  public LineDocument document() {
    return document;
  }

  /** Every assignment in order. */
  public ImmutableList<ConfAssignment> assignments() {
    return assignments;
  }

  /** The last assignment of {@code key}, as the shell sees it. */
  public Optional<ConfAssignment> assignment(String key) {
    ConfAssignment found = null;
    for (ConfAssignment a : assignments) {
      if (a.key().equals(key)) {
        found = a;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The value ufw's Python code reads for {@code key}: from the last line matching ufw's pattern,
   * the text between the first and second {@code =}, lower-cased, quotes stripped.
   */
  public Optional<String> ufwValue(String key) {
    return ufwLine(key).map(UfwShellFile::ufwValueOf);
  }

  /** The value ufw reads from one of its lines (that matches its pattern). */
  private static String ufwValueOf(UniversalNewlines.Line line) {
    String[] parts = line.text().strip().split("=", -1);
    return stripQuotes(parts[1].toLowerCase(java.util.Locale.ROOT));
  }

  /** An error at the value ufw takes for {@code key} (as {@link #ufwValue} finds it). */
  Diagnostic ufwError(String key, String message) {
    return ufwLine(key)
        .map(l -> error(l.lineIndex(), l.column() + l.text().indexOf('=') + 1, message))
        .orElseGet(() -> error(document.size(), 0, message));
  }

  /** The last of ufw's lines that gives {@code key} a value. */
  private Optional<UniversalNewlines.Line> ufwLine(String key) {
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    UniversalNewlines.Line found = null;
    // ufw opens the file with open(fn, 'r'): a lone CR ends a line as LF and CRLF do
    for (UniversalNewlines.Line logical : UniversalNewlines.lines(document)) {
      String line = logical.text();
      if (UFW_READS.matcher(line).find()) {
        String[] parts = line.strip().split("=", -1);
        if (parts[0].toLowerCase(java.util.Locale.ROOT).equals(lower)) {
          found = logical;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private static String stripQuotes(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '"' || s.charAt(a) == '\'')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == '"' || s.charAt(b - 1) == '\'')) {
      b--;
    }
    return s.substring(a, b);
  }

  /**
   * The file as ufw's {@code set_default} writes it: every line starting {@code KEY=} replaced by
   * {@code KEY=rawValue}, or the line appended if there is none. Lines are ufw's (a lone CR ends
   * one, as in Python's text mode).
   *
   * @throws UfwRefusedException when a line to replace shares its line of the file with another
   *     behind a lone CR (replacing it would change the other); or {@code key} is not a word, or
   *     {@code rawValue} holds a line break
   */
  public UfwShellFile withValue(String key, String rawValue) {
    if (!key.matches("^\\w+$")) {
      throw new IllegalArgumentException("Invalid option");
    }
    if (rawValue.indexOf('\n') >= 0 || rawValue.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("value must be one line");
    }
    LineDocument d = document;
    boolean found = false;
    // set_default reads the lines as ufw does (Python text mode, a lone CR ends a line) and
    // rewrites each one starting KEY=
    for (UniversalNewlines.Line logical : UniversalNewlines.lines(document)) {
      if (!logical.text().startsWith(key + "=")) {
        continue;
      }
      int i = logical.lineIndex();
      if (UniversalNewlines.holdsLoneCarriageReturn(document, i)) {
        throw new UfwRefusedException(
            "Line "
                + (i + 1)
                + " of "
                + document.sourceName()
                + " holds a lone carriage return that ufw reads as a line break; edit the file as"
                + " text");
      }
      d = d.withLine(i, key + "=" + rawValue);
      found = true;
    }
    if (!found) {
      List<String> add = new ArrayList<>();
      add.add(key + "=" + rawValue);
      d = d.withLinesInserted(d.size(), add);
    }
    return new UfwShellFile(d);
  }

  /** The text exactly as read (plus edits). */
  @Override
  public String render() {
    return document.render();
  }

  /** The bytes exactly as read (plus edits). */
  @Override
  public byte[] toBytes() {
    return document.toBytes();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UfwShellFile f && f.document.equals(document);
  }

  @Override
  public int hashCode() {
    return document.hashCode();
  }

  @Override
  public String toString() {
    return render();
  }
}
