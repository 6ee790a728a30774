package dev.hostguard.fail2ban.gen;

import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of texts in fail2ban's ini dialect. {@link #texts()} is nasty on purpose: both
 * separators, continuation lines at several indents, blank and comment lines inside values, {@code
 * ;} and {@code #} in values, Unicode spaces, CR and CRLF line ends, duplicates, text before the
 * first section. {@link #drawn()} is what fail2ban reads: sections and options whose names and
 * values are drawn by {@link IniValueGens} from wide character sets.
 *
 * <pre>{@code
 * qt().withFixedSeed(7).forAll(IniTexts.texts()).checkAssert(t -> roundTrip(t));
 * }</pre>
 */
public final class IniTexts {
  private static final String[] SEPARATORS = {" = ", "=", ": ", " : ", ":", "\t=\t", " =\t"};
  private static final String[] INDENTS = {" ", "  ", "    ", "\t", " \t"};

  private IniTexts() {}

  /** Ini texts, each built deterministically from a generated seed. */
  public static Gen<String> texts() {
    return SourceDSL.longs().all().map(IniTexts::text);
  }

  /**
   * Texts fail2ban reads: a few sections (names drawn, some fail2ban's own), each with up to six
   * options of distinct drawn names and drawn values (continuation lines at several indents, an
   * empty line inside a value), comment and blank lines between them, either separator with or
   * without blanks, LF or CRLF line ends, with or without a final line end.
   */
  public static Gen<String> drawn() {
    return IniTexts::drawnText;
  }

  private static String drawnText(RandomnessSource in) {
    List<String> lines = new ArrayList<>();
    if (IniValueGens.n(in, 4) == 0) {
      lines.add(IniValueGens.n(in, 2) == 0 ? "# " + IniValueGens.drawnLine(in) : "");
    }
    Set<String> sectionNames = new HashSet<>();
    int sectionCount = 1 + IniValueGens.n(in, 4);
    for (int s = 0; s < sectionCount; s++) {
      String section = IniValueGens.sections().generate(in);
      if (!sectionNames.add(section)) {
        continue;
      }
      lines.add("[" + section + "]" + (IniValueGens.n(in, 8) == 0 ? " ; drawn" : ""));
      Set<String> keys = new HashSet<>();
      int optionCount = IniValueGens.n(in, 7);
      for (int o = 0; o < optionCount; o++) {
        switch (IniValueGens.n(in, 8)) {
          case 0 -> lines.add((IniValueGens.n(in, 2) == 0 ? "# " : "; ") + "a comment");
          case 1 -> lines.add("");
          default -> {}
        }
        String key = IniValueGens.drawnName(in);
        if (!keys.add(PythonText.lower(key))) {
          continue;
        }
        String sep = SEPARATORS[IniValueGens.n(in, SEPARATORS.length)];
        String indent = INDENTS[IniValueGens.n(in, INDENTS.length)];
        String[] parts = IniValueGens.drawnValue(in).split("\n", -1);
        lines.add(key + sep + parts[0]);
        for (int i = 1; i < parts.length; i++) {
          lines.add(parts[i].isEmpty() ? "" : indent + parts[i]);
        }
      }
      if (IniValueGens.n(in, 3) == 0) {
        lines.add("");
      }
    }
    String nl = IniValueGens.n(in, 3) == 0 ? "\r\n" : "\n";
    return String.join(nl, lines) + (IniValueGens.n(in, 5) == 0 ? "" : nl);
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
