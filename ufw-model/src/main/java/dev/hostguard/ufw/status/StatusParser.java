package dev.hostguard.ufw.status;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LineTerminator;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private final LineDocument doc;

  private StatusParser(LineDocument doc) {
    this.doc = doc;
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
    LineDocument doc = LineDocument.parse(sourceName, text);
    return new StatusParser(doc).parseDocument();
  }

  private UfwStatusOutput parseDocument() {
    if (doc.size() == 0) {
      throw StatusParseException.at(
          doc,
          0,
          0,
          "empty input: expected 'Status: active', 'Status: inactive' or 'Added user rules'");
    }
    for (int i = 0; i < doc.size(); i++) {
      if (doc.line(i).terminator() != LineTerminator.LF) {
        throw StatusParseException.at(
            doc,
            i,
            doc.text(i).length(),
            doc.line(i).terminator() == LineTerminator.NONE
                ? "missing newline at end of output"
                : "carriage return before newline");
      }
    }
    String first = doc.text(0);
    if (first.equals(StatusRenderer.INACTIVE)) {
      expectEnd(1);
      return UfwStatus.builder().sourceName(doc.sourceName()).form(StatusForm.INACTIVE).build();
    }
    if (first.equals(UfwAddedRules.HEADER)) {
      return parseAdded();
    }
    if (!first.equals(StatusRenderer.ACTIVE)) {
      throw StatusParseException.at(
          doc,
          0,
          0,
          "expected 'Status: active', 'Status: inactive' or '" + UfwAddedRules.HEADER + "'");
    }
    int i = 1;
    Optional<StatusHeader> header = Optional.empty();
    if (i < doc.size() && doc.text(i).startsWith("Logging: ")) {
      header = Optional.of(parseHeader(i));
      i += 3;
    }
    if (i == doc.size()) {
      return UfwStatus.builder()
          .sourceName(doc.sourceName())
          .form(header.isPresent() ? StatusForm.VERBOSE : StatusForm.PLAIN)
          .header(header)
          .build();
    }
    expectText(i, "");
    i++;
    boolean numbered =
        i < doc.size() && doc.text(i).startsWith(StatusRenderer.NUMBER_INDENT + "To");
    if (numbered && header.isPresent()) {
      throw StatusParseException.at(doc, i, 0, "a verbose status has no numbered rule list");
    }
    String indent = numbered ? StatusRenderer.NUMBER_INDENT : "";
    expectText(i++, indent + StatusRenderer.COLUMNS);
    expectText(i++, indent + StatusRenderer.RULERS);
    int last = doc.size() - 1;
    if (i > last || !doc.text(last).isEmpty() || last == i) {
      throw StatusParseException.at(
          doc, last, doc.text(last).length(), "expected rule lines and a final blank line");
    }
    List<StatusEntry> entries = new ArrayList<>(last - i);
    int firstEntryLine = i;
    StatusForm form =
        header.isPresent() ? StatusForm.VERBOSE : numbered ? StatusForm.NUMBERED : StatusForm.PLAIN;
    for (; i < last; i++) {
      String line = doc.text(i);
      if (line.isEmpty() && !numbered) {
        continue; // group separator: placement checked by the final render comparison
      }
      entries.add(parseEntry(i, line, form));
    }
    checkLayout(firstEntryLine, entries, form);
    try {
      return UfwStatus.builder()
          .sourceName(doc.sourceName())
          .form(form)
          .header(header)
          .entries(entries)
          .build();
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc, last, 0, e.getMessage());
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
          if (!doc.text(k).isEmpty()) {
            throw StatusParseException.at(doc, k, 0, "expected a blank line between rule groups");
          }
          k++;
        }
        previous = g;
      }
      if (doc.text(k).isEmpty()) {
        throw StatusParseException.at(doc, k, 0, "unexpected blank line");
      }
      sb.setLength(0);
      StatusRenderer.appendEntry(sb, e, form, number);
      sb.setLength(sb.length() - 1);
      String line = doc.text(k);
      if (!line.contentEquals(sb)) {
        throw StatusParseException.at(
            doc, k, firstDifference(line, sb), "not in ufw's layout: expected '" + sb + "'");
      }
      k++;
    }
    if (k != doc.size() - 1) {
      throw StatusParseException.at(doc, k, 0, "unexpected blank line");
    }
  }

  private StatusHeader parseHeader(int i) {
    if (i + 2 >= doc.size()) {
      throw StatusParseException.at(
          doc, doc.size() - 1, 0, "expected 'Logging:', 'Default:' and 'New profiles:' lines");
    }
    String log = doc.text(i).substring("Logging: ".length());
    StatusLogging logging =
        StatusLogging.fromText(log)
            .orElseThrow(
                () ->
                    StatusParseException.at(
                        doc, i, "Logging: ".length(), "unknown logging '" + log + "'"));
    Matcher d = DEFAULTS.matcher(doc.text(i + 1));
    if (!d.matches()) {
      throw StatusParseException.at(
          doc, i + 1, 0, "expected 'Default: P (incoming), P (outgoing), P (routed)'");
    }
    String np = doc.text(i + 2);
    if (!np.startsWith("New profiles: ")) {
      throw StatusParseException.at(doc, i + 2, 0, "expected 'New profiles: POLICY'");
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
      throw StatusParseException.at(doc, i + 1, 0, e.getMessage());
    }
  }

  private UfwPolicy policy(int lineIndex, String word) {
    return UfwPolicy.fromWord(word)
        .orElseThrow(
            () -> StatusParseException.at(doc, lineIndex, 0, "unknown policy '" + word + "'"));
  }

  private StatusEntry parseEntry(int lineIndex, String line, StatusForm form) {
    boolean numbered = form == StatusForm.NUMBERED;
    int off = 0;
    if (numbered) {
      int close = line.indexOf("] ");
      int digits = line.startsWith("[ ") ? 2 : 1;
      if (!line.startsWith("[")
          || close < digits + 1
          || close - digits > 9
          || !line.substring(digits, close).chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw StatusParseException.at(doc, lineIndex, 0, "expected '[ N] ' before a rule");
      }
      // the number itself is checked by the layout comparison (entries are numbered 1, 2, ...)
      off = close + 2;
    }
    int q = findAction(line, off);
    if (q < 0) {
      throw StatusParseException.at(
          doc,
          lineIndex,
          Math.min(line.length(), off + StatusRenderer.CELL + 1),
          "expected 'To' then an action (ALLOW, DENY, REJECT, LIMIT) in a 12-character column");
    }
    String to = line.substring(off, trimEnd(line, off, q - 1));
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
    Optional<String> comment = Optional.empty();
    int headEnd = line.length();
    int hash = line.indexOf('#', srcStart);
    if (hash >= 0) {
      if (hash == srcStart
          || line.charAt(hash - 1) != ' '
          || hash + 1 >= line.length()
          || line.charAt(hash + 1) != ' ') {
        throw StatusParseException.at(doc, lineIndex, hash, "expected ' # ' before a comment");
      }
      comment = Optional.of(line.substring(hash + 2));
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
            doc,
            lineIndex,
            srcStart,
            "expected 'From' padded to " + StatusRenderer.CELL + " characters");
      }
      srcEnd = headEnd;
    }
    String src = line.substring(srcStart, trimEnd(line, srcStart, srcEnd));
    // FWD: a route rule, whose direction only the numbered form shows (as "out" in the
    // attributes); anything the line's words leave open is settled by the layout comparison
    boolean route = directionWord.equals("FWD");
    Optional<UfwDirection> direction;
    if (route) {
      direction =
          numbered ? Optional.of(out ? UfwDirection.OUT : UfwDirection.IN) : Optional.empty();
    } else {
      direction = Optional.of(directionWord.equals("OUT") ? UfwDirection.OUT : UfwDirection.IN);
    }
    try {
      return StatusEntry.builder()
          .to(StatusLocation.of(to))
          .action(action)
          .route(route)
          .direction(direction)
          .from(StatusLocation.of(src))
          .logType(logType)
          .comment(comment)
          .build();
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc, lineIndex, off, e.getMessage());
    }
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

  /** Index of the action cell after a {@code To} cell starting at {@code off}, or -1. */
  private static int findAction(String line, int off) {
    int min = off + StatusRenderer.CELL + 1;
    for (int q = min; q + StatusRenderer.ACTION <= line.length(); q++) {
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
    if (doc.size() == 2 && doc.text(1).equals(UfwAddedRules.NONE)) {
      return UfwAddedRules.builder().sourceName(doc.sourceName()).build();
    }
    List<String> commands = new ArrayList<>(doc.size());
    for (int i = 1; i < doc.size(); i++) {
      String line = doc.text(i);
      if (!line.startsWith("ufw ")) {
        throw StatusParseException.at(doc, i, 0, "expected 'ufw COMMAND' or '(None)'");
      }
      int cr = line.indexOf('\r');
      if (cr >= 0) {
        // ufw prints one command a line; found by fuzzing (was an IllegalArgumentException)
        throw StatusParseException.at(doc, i, cr, "carriage return inside a command line");
      }
      commands.add(line.substring(4));
    }
    if (commands.isEmpty()) {
      throw StatusParseException.at(doc, 0, doc.text(0).length(), "expected rules or '(None)'");
    }
    return UfwAddedRules.builder().sourceName(doc.sourceName()).commands(commands).build();
  }

  private void expectText(int i, String expected) {
    if (i >= doc.size()) {
      int last = doc.size() - 1;
      throw StatusParseException.at(
          doc, last, doc.text(last).length(), "expected '" + expected + "' after this line");
    }
    if (!doc.text(i).equals(expected)) {
      throw StatusParseException.at(
          doc, i, firstDifference(doc.text(i), expected), "expected '" + expected + "'");
    }
  }

  private void expectEnd(int i) {
    if (i < doc.size()) {
      throw StatusParseException.at(doc, i, 0, "unexpected text after '" + doc.text(0) + "'");
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
