package dev.hostguard.fail2ban.client;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LineTerminator;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code |-} / {@code `-} tree fail2ban-client's beautifier prints for {@code status}: a header
 * line, then either leaves ({@code label:<TAB>value}) or sections holding leaves. Parsed by
 * structure; every marker must be the one fail2ban would print, so rendering gives back the text.
 */
final class StatusTree {
  final LineDocument doc;
  final String header;
  final List<StatusLine> flatLeaves = new ArrayList<>();
  final List<StatusSection> sections = new ArrayList<>();

  private StatusTree(LineDocument doc, String header) {
    this.doc = doc;
    this.header = header;
  }

  /** The lines of a reply: non-empty, LF-terminated, no CR. */
  static LineDocument document(String sourceName, String text) {
    if (text.isEmpty()) {
      throw ParseException.at(sourceName, SourcePosition.of(1, 1, 0), "", "empty output");
    }
    LineDocument doc = LineDocument.parse(sourceName, text);
    for (int i = 0; i < doc.size(); i++) {
      if (doc.line(i).terminator() == LineTerminator.CRLF || doc.text(i).indexOf('\r') >= 0) {
        throw ParseException.inLine(
            doc, i, Math.max(doc.text(i).indexOf('\r'), 0), "unexpected CR");
      }
    }
    int last = doc.size() - 1;
    if (doc.line(last).terminator() == LineTerminator.NONE) {
      throw ParseException.inLine(doc, last, doc.text(last).length(), "missing final newline");
    }
    return doc;
  }

  /** Parses a tree whose header starts with {@code headerPrefix}. */
  static StatusTree parse(String sourceName, String text, String headerPrefix) {
    LineDocument doc = document(sourceName, text);
    String header = doc.text(0);
    if (!header.startsWith(headerPrefix)) {
      throw ParseException.inLine(doc, 0, 0, "expected '" + headerPrefix + "'");
    }
    StatusTree tree = new StatusTree(doc, header);
    int i = 1;
    boolean closed = false;
    while (i < doc.size()) {
      String line = doc.text(i);
      if (closed) {
        throw ParseException.inLine(doc, i, 0, "text after the last branch");
      }
      boolean last = line.startsWith("`- ");
      if (!last && !line.startsWith("|- ")) {
        throw ParseException.inLine(doc, i, 0, "expected '|- ' or '`- '");
      }
      String rest = line.substring(3);
      int tab = rest.indexOf(":\t");
      if (tab >= 0) {
        if (!tree.sections.isEmpty()) {
          throw ParseException.inLine(doc, i, 3, "a leaf after a section");
        }
        tree.flatLeaves.add(leaf(doc, i, 3, rest, tab));
        i++;
      } else {
        if (!tree.flatLeaves.isEmpty()) {
          throw ParseException.inLine(doc, i, 3, "a section after a leaf");
        }
        if (rest.isEmpty()) {
          throw ParseException.inLine(doc, i, 3, "empty section name");
        }
        String indent = last ? "   " : "|  ";
        List<StatusLine> leaves = new ArrayList<>();
        i++;
        boolean sectionClosed = false;
        while (i < doc.size() && doc.text(i).startsWith(indent)) {
          String l = doc.text(i).substring(3);
          if (sectionClosed) {
            throw ParseException.inLine(doc, i, 3, "text after the section's last leaf");
          }
          boolean lastLeaf = l.startsWith("`- ");
          if (!lastLeaf && !l.startsWith("|- ")) {
            throw ParseException.inLine(doc, i, 3, "expected '|- ' or '`- '");
          }
          String body = l.substring(3);
          int t = body.indexOf(":\t");
          if (t < 0) {
            throw ParseException.inLine(doc, i, 6, "expected 'label:<TAB>value'");
          }
          leaves.add(leaf(doc, i, 6, body, t));
          sectionClosed = lastLeaf;
          i++;
        }
        if (!leaves.isEmpty() && !sectionClosed) {
          throw ParseException.inLine(
              doc, Math.min(i, doc.size() - 1), 0, "the section's last leaf must start with '`- '");
        }
        tree.sections.add(new StatusSection(rest, leaves));
      }
      closed = last;
    }
    if (doc.size() > 1 && !closed) {
      throw ParseException.inLine(doc, doc.size() - 1, 0, "the last branch must start with '`- '");
    }
    return tree;
  }

  private static StatusLine leaf(LineDocument doc, int line, int col, String body, int tab) {
    String label = body.substring(0, tab);
    if (label.isEmpty()) {
      throw ParseException.inLine(doc, line, col, "empty label");
    }
    return new StatusLine(label, body.substring(tab + 2));
  }

  void requireFlat() {
    if (!sections.isEmpty()) {
      throw ParseException.inLine(doc, 1, 0, "expected leaves, found sections");
    }
  }

  void requireSize(int n) {
    if (flatLeaves.size() != n) {
      throw ParseException.inLine(
          doc, Math.min(n + 1, doc.size() - 1), 0, "expected " + n + " lines under the header");
    }
  }

  StatusLine leaf(int index, String label) {
    if (index >= flatLeaves.size() || !flatLeaves.get(index).label().equals(label)) {
      throw ParseException.inLine(
          doc, Math.min(index + 1, doc.size() - 1), 0, "expected '" + label + "'");
    }
    return flatLeaves.get(index);
  }

  int intValue(int index, StatusLine line) {
    try {
      return Integer.parseInt(line.value());
    } catch (NumberFormatException e) {
      throw ParseException.inLine(
          doc,
          index + 1,
          3 + line.label().length() + 2,
          "expected a number: '" + line.value() + "'");
    }
  }

  static void renderSections(StringBuilder sb, List<StatusSection> sections) {
    for (int s = 0; s < sections.size(); s++) {
      StatusSection section = sections.get(s);
      boolean last = s == sections.size() - 1;
      sb.append(last ? "`- " : "|- ").append(section.name()).append('\n');
      String indent = last ? "   " : "|  ";
      List<StatusLine> lines = section.lines();
      for (int l = 0; l < lines.size(); l++) {
        sb.append(indent)
            .append(l == lines.size() - 1 ? "`- " : "|- ")
            .append(lines.get(l).label())
            .append(":\t")
            .append(lines.get(l).value())
            .append('\n');
      }
    }
  }
}
