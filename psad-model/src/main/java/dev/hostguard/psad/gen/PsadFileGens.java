package dev.hostguard.psad.gen;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of psad's own files drawn from scratch (no base file): psad.conf keys
 * and values ({@code KEY value; # note} lines, comments, blanks, indentation, odd blanks, wide
 * characters), and auto_dl lines with drawn IPv4/IPv6 addresses and networks, danger levels and
 * protocol/port criteria.
 *
 * <pre>{@code
 * qt().forAll(PsadFileGens.confFiles(), PsadFileGens.confKeys(), PsadFileGens.confValues())
 *     .checkAssert((text, key, value) ->
 *         assertThat(PsadConfDocument.parse("p", text).withValue(key, value).rawValue(key)).contains(value));
 * }</pre>
 */
public final class PsadFileGens {
  private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
  private static final List<String> KNOWN_KEYS =
      List.of(
          "HOSTNAME",
          "HOME_NET",
          "EMAIL_ADDRESSES",
          "DANGER_LEVEL1",
          "ENABLE_AUTO_IDS",
          "IPT_SYSLOG_FILE",
          "CHECK_INTERVAL",
          "IGNORE_PORTS",
          "AUTO_IDS_DANGER_LEVEL");
  private static final int[][] TEXT = {
    {0x21, 0x7e}, {0xa0, 0xff}, {0x391, 0x3c9}, {0x4e00, 0x4fff}, {0x1f600, 0x1f64f}
  };

  private PsadFileGens() {}

  /** psad.conf keys: ufw-like upper-case words, half of them keys psad knows. */
  public static Gen<String> confKeys() {
    return in -> key(in);
  }

  /**
   * Values psad reads back as written: no {@code ;}, no line break, no leading blank; blanks,
   * {@code #}, {@code $VAR} and wide characters inside.
   */
  public static Gen<String> confValues() {
    return in -> value(in);
  }

  /** Whole psad.conf texts of 0 to 20 lines, ending in a newline or not. */
  public static Gen<String> confFiles() {
    return in -> {
      int n = n(in, 21);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        switch (n(in, 8)) {
          case 0 -> sb.append("");
          case 1 -> sb.append("# ").append(text(in, 30).replace("\r", ""));
          case 2 -> sb.append("   ### ").append(key(in));
          default -> {
            if (n(in, 10) == 0) {
              sb.append(n(in, 2) == 0 ? "  " : "\t");
            }
            String key = key(in);
            sb.append(key);
            int pad = Math.max(1, 28 - key.length() + n(in, 3) - 1);
            sb.append(n(in, 8) == 0 ? "\t" : " ".repeat(pad));
            sb.append(value(in)).append(';');
            if (n(in, 5) == 0) {
              sb.append("  # ").append(text(in, 10));
            }
          }
        }
        if (i < n - 1 || n(in, 10) > 0) {
          sb.append('\n');
        }
      }
      return sb.toString();
    };
  }

  /** IPv4 and IPv6 addresses and networks as auto_dl holds them ({@code 192.0.2.0/24}). */
  public static Gen<String> autoDlAddresses() {
    return in -> {
      if (n(in, 3) > 0) {
        String a = n(in, 256) + "." + n(in, 256) + "." + n(in, 256) + "." + n(in, 256);
        return n(in, 2) == 0 ? a : a + "/" + n(in, 33);
      }
      StringBuilder sb = new StringBuilder("2001:db8");
      int groups = 1 + n(in, 5);
      for (int i = 0; i < groups; i++) {
        sb.append(':').append(Integer.toHexString(n(in, 0x10000)));
      }
      if (groups < 6) {
        sb.append(':').append(':');
      }
      return n(in, 2) == 0 ? sb.toString() : sb + "/" + (16 + n(in, 113));
    };
  }

  /** Criteria: empty, protocols, or protocol/port ranges ({@code tcp/1-1024, udp/53}). */
  public static Gen<String> autoDlCriteria() {
    return in -> {
      switch (n(in, 4)) {
        case 0:
          return "";
        case 1:
          return List.of("tcp", "udp", "icmp", "udplite").get(n(in, 4));
        default:
          StringBuilder sb = new StringBuilder();
          int k = 1 + n(in, 3);
          for (int i = 0; i < k; i++) {
            if (i > 0) {
              sb.append(", ");
            }
            int lo = 1 + n(in, 65535);
            sb.append(n(in, 2) == 0 ? "tcp" : "udp").append('/').append(lo);
            if (n(in, 2) == 0 && lo < 65535) {
              sb.append('-').append(lo + 1 + n(in, 65535 - lo));
            }
          }
          return sb.toString();
      }
    };
  }

  private static String key(RandomnessSource in) {
    if (n(in, 2) == 0) {
      return KNOWN_KEYS.get(n(in, KNOWN_KEYS.size()));
    }
    StringBuilder sb = new StringBuilder();
    int len = 1 + n(in, 20);
    for (int i = 0; i < len; i++) {
      sb.append(KEY_CHARS.charAt(n(in, i == 0 ? 26 : KEY_CHARS.length())));
    }
    return sb.toString();
  }

  private static String value(RandomnessSource in) {
    return switch (n(in, 5)) {
      case 0 -> "";
      case 1 -> "$" + key(in);
      case 2 -> String.valueOf(n(in, 100000));
      default -> {
        String t = text(in, 25).replace(";", "").replace("\r", "");
        while (!t.isEmpty() && (t.charAt(0) == ' ' || t.charAt(0) == '\u00a0')) {
          t = t.substring(1);
        }
        yield t;
      }
    };
  }

  private static String text(RandomnessSource in, int max) {
    int len = 1 + n(in, max);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      if (n(in, 6) == 0) {
        sb.append(' ');
        continue;
      }
      int[] r = TEXT[n(in, 3) == 0 ? n(in, TEXT.length) : 0];
      sb.appendCodePoint((int) in.next(Constraint.between(r[0], r[1])));
    }
    return sb.toString();
  }

  private static int n(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }
}
