package dev.hostguard.fail2ban.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of texts in fail2ban's ini dialect, nasty on purpose: both separators, continuation
 * lines at several indents, blank and comment lines inside values, {@code ;} and {@code #} in
 * values, Unicode spaces, CR and CRLF line ends, duplicates, text before the first section.
 *
 * <pre>{@code
 * qt().withFixedSeed(7).forAll(IniTexts.texts()).checkAssert(t -> roundTrip(t));
 * }</pre>
 */
public final class IniTexts {
  private IniTexts() {}

  /** Ini texts, each built deterministically from a generated seed. */
  public static Gen<String> texts() {
    return SourceDSL.longs().all().map(IniTexts::text);
  }

  /** The text built from {@code seed}. */
  public static String text(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    String[] sections = {
      "DEFAULT", "Definition", "Init", "Init?family=inet6", "sshd", "SSHD", "INCLUDES", "a]b", "x y"
    };
    String[] keys = {"port", "Port", "failregex", "a.b", "x-y", "known/x", "before", "k k", "é"};
    String[] values = {
      "22",
      "",
      "%(port)s",
      "a # b",
      "a ;c",
      "a;c",
      "x=y",
      "x:y",
      "  spaced  ",
      "<tag>",
      "\u00a0nbsp",
      "tab\tin",
      "%%",
      "\\"
    };
    String[] spaces = {"", " ", "  ", "\t", "\u00a0", "\u2003", "\u001c"};
    int n = r.nextInt(25);
    if (r.nextInt(10) != 0) {
      lines.add("[" + sections[r.nextInt(sections.length)] + "]");
    }
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(12);
      String sp = spaces[r.nextInt(spaces.length)];
      switch (kind) {
        case 0:
          lines.add(
              sp
                  + "["
                  + sections[r.nextInt(sections.length)]
                  + "]"
                  + (r.nextBoolean() ? "" : " ;c"));
          break;
        case 1:
          lines.add(sp + (r.nextBoolean() ? "#" : ";") + " comment");
          break;
        case 2:
          lines.add(sp);
          break;
        case 3:
        case 4:
          lines.add(sp + values[r.nextInt(values.length)] + "continued");
          break;
        case 5:
          lines.add("novalue" + sp);
          break;
        default:
          String sep = new String[] {"=", " = ", ":", " : ", "\t=", "=="}[r.nextInt(6)];
          lines.add(
              (r.nextInt(8) == 0 ? sp : "")
                  + keys[r.nextInt(keys.length)]
                  + sep
                  + values[r.nextInt(values.length)]);
      }
    }
    String nl = new String[] {"\n", "\n", "\n", "\r\n", "\r"}[r.nextInt(5)];
    return String.join(nl, lines) + (r.nextBoolean() ? nl : "");
  }
}
