package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LineTerminator;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads ufw's status outputs by structure (cells may be wider than their columns), then checks that
 * rendering the result gives the input back, so every accepted text round-trips.
 */
final class StatusParser {
  private static final String[] ATTRIBUTES = {
    " (log-all, out)", " (log, out)", " (log-all)", " (log)", " (out)"
  };
  private static final Pattern DEFAULTS =
      Pattern.compile(
          "^Default: (\\w+) \\(incoming\\), (\\w+) \\(outgoing\\), (\\w+) \\(routed\\)$");

  private final String sourceName;
  private final String text;

  /**
   * Where each line starts, and {@code text.length()} last: the lines are read from the text
   * directly, one string each only where a line is read (a document's line objects for a status of
   * 100,000 rules cost more memory than the entries parsed from them).
   */
  private int[] starts = new int[0];

  private int size;
  private @Nullable LineDocument doc;

  /**
   * The cells and comments read last, by hash: equal cells ({@code Anywhere}, an application, a
   * network) share one object, so a long status keeps fewer objects alive while it is read (the
   * garbage collector copies every live one).
   */
  private final StatusLocation[] cells = new StatusLocation[CACHE_SIZE];

  private final String[] comments = new String[CACHE_SIZE];

  /** One builder for every entry: each entry sets every attribute. */
  private final StatusEntry.Builder entry = StatusEntry.builder();

  private static final int CACHE_SIZE = 1024;

  private StatusParser(String sourceName, String text) {
    this.sourceName = sourceName;
    this.text = text;
  }

  static StatusParseException notAStatus(String sourceName, String text) {
    LineDocument doc = LineDocument.parse(sourceName, text);
    return StatusParseException.at(
        doc, 0, 0, "expected 'Status: active' or 'Status: inactive', found 'show added' output");
  }

  static StatusParseException notAddedRules(String sourceName, String text) {
    LineDocument doc = LineDocument.parse(sourceName, text);
    return StatusParseException.at(
        doc, 0, 0, "expected '" + UfwAddedRules.HEADER + "', found a status");
  }

