package dev.hostguard.testing.gen;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of the values firewall files hold, drawn rather than picked from a
 * table: IPv4 and IPv6 addresses and networks (host bits cleared, in the compressed form {@code
 * inet_ntop} prints), ports and port ranges, interface names and free text from a wide character
 * set (Latin-1, CJK, emoji, combining marks, no controls).
 *
 * <pre>{@code
 * qt().forAll(NetworkGens.ipv4Networks(), NetworkGens.ports())
 *     .checkAssert((net, port) -> assertThat(net).contains("."));
 * }</pre>
 */
public final class NetworkGens {
  /** The {@code ::} of a compressed run of zero groups. */
  private static final String ZEROS = String.valueOf(new char[] {':', ':'});

  private static final String IFACE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
  private static final List<String> IFACE_STEMS =
      List.of("eth", "enp", "wlan", "br-", "veth", "tun", "wg", "bond", "lo", "docker");
  private static final int[][] TEXT_RANGES = {
    {0x20, 0x7e}, // ASCII printable
    {0xa0, 0xff}, // Latin-1 supplement (no-break space included)
    {0x100, 0x17f}, // Latin extended-A
    {0x391, 0x3c9}, // Greek
    {0x410, 0x44f}, // Cyrillic
    {0x5d0, 0x5ea}, // Hebrew (right to left)
    {0x300, 0x36f}, // combining marks
    {0x4e00, 0x4fff}, // CJK
    {0x3041, 0x3096}, // Hiragana
    {0x1f600, 0x1f64f}, // emoji (outside the BMP: surrogate pairs in Java)
  };

  private NetworkGens() {}

  /** IPv4 host addresses in dotted quad form ({@code 203.0.113.7}). */
  public static Gen<String> ipv4Addresses() {
    return in -> v4(in.next(Constraint.between(0, 0xffffffffL)));
  }

  /**
   * IPv4 networks {@code a.b.c.d/len} with the host bits cleared, or a bare address (about one in
   * four, which ufw writes for a /32).
   */
  public static Gen<String> ipv4Networks() {
    return in -> {
      long a = in.next(Constraint.between(0, 0xffffffffL));
      if (n(in, 4) == 0) {
        return v4(a);
      }
      int len = n(in, 32);
      long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
      return v4(a & mask) + "/" + len;
    };
  }

  /** IPv6 host addresses, compressed as {@code inet_ntop} prints them ({@code 2001:db8::7}). */
  public static Gen<String> ipv6Addresses() {
    return in -> v6(groups(in, 128));
  }

  /**
   * IPv6 networks {@code addr/len} (len a multiple of 4 from 4 to 124) with the host bits cleared,
   * or a bare address (about one in four).
   */
  public static Gen<String> ipv6Networks() {
    return in -> {
      if (n(in, 4) == 0) {
        return v6(groups(in, 128));
      }
      int len = 4 * (1 + n(in, 31));
      return v6(groups(in, len)) + "/" + len;
    };
  }

  /** Ports 1 to 65535, biased towards the ends and well-known ports. */
  public static Gen<String> ports() {
    return in -> String.valueOf(port(in));
  }

  /** Port ranges {@code lo:hi} with {@code lo < hi}. */
  public static Gen<String> portRanges() {
    return in -> {
      int a = port(in);
      int b = port(in);
      if (a == b) {
        b = a == 65535 ? 1 : a + 1;
      }
      return Math.min(a, b) + ":" + Math.max(a, b);
    };
  }

  /**
   * Linux interface names: 1 to 15 characters of letters, digits, {@code -}, {@code _} and {@code
   * .}, mostly a common stem followed by a number or a VLAN suffix.
   */
  public static Gen<String> interfaceNames() {
    return in -> {
      StringBuilder sb = new StringBuilder();
      if (n(in, 4) > 0) {
        sb.append(IFACE_STEMS.get(n(in, IFACE_STEMS.size()))).append(n(in, 1000));
        if (n(in, 5) == 0) {
          sb.append('.').append(1 + n(in, 4094));
        }
      } else {
        int len = 1 + n(in, 15);
        for (int i = 0; i < len; i++) {
          sb.append(IFACE_CHARS.charAt(n(in, IFACE_CHARS.length())));
        }
      }
      String s = sb.toString();
      return s.length() > 15 ? s.substring(0, 15) : s;
    };
  }

  /**
   * Free text of 1 to {@code maxCodePoints} code points from a wide character set: ASCII
   * (punctuation included), Latin-1, Greek, Cyrillic, Hebrew, combining marks, CJK, Hiragana and
   * emoji; no control characters, so it fits on one line.
   */
  public static Gen<String> text(int maxCodePoints) {
    return in -> {
      int len = 1 + n(in, maxCodePoints);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < len; i++) {
        int[] r = TEXT_RANGES[n(in, 3) == 0 ? n(in, TEXT_RANGES.length) : 0];
        sb.appendCodePoint((int) in.next(Constraint.between(r[0], r[1])));
      }
      return sb.toString();
    };
  }

  private static int n(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }

  private static int port(RandomnessSource in) {
    return switch (n(in, 6)) {
      case 0 -> 1 + n(in, 1023);
      case 1 -> 65535 - n(in, 10);
      case 2 -> 1 + n(in, 10);
      default -> 1 + n(in, 65535);
    };
  }

  private static String v4(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  /** Eight groups with the bits past {@code len} cleared; about half the groups are zero. */
  private static int[] groups(RandomnessSource in, int len) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = n(in, 2) == 0 ? 0 : n(in, 0x10000);
      int first = i * 16;
      if (first >= len) {
        g[i] = 0;
      } else if (first + 16 > len) {
        int keep = len - first;
        g[i] &= (0xffff << (16 - keep)) & 0xffff;
      }
    }
    return g;
  }

  /**
   * glibc's inet_ntop: the first longest run of two or more zero groups becomes {@code ::}; the
   * IPv4-compatible and IPv4-mapped forms end in a dotted quad.
   */
  static String v6(int[] g) {
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xffff))) {
      // glibc prints the last 32 bits of ::a.b.c.d and ::ffff:a.b.c.d as a dotted quad
      String v4 = v4(((long) g[6] << 16) | g[7]);
      return ZEROS + (bestLen == 6 ? "" : "ffff:") + v4;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append(ZEROS);
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
