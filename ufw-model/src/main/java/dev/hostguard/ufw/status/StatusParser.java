package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LineTerminator;
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
  private static final Pattern NUMBER = Pattern.compile("^\\[ ?([0-9]{1,9})\\] ");
  private static final Pattern ACTION_CELL =
      Pattern.compile("^(ALLOW|DENY|REJECT|LIMIT)(?: (IN|OUT|FWD))? *$");
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

  static UfwStatusOutput parse(String sourceName, String text) {
    LineDocument doc = LineDocument.parse(sourceName, text);
    UfwStatusOutput out = new StatusParser(doc).parseDocument();
    String rendered = out.render();
    if (!rendered.equals(text)) {
      throw new StatusParser(doc).layoutError(rendered);
    }
    return out;
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
      return UfwStatus.inactive();
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
      return UfwStatus.of(
          header.isPresent() ? StatusForm.VERBOSE : StatusForm.PLAIN, header, ImmutableList.of());
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
    for (; i < last; i++) {
      String line = doc.text(i);
      if (line.isEmpty() && !numbered) {
        continue; // group separator: placement checked by the final render comparison
      }
      entries.add(parseEntry(i, line, numbered));
    }
    StatusForm form =
        header.isPresent() ? StatusForm.VERBOSE : numbered ? StatusForm.NUMBERED : StatusForm.PLAIN;
    try {
      return UfwStatus.of(form, header, entries);
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc, last, 0, e.getMessage());
    }
  }

  private StatusHeader parseHeader(int i) {
    if (i + 2 >= doc.size()) {
      throw StatusParseException.at(
          doc, doc.size() - 1, 0, "expected 'Logging:', 'Default:' and 'New profiles:' lines");
    }
    StatusLogging logging;
    String log = doc.text(i).substring("Logging: ".length());
    try {
      logging = StatusLogging.fromText(log);
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc, i, "Logging: ".length(), "unknown logging '" + log + "'");
    }
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
      return new StatusHeader(
          logging,
          StatusPolicy.fromWord(d.group(1)),
          StatusPolicy.fromWord(d.group(2)),
          StatusPolicy.fromWord(d.group(3)),
          StatusPolicy.fromWord(np.substring("New profiles: ".length())));
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc, i + 1, 0, e.getMessage());
    }
  }

  private StatusEntry parseEntry(int lineIndex, String line, boolean numbered) {
    int number = 0;
    int off = 0;
    if (numbered) {
      Matcher m = NUMBER.matcher(line);
      if (!m.find()) {
        throw StatusParseException.at(doc, lineIndex, 0, "expected '[ N] ' before a rule");
      }
      number = Integer.parseInt(m.group(1));
      off = m.end();
    }
    int q = findAction(line, off);
    if (q < 0) {
      throw StatusParseException.at(
          doc,
          lineIndex,
          Math.min(line.length(), off + StatusRenderer.CELL + 1),
          "expected 'To' then an action (ALLOW, DENY, REJECT, LIMIT) in a 12-character column");
    }
    String to = line.substring(off, q - 1).stripTrailing();
    Matcher a = ACTION_CELL.matcher(line.substring(q, q + StatusRenderer.ACTION));
    if (!a.matches()) {
      throw new AssertionError("findAction checked the action cell");
    }
    StatusAction action = StatusAction.valueOf(a.group(1));
    StatusDirection direction =
        a.group(2) == null ? StatusDirection.NONE : StatusDirection.valueOf(a.group(2));
    int srcStart = q + StatusRenderer.ACTION;
    String rest = line.substring(srcStart);
    Optional<String> comment = Optional.empty();
    String head = rest;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      if (hash == 0
          || rest.charAt(hash - 1) != ' '
          || hash + 1 >= rest.length()
          || rest.charAt(hash + 1) != ' ') {
        throw StatusParseException.at(
            doc, lineIndex, srcStart + hash, "expected ' # ' before a comment");
      }
      comment = Optional.of(rest.substring(hash + 2));
      head = rest.substring(0, hash - 1);
    }
    StatusLogType logType = StatusLogType.NONE;
    boolean out = false;
    String src = null;
    for (String attribute : ATTRIBUTES) {
      if (head.endsWith(attribute)) {
        String s = head.substring(0, head.length() - attribute.length());
        if (fitsCell(s)) {
          src = s;
          out = attribute.contains("out");
          logType =
              attribute.contains("log-all")
                  ? StatusLogType.LOG_ALL
                  : attribute.contains("log") ? StatusLogType.LOG : StatusLogType.NONE;
          break;
        }
      }
    }
    if (src == null) {
      if (!fitsCell(head)) {
        throw StatusParseException.at(
            doc,
            lineIndex,
            srcStart,
            "expected 'From' padded to " + StatusRenderer.CELL + " characters");
      }
      src = head;
    }
    src = src.stripTrailing();
    try {
      return new StatusEntry(
          number,
          StatusLocation.parse(to),
          action,
          direction,
          StatusLocation.parse(src),
          logType,
          out,
          comment);
    } catch (IllegalArgumentException e) {
      throw StatusParseException.at(doc, lineIndex, off, e.getMessage());
    }
  }

  /** A padded cell: exactly 26 chars with text first, or longer with no padding at all. */
  private static boolean fitsCell(String s) {
    if (s.length() < StatusRenderer.CELL || s.isBlank() || s.charAt(0) == ' ') {
      return false;
    }
    return s.length() == StatusRenderer.CELL || s.charAt(s.length() - 1) != ' ';
  }

  /** Index of the action cell after a {@code To} cell starting at {@code off}, or -1. */
  private static int findAction(String line, int off) {
    int min = off + StatusRenderer.CELL + 1;
    for (int q = min; q + StatusRenderer.ACTION <= line.length(); q++) {
      if (line.charAt(q - 1) != ' ') {
        continue;
      }
      if (!ACTION_CELL.matcher(line.substring(q, q + StatusRenderer.ACTION)).matches()) {
        continue;
      }
      String to = line.substring(off, q - 1);
      if (q == min ? fitsCell(to) : fitsCell(to) && !to.endsWith(" ")) {
        return q;
      }
    }
    return -1;
  }

  private UfwAddedRules parseAdded() {
    if (doc.size() == 2 && doc.text(1).equals(UfwAddedRules.NONE)) {
      return UfwAddedRules.of(ImmutableList.of());
    }
    List<String> commands = new ArrayList<>(doc.size());
    for (int i = 1; i < doc.size(); i++) {
      String line = doc.text(i);
      if (!line.startsWith("ufw ")) {
        throw StatusParseException.at(doc, i, 0, "expected 'ufw COMMAND' or '(None)'");
      }
      commands.add(line.substring(4));
    }
    if (commands.isEmpty()) {
      throw StatusParseException.at(doc, 0, doc.text(0).length(), "expected rules or '(None)'");
    }
    return UfwAddedRules.of(commands);
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

  private StatusParseException layoutError(String rendered) {
    LineDocument want = LineDocument.parse(doc.sourceName(), rendered);
    int n = Math.min(want.size(), doc.size());
    for (int i = 0; i < n; i++) {
      if (!want.text(i).equals(doc.text(i))) {
        String reason =
            want.text(i).isEmpty()
                ? "expected a blank line between rule groups"
                : doc.text(i).isEmpty()
                    ? "unexpected blank line"
                    : "not in ufw's layout: expected '" + want.text(i) + "'";
        return StatusParseException.at(doc, i, firstDifference(doc.text(i), want.text(i)), reason);
      }
    }
    int at = Math.min(n, doc.size() - 1);
    return StatusParseException.at(
        doc,
        Math.max(at, 0),
        0,
        want.size() > doc.size() ? "output ends early" : "unexpected line");
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }
}
