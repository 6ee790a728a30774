package dev.hostguard.fail2ban.gen;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of fail2ban option names, values and section names, drawn rather than
 * picked: names of fail2ban's usual alphabet with dots, dashes and non-ASCII letters; values with
 * blanks, {@code %(ref)s} interpolations, {@code <tags>}, {@code #} and {@code ;}, wide characters,
 * and sometimes several lines (an empty line or a {@code #} line among them). Some values cannot be
 * written so that fail2ban reads them back; edits refuse those, and laws count what they kept.
 *
 * <pre>{@code
 * qt().forAll(IniValueGens.sections(), IniValueGens.names(), IniValueGens.values())
 *     .checkAssert((s, k, v) -> doc.withOption(s, k, v));
 * }</pre>
 */
public final class IniValueGens {
  private static final String NAME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
  private static final List<String> KNOWN =
      List.of("port", "bantime", "findtime", "maxretry", "logpath", "action", "filter", "enabled");
  private static final List<String> SECTIONS =
      List.of("DEFAULT", "sshd", "Definition", "Init", "recidive", "nginx-http-auth");
  private static final int[][] TEXT = {
    {0x20, 0x7e}, {0xa0, 0xff}, {0x391, 0x3c9}, {0x4e00, 0x4fff}, {0x1f600, 0x1f64f}
  };

  private IniValueGens() {}

  /** Option names: fail2ban's own or drawn. */
  public static Gen<String> names() {
    return in -> {
      if (n(in, 3) == 0) {
        return KNOWN.get(n(in, KNOWN.size()));
      }
      StringBuilder sb = new StringBuilder();
      int len = 1 + n(in, 16);
      for (int i = 0; i < len; i++) {
        if (n(in, 15) == 0) {
          sb.appendCodePoint(0xe0 + n(in, 0x1f));
        } else {
          sb.append(NAME_CHARS.charAt(n(in, i == 0 ? 52 : NAME_CHARS.length())));
        }
      }
      return sb.toString();
    };
  }

  /** Section names: fail2ban's usual ones or drawn jail-like names. */
  public static Gen<String> sections() {
    return in -> n(in, 2) == 0 ? SECTIONS.get(n(in, SECTIONS.size())) : "jail-" + n(in, 100);
  }

  /** Values of one to three lines. */
  public static Gen<String> values() {
    return in -> {
      StringBuilder sb = new StringBuilder(line(in));
      if (n(in, 6) == 0) {
        int more = 1 + n(in, 2);
        for (int i = 0; i < more; i++) {
          sb.append('\n');
          switch (n(in, 8)) {
            case 0 -> sb.append("");
            case 1 -> sb.append("# ").append(line(in));
            default -> sb.append(line(in));
          }
        }
      }
      return sb.toString();
    };
  }

  private static String line(RandomnessSource in) {
    switch (n(in, 6)) {
      case 0:
        return "%(" + KNOWN.get(n(in, KNOWN.size())) + ")s";
      case 1:
        return "<" + KNOWN.get(n(in, KNOWN.size())) + ">";
      case 2:
        return String.valueOf(n(in, 100000));
      default:
        StringBuilder sb = new StringBuilder();
        int len = 1 + n(in, 25);
        for (int i = 0; i < len; i++) {
          int[] r = TEXT[n(in, 3) == 0 ? n(in, TEXT.length) : 0];
          sb.appendCodePoint((int) in.next(Constraint.between(r[0], r[1])));
        }
        return sb.toString().strip();
    }
  }

  private static int n(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }
}
