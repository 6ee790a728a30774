package dev.hostguard.fail2ban.gen;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of fail2ban option names, values and section names, drawn rather than
 * picked: names and values from wide character sets (printable ASCII with {@code %}, {@code <},
 * {@code #}, {@code ;} and the rest, Latin-1, Greek, CJK, emoji) with inner blanks, {@code %(ref)s}
 * interpolations, {@code <tags>}, and sometimes several lines (an empty line among them). Most are
 * what fail2ban's ini reads back as written; about one in twenty is drawn to be awkward (a blank at
 * an end, {@code " ;"}, a carriage return, a {@code #} continuation line, a delimiter in a name),
 * which edits refuse, and laws count what they kept.
 *
 * <pre>{@code
 * qt().forAll(IniValueGens.sections(), IniValueGens.names(), IniValueGens.values())
 *     .checkAssert((s, k, v) -> doc.withOption(s, k, v));
 * }</pre>
 */
public final class IniValueGens {
  private static final List<String> KNOWN =
      List.of("port", "bantime", "findtime", "maxretry", "logpath", "action", "filter", "enabled");
  private static final List<String> SECTIONS =
      List.of("DEFAULT", "sshd", "Definition", "Init", "recidive", "nginx-http-auth");
  private static final List<String> AWKWARD_NAMES =
      List.of(" port", "port ", "a=b", "x:y", "[x", "#x", ";x", "", "a\nb", "k\u00a0");
  private static final List<String> AWKWARD_LINES =
      List.of("a ;c", ";c", "trailing ", " leading", "a\rb", "x\u00a0", "a\t;b");

  /** Code point ranges names and values draw from; none holds a Python whitespace character. */
  private static final int[][] WIDE = {
    {0x21, 0x7e}, {0xa1, 0xff}, {0x391, 0x3c9}, {0x4e00, 0x4fff}, {0x1f600, 0x1f64f}
  };

  private IniValueGens() {}

  /** Option names: fail2ban's own, drawn from wide character sets, or (rarely) awkward. */
  public static Gen<String> names() {
    return in -> {
      int kind = n(in, 10);
      if (kind < 2) {
        return KNOWN.get(n(in, KNOWN.size()));
      }
      if (kind == 2 && n(in, 4) == 0) {
        return AWKWARD_NAMES.get(n(in, AWKWARD_NAMES.size()));
      }
      return drawnName(in);
    };
  }

  /** Section names: fail2ban's usual ones, jail-like names, or drawn from wide character sets. */
  public static Gen<String> sections() {
    return in ->
        switch (n(in, 4)) {
          case 0 -> SECTIONS.get(n(in, SECTIONS.size()));
          case 1 -> "jail-" + n(in, 100);
          default -> drawnSection(in);
        };
  }

  /** Values of one to three lines, about one in twenty awkward. */
  public static Gen<String> values() {
    return in -> {
      String value = drawnValue(in);
      if (n(in, 20) != 0) {
        return value;
      }
      return switch (n(in, 3)) {
        case 0 -> AWKWARD_LINES.get(n(in, AWKWARD_LINES.size()));
        case 1 -> value + "\n"; // ends with an empty line
        default -> value + "\n# " + drawnLine(in); // a comment-like continuation line
      };
    };
  }

  /** A name fail2ban reads as written: no delimiter, no blank at an end, no leading comment. */
  static String drawnName(RandomnessSource in) {
    StringBuilder sb = new StringBuilder();
    int len = 1 + n(in, 20);
    for (int i = 0; i < len; i++) {
      int c = wide(in);
      if (c == '=' || c == ':' || (i == 0 && (c == '[' || c == '#' || c == ';'))) {
        c = 'k';
      }
      if (i > 0 && i < len - 1 && c != ';' && n(in, 12) == 0) {
        sb.append(' ');
      }
      sb.appendCodePoint(c);
    }
    return sb.toString();
  }

  /** A section name a header can hold: no {@code ]}, no blank at an end. */
  static String drawnSection(RandomnessSource in) {
    StringBuilder sb = new StringBuilder();
    int len = 1 + n(in, 16);
    for (int i = 0; i < len; i++) {
      int c = wide(in);
      sb.appendCodePoint(c == ']' ? '_' : c);
    }
    return sb.toString();
  }

  /** A value fail2ban reads back as written, of one to three lines. */
  static String drawnValue(RandomnessSource in) {
    StringBuilder sb = new StringBuilder(n(in, 12) == 0 ? "" : drawnLine(in));
    if (n(in, 4) == 0) {
      int more = 1 + n(in, 2);
      for (int i = 0; i < more; i++) {
        sb.append('\n');
        if (i < more - 1 && n(in, 6) == 0) {
          continue; // an empty line inside the value
        }
        String line = drawnLine(in);
        sb.append(line.startsWith("#") ? "x" + line : line);
      }
    }
    return sb.toString();
  }

  /** One value line: no blank at an end, no {@code ;} after a blank, not starting with it. */
  static String drawnLine(RandomnessSource in) {
    return switch (n(in, 8)) {
      case 0 -> "%(" + KNOWN.get(n(in, KNOWN.size())) + ")s";
      case 1 -> "<" + KNOWN.get(n(in, KNOWN.size())) + ">";
      case 2 -> String.valueOf(n(in, 100000));
      default -> {
        StringBuilder sb = new StringBuilder();
        int len = 1 + n(in, 30);
        for (int i = 0; i < len; i++) {
          int c = wide(in);
          if (c == ';' && (i == 0 || sb.charAt(sb.length() - 1) == ' ')) {
            c = ',';
          }
          if (i > 0 && i < len - 1 && n(in, 6) == 0) {
            sb.append(n(in, 4) == 0 ? '\t' : ' ');
            if (c == ';') {
              c = ',';
            }
          }
          sb.appendCodePoint(c);
        }
        yield sb.toString();
      }
    };
  }

  private static int wide(RandomnessSource in) {
    int[] r = WIDE[n(in, 3) == 0 ? n(in, WIDE.length) : 0];
    return (int) in.next(Constraint.between(r[0], r[1]));
  }

  static int n(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }
}