  static UfwStatusOutput parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw StatusParseException.of(d);
            });
    return new StatusParser(sourceName, text).parseDocument();
  }

  /** The text as a document, made only to point an error at a line. */
  private LineDocument doc() {
    LineDocument d = doc;
    if (d == null) {
      d = LineDocument.parse(sourceName, text);
      doc = d;
    }
    return d;
  }

  /** The text of line {@code i} (every line ends in LF once {@link #parseDocument} checked it). */
  private String text(int i) {
    Objects.checkIndex(i, size);
    return text.substring(starts[i], starts[i + 1] - 1);
  }

  private int lineLength(int i) {
    Objects.checkIndex(i, size);
    return starts[i + 1] - 1 - starts[i];
  }

  /** Whether line {@code i} is {@code sb}, compared in place. */
  private boolean lineEquals(int i, CharSequence sb) {
    int n = lineLength(i);
    if (n != sb.length()) {
      return false;
    }
    int from = starts[i];
    for (int j = 0; j < n; j++) {
      if (text.charAt(from + j) != sb.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private UfwStatusOutput parseDocument() {
    if (text.isEmpty()) {
      throw StatusParseException.at(
          doc(),
          0,
          0,
          "empty input: expected 'Status: active', 'Status: inactive' or 'Added user rules'");
    }
    if (text.charAt(text.length() - 1) != '\n' || text.contains("\r\n")) {
      // a line ending other than LF: the document finds the first one
      LineDocument lines = doc();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.line(i).terminator() != LineTerminator.LF) {
          throw StatusParseException.at(
              lines,
              i,
              lines.text(i).length(),
              lines.line(i).terminator() == LineTerminator.NONE
                  ? "missing newline at end of output"
                  : "carriage return before newline");
        }
      }
      throw new IllegalStateException("a line ending other than LF was not found");
    }
    int count = 0;
    for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      count++;
    }
    starts = new int[count + 1];
    int next = 0;
    for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      starts[++next] = at + 1;
    }
    size = count;
    String first = text(0);
    if (first.equals(StatusRenderer.INACTIVE)) {
      expectEnd(1);
      return UfwStatus.builder().sourceName(sourceName).form(StatusForm.INACTIVE).build();
    }
    if (first.equals(UfwAddedRules.HEADER)) {
      return parseAdded();
    }
    if (!first.equals(StatusRenderer.ACTIVE)) {
      throw StatusParseException.at(
          doc(),
          0,
          0,
          "expected 'Status: active', 'Status: inactive' or '" + UfwAddedRules.HEADER + "'");
    }
    int i = 1;
    Optional<StatusHeader> header = Optional.empty();
    if (i < size && text(i).startsWith("Logging: ")) {
      header = Optional.of(parseHeader(i));
      i += 3;
    }
    if (i == size) {
      return UfwStatus.builder()
          .sourceName(sourceName)
          .form(header.isPresent() ? StatusForm.VERBOSE : StatusForm.PLAIN)
          .header(header)
          .build();
    }
    expectText(i, "");
    i++;
    boolean numbered = i < size && text(i).startsWith(StatusRenderer.NUMBER_INDENT + "To");
    if (numbered && header.isPresent()) {
      throw StatusParseException.at(doc(), i, 0, "a verbose status has no numbered rule list");
    }
    String indent = numbered ? StatusRenderer.NUMBER_INDENT : "";
    expectText(i++, indent + StatusRenderer.COLUMNS);
    expectText(i++, indent + StatusRenderer.RULERS);
    int last = size - 1;
    if (i > last || !text(last).isEmpty() || last == i) {
      throw StatusParseException.at(
          doc(), last, text(last).length(), "expected rule lines and a final blank line");
    }
    // one array of the final size: a builder grown for 100,000 entries has 131,072 slots (512 KB),
    // a humongous object for G1 (1 MB regions): allocated in the old generation, not reclaimed by
    // young collections, its cards kept each parse's entries alive through the next young
    // collection (every parse's entries were copied and promoted: the superlinear part)
    ImmutableList.Builder<StatusEntry> builder = ImmutableList.builderWithExpectedSize(last - i);
    int firstEntryLine = i;
    StatusForm form =
        header.isPresent() ? StatusForm.VERBOSE : numbered ? StatusForm.NUMBERED : StatusForm.PLAIN;
    for (; i < last; i++) {
      if (lineLength(i) == 0 && !numbered) {
        continue; // group separator: placement checked by the final render comparison
      }
      builder.add(parseEntry(i, form));
    }
    ImmutableList<StatusEntry> entries = builder.build();
    checkLayout(firstEntryLine, entries, form);
    try {
      // withEntries keeps the list as it is; the status builder would copy it into a grown array
      return UfwStatus.builder()
          .sourceName(sourceName)
          .form(form)
          .header(header)
          .build()
          .withEntries(entries);
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc(), last, 0, e.getMessage());
    }
  }

  /**
   * Checks that lines {@code from}.. are exactly what ufw prints for these entries: each line
   * rendered back, and blank lines only between groups (so every accepted text round-trips).
   */
  private void checkLayout(int from, List<StatusEntry> entries, StatusForm form) {
    boolean numbered = form == StatusForm.NUMBERED;
    StringBuilder sb = new StringBuilder(128);
    int k = from;
    boolean anyIncoming = false;
    int previous = 0;
    int number = 0;
    for (StatusEntry e : entries) {
      number++;
      if (!numbered) {
        int g = StatusRenderer.group(e);
        if (g == 0) {
          anyIncoming = true;
        } else if (g != previous && anyIncoming) {
          if (lineLength(k) != 0) {
            throw StatusParseException.at(doc(), k, 0, "expected a blank line between rule groups");
          }
          k++;
        }
        previous = g;
      }
      if (lineLength(k) == 0) {
        throw StatusParseException.at(doc(), k, 0, "unexpected blank line");
      }
      sb.setLength(0);
      StatusRenderer.appendEntry(sb, e, form, number);
      sb.setLength(sb.length() - 1);
      if (!lineEquals(k, sb)) {
        String line = text(k);
        throw StatusParseException.at(
            doc(), k, firstDifference(line, sb), "not in ufw's layout: expected '" + sb + "'");
      }
      k++;
    }
    if (k != size - 1) {
      throw StatusParseException.at(doc(), k, 0, "unexpected blank line");
    }
  }

  private StatusHeader parseHeader(int i) {
    if (i + 2 >= size) {
      throw StatusParseException.at(
          doc(), size - 1, 0, "expected 'Logging:', 'Default:' and 'New profiles:' lines");
    }
    String log = text(i).substring("Logging: ".length());
    StatusLogging logging =
        StatusLogging.fromText(log)
            .orElseThrow(
                () ->
                    StatusParseException.at(
                        doc(), i, "Logging: ".length(), "unknown logging '" + log + "'"));
    Matcher d = DEFAULTS.matcher(text(i + 1));
    if (!d.matches()) {
      throw StatusParseException.at(
          doc(), i + 1, 0, "expected 'Default: P (incoming), P (outgoing), P (routed)'");
    }
    String np = text(i + 2);
    if (!np.startsWith("New profiles: ")) {
      throw StatusParseException.at(doc(), i + 2, 0, "expected 'New profiles: POLICY'");
    }
    try {
      return StatusHeader.builder()
          .logging(logging)
          .incoming(policy(i + 1, d.group(1)))
          .outgoing(policy(i + 1, d.group(2)))
          .routed(
              d.group(3).equals(AbstractStatusHeader.DISABLED)
                  ? Optional.empty()
                  : Optional.of(policy(i + 1, d.group(3))))
          .newProfiles(policy(i + 2, np.substring("New profiles: ".length())))
          .build();
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc(), i + 1, 0, e.getMessage());
    }
  }

  private UfwPolicy policy(int lineIndex, String word) {
    return UfwPolicy.fromWord(word)
        .orElseThrow(
            () -> StatusParseException.at(doc(), lineIndex, 0, "unknown policy '" + word + "'"));
  }

  /**
   * One rule line, read in place in the text (positions are the text's; columns in errors are the
   * line's): no string for the line itself, only for the cells the entry keeps.
   */
  private StatusEntry parseEntry(int lineIndex, StatusForm form) {
    boolean numbered = form == StatusForm.NUMBERED;
    String line = text;
    int b = starts[lineIndex];
    int e = b + lineLength(lineIndex);
    int off = b;
    if (numbered) {
      int close = indexOf(line, "] ", b, e);
      int digits = line.startsWith("[ ", b) ? 2 : 1;
      if (e == b
          || line.charAt(b) != '['
          || close < 0
          || close - b < digits + 1
          || close - b - digits > 9
          || !allDigits(line, b + digits, close)) {
        throw StatusParseException.at(doc(), lineIndex, 0, "expected '[ N] ' before a rule");
      }
      // the number itself is checked by the layout comparison (entries are numbered 1, 2, ...)
      off = close + 2;
    }
    int q = findAction(line, off, e);
    if (q < 0) {
      throw StatusParseException.at(
          doc(),
          lineIndex,
          Math.min(e, off + StatusRenderer.CELL + 1) - b,
          "expected 'To' then an action (ALLOW, DENY, REJECT, LIMIT) in a 12-character column");
    }
    int toEnd = trimEnd(line, off, q - 1);
    UfwAction action = UfwAction.ALLOW;
    int wordEnd = q;
    for (int a = 0; a < ACTIONS.length; a++) {
      if (line.startsWith(ACTIONS[a], q)) {
        action = ACTION_VALUES[a];
        wordEnd = q + ACTIONS[a].length();
        break;
      }
    }
    String directionWord = "";
    if (line.charAt(wordEnd) == ' ') {
      for (String d : DIRECTIONS) {
        if (line.startsWith(d, wordEnd + 1)) {
          directionWord = d;
          break;
        }
      }
    }
    int srcStart = q + StatusRenderer.ACTION;
    @Nullable String comment = null;
    int headEnd = e;
    int hash = indexOf(line, '#', srcStart, e);
    if (hash >= 0) {
      if (hash == srcStart
          || line.charAt(hash - 1) != ' '
          || hash + 1 >= e
          || line.charAt(hash + 1) != ' ') {
        throw StatusParseException.at(
            doc(), lineIndex, hash - b, "expected ' # ' before a comment");
      }
      comment = comment(hash + 2, e);
      headEnd = hash - 1;
    }
    UfwLogType logType = UfwLogType.NONE;
    boolean out = false;
    int srcEnd = -1;
    if (headEnd > srcStart && line.charAt(headEnd - 1) == ')') {
      for (String attribute : ATTRIBUTES) {
        int at = headEnd - attribute.length();
        if (at > srcStart && line.startsWith(attribute, at) && fitsCell(line, srcStart, at)) {
          srcEnd = at;
          out = attribute.contains("out");
          logType =
              attribute.contains("log-all")
                  ? UfwLogType.LOG_ALL
                  : attribute.contains("log") ? UfwLogType.LOG : UfwLogType.NONE;
          break;
        }
      }
    }
    if (srcEnd < 0) {
      if (!fitsCell(line, srcStart, headEnd)) {
        throw StatusParseException.at(
            doc(),
            lineIndex,
            srcStart - b,
            "expected 'From' padded to " + StatusRenderer.CELL + " characters");
      }
      srcEnd = headEnd;
    }
    int srcTrimmed = trimEnd(line, srcStart, srcEnd);
    // FWD: a route rule, whose direction only the numbered form shows (as "out" in the
    // attributes); anything the line's words leave open is settled by the layout comparison
    boolean route = directionWord.equals("FWD");
    Optional<UfwDirection> direction;
    if (route) {
      direction = numbered ? (out ? OUT : IN) : Optional.empty();
    } else {
      direction = directionWord.equals("OUT") ? OUT : IN;
    }
    try {
      return entry
          .to(cell(off, toEnd))
          .action(action)
          .route(route)
          .direction(direction)
          .from(cell(srcStart, srcTrimmed))
          .logType(logType)
          .comment(Optional.ofNullable(comment))
          .build();
    } catch (IllegalArgumentException x) {
      throw StatusParseException.at(doc(), lineIndex, off - b, x.getMessage());
    }
  }

  /** The cell {@code text[from, to)}: the one read last with that text, else a new one. */
  private StatusLocation cell(int from, int to) {
    int slot = slot(StatusLocation.hash(text, from, to));
    StatusLocation c = cells[slot];
    if (c == null || !c.textEquals(text, from, to)) {
      c = StatusLocation.of(text, from, to);
      cells[slot] = c;
    }
    return c;
  }

  /** The comment {@code text[from, to)}: the one read last with that text, else a new string. */
  private String comment(int from, int to) {
    int slot = slot(StatusLocation.hash(text, from, to));
    String c = comments[slot];
    if (c == null || c.length() != to - from || !text.startsWith(c, from)) {
      c = text.substring(from, to);
      comments[slot] = c;
    }
    return c;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (CACHE_SIZE - 1);
  }

  private static final Optional<UfwDirection> IN = Optional.of(UfwDirection.IN);
  private static final Optional<UfwDirection> OUT = Optional.of(UfwDirection.OUT);

  /** The first {@code c} in [from, to) of {@code s}, or -1. */
  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code w} wholly in [from, to) of {@code s}, or -1. */
  private static int indexOf(String s, String w, int from, int to) {
    for (int i = from; i + w.length() <= to; i++) {
      if (s.startsWith(w, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code s} holds only ASCII digits in [from, to). */
  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int trimEnd(String s, int from, int to) {
    int end = to;
    while (end > from && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  /** A padded cell in [from, to): exactly 26 chars with text first, or longer and unpadded. */
  private static boolean fitsCell(String s, int from, int to) {
    int len = to - from;
    if (len < StatusRenderer.CELL || s.charAt(from) == ' ') {
      return false;
    }
    return len == StatusRenderer.CELL || s.charAt(to - 1) != ' ';
  }

  /**
   * Index of the action cell after a {@code To} cell starting at {@code off} (before {@code end}),
   * or -1.
   */
  private static int findAction(String line, int off, int end) {
    int min = off + StatusRenderer.CELL + 1;
    for (int q = min; q + StatusRenderer.ACTION <= end; q++) {
      if (line.charAt(q - 1) != ' ' || actionCellEnd(line, q) < 0) {
        continue;
      }
      if (fitsCell(line, off, q - 1)) {
        return q;
      }
    }
    return -1;
  }

  /**
   * If a 12-character action cell ({@code ACTION[ DIR]} padded with spaces) starts at {@code q},
   * the index where its words end, else -1.
   */
  static int actionCellEnd(String line, int q) {
    int end = q + StatusRenderer.ACTION;
    int i = matchWord(line, q, ACTIONS);
    if (i < 0) {
      return -1;
    }
    if (i < end && line.charAt(i) == ' ') {
      int j = matchWord(line, i + 1, DIRECTIONS);
      if (j >= 0 && j <= end) {
        i = j;
      }
    }
    int words = i;
    for (; i < end; i++) {
      if (line.charAt(i) != ' ') {
        return -1;
      }
    }
    return words;
  }

  private static final String[] ACTIONS = {"ALLOW", "DENY", "REJECT", "LIMIT"};
  private static final UfwAction[] ACTION_VALUES = {
    UfwAction.ALLOW, UfwAction.DENY, UfwAction.REJECT, UfwAction.LIMIT
  };
  private static final String[] DIRECTIONS = {"IN", "OUT", "FWD"};

  private static int matchWord(String line, int at, String[] words) {
    for (String w : words) {
      if (line.startsWith(w, at)) {
        return at + w.length();
      }
    }
    return -1;
  }

  private UfwAddedRules parseAdded() {
    if (size == 2 && text(1).equals(UfwAddedRules.NONE)) {
      return UfwAddedRules.builder().sourceName(sourceName).build();
    }
    List<String> commands = new ArrayList<>(size);
    for (int i = 1; i < size; i++) {
      String line = text(i);
      if (!line.startsWith("ufw ")) {
        throw StatusParseException.at(doc(), i, 0, "expected 'ufw COMMAND' or '(None)'");
      }
      int cr = line.indexOf('\r');
      if (cr >= 0) {
        // ufw prints one command a line; found by fuzzing (was an IllegalArgumentException)
        throw StatusParseException.at(doc(), i, cr, "carriage return inside a command line");
      }
      commands.add(line.substring(4));
    }
    if (commands.isEmpty()) {
      throw StatusParseException.at(doc(), 0, text(0).length(), "expected rules or '(None)'");
    }
    return UfwAddedRules.builder().sourceName(sourceName).commands(commands).build();
  }

  private void expectText(int i, String expected) {
    if (i >= size) {
      int last = size - 1;
      throw StatusParseException.at(
          doc(), last, text(last).length(), "expected '" + expected + "' after this line");
    }
    if (!text(i).equals(expected)) {
      throw StatusParseException.at(
          doc(), i, firstDifference(text(i), expected), "expected '" + expected + "'");
    }
  }

  private void expectEnd(int i) {
    if (i < size) {
      throw StatusParseException.at(doc(), i, 0, "unexpected text after '" + text(0) + "'");
    }
  }

  private static int firstDifference(CharSequence a, CharSequence b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }
}
