package dev.hostguard.core.internal;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LineTerminator;

/**
 * The lines Python 3 reads from a file opened in text mode ({@code open(fn, 'r')}, universal
 * newlines): LF, CRLF and a lone CR each end a line, so one line of a {@link LineDocument} (which
 * ends lines at LF and CRLF only) may hold several. ufw reads {@code user.rules}, {@code ufw.conf},
 * {@code /etc/default/ufw} and {@code applications.d} this way. Not API.
 *
 * <pre>{@code
 * UniversalNewlines.lines(LineDocument.parse("f", "a\rb\n")); // [(0, 0, "a"), (0, 2, "b")]
 * UniversalNewlines.holdsLoneCarriageReturn(doc, 0);         // true
 * }</pre>
 */
public final class UniversalNewlines {
  private UniversalNewlines() {}

  /**
   * One line as Python reads it, without its line end.
   *
   * @param lineIndex the 0-based line of the document holding it
   * @param column where it starts in that line's text
   * @param text the line's text, without CR or LF
   */
  public record Line(int lineIndex, int column, String text) {}

  /** Every line Python's text mode reads from {@code doc}, in order. */
  public static ImmutableList<Line> lines(LineDocument doc) {
    ImmutableList.Builder<Line> out = ImmutableList.builder();
    for (int i = 0; i < doc.size(); i++) {
      String physical = doc.text(i);
      if (physical.indexOf('\r') < 0) {
        out.add(new Line(i, 0, physical));
        continue;
      }
      int from = 0;
      while (from <= physical.length()) {
        int cr = physical.indexOf('\r', from);
        int to = cr < 0 ? physical.length() : cr;
        out.add(new Line(i, from, physical.substring(from, to)));
        from = cr < 0 ? physical.length() + 1 : cr + 1;
        if (cr >= 0
            && from == physical.length()
            && doc.line(i).terminator() == LineTerminator.NONE) {
          break; // a CR that ends the file ends this line; no empty line follows it
        }
      }
    }
    return out.build();
  }

  /**
   * Whether line {@code lineIndex} of {@code doc} holds a lone CR, so that Python reads it as more
   * than one line (or as a line ended by CR): rewriting it as one line would change what Python
   * reads from the rest of it.
   */
  public static boolean holdsLoneCarriageReturn(LineDocument doc, int lineIndex) {
    return doc.text(lineIndex).indexOf('\r') >= 0;
  }
}
