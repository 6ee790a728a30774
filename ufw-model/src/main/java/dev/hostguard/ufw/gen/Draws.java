package dev.hostguard.ufw.gen;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Values drawn at random for this package's generators: IPv4/IPv6 networks as ufw stores them (host
 * bits cleared, no {@code /32} or {@code /128}), ports, interface names and text from a wide
 * character set. {@code hostguard-testing}'s {@code NetworkGens} offers the same as public
 * generators to tests; this copy keeps ufw-model's generators free of a test dependency.
 */
final class Draws {
  /** The {@code ::} of a compressed run of zero groups. */
  private static final String ZEROS = String.valueOf(new char[] {':', ':'});

  private static final String IFACE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_.";
  private static final String[] STEMS = {"eth", "enp", "wlan", "br-", "veth", "tun", "wg"};
  private static final int[][] TEXT = {
    {0x20, 0x7e},
    {0xa0, 0xff},
    {0x391, 0x3c9},
    {0x410, 0x44f},
    {0x5d0, 0x5ea},
    {0x300, 0x36f},
    {0x4e00, 0x4fff},
    {0x1f600, 0x1f64f},
  };

  private final RandomnessSource in;

  Draws(RandomnessSource in) {
    this.in = in;
  }

  int n(int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }

  boolean percent(int p) {
    return n(100) < p;
  }

  <T> T pick(T[] a) {
    return a[n(a.length)];
  }

  /** An IPv4 network with host bits cleared ({@code a.b.c.0/24}), or a bare address. */
  String ipv4Network() {
    long a = in.next(Constraint.between(0, 0xffffffffL));
    int len = percent(30) ? 32 : 1 + n(31);
    long mask = (0xffffffffL << (32 - len)) & 0xffffffffL;
    String addr = v4(a & mask);
    return len == 32 ? addr : addr + "/" + len;
  }

  /** An IPv6 network with host bits cleared, compressed as inet_ntop prints it, or an address. */
  String ipv6Network() {
    int len = percent(30) ? 128 : 4 * (1 + n(31));
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      int first = i * 16;
      int v = percent(50) ? 0 : n(0x10000);
      if (first >= len) {
        v = 0;
      } else if (first + 16 > len) {
        v &= (0xffff << (16 - (len - first))) & 0xffff;
      }
      g[i] = v;
    }
    if (g[0] == 0) {
      // keep clear of the IPv4-mapped and -compatible forms inet_ntop prints dotted; host bits stay
      // cleared (2001 masked to a /4 is 2000)
      g[0] = len >= 16 ? 0x2001 : 0x2001 & (0xffff << (16 - len)) & 0xffff;
    }
    String addr = v6(g);
    return len == 128 ? addr : addr + "/" + len;
  }

  int port() {
    return switch (n(5)) {
      case 0 -> 1 + n(1023);
      case 1 -> 65535 - n(10);
      default -> 1 + n(65535);
    };
  }

  /** {@code lo:hi} with {@code lo < hi}. */
  String portRange() {
    int a = port();
    int b = port();
    if (a == b) {
      b = a == 65535 ? 1 : a + 1;
    }
    return Math.min(a, b) + ":" + Math.max(a, b);
  }

  String interfaceName() {
    if (percent(75)) {
      return pick(STEMS) + n(100) + (percent(20) ? "." + (1 + n(4094)) : "");
    }
    StringBuilder sb = new StringBuilder();
    sb.append(IFACE_CHARS.charAt(n(26)));
    int len = n(15);
    for (int i = 0; i < len; i++) {
      sb.append(IFACE_CHARS.charAt(n(IFACE_CHARS.length())));
    }
    return sb.toString();
  }

  /** 1 to {@code max} code points, no controls; mostly ASCII. */
  String text(int max) {
    int len = 1 + n(max);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int[] r = TEXT[percent(35) ? n(TEXT.length) : 0];
      sb.appendCodePoint((int) in.next(Constraint.between(r[0], r[1])));
    }
    return sb.toString();
  }

  private static String v4(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  private static String v6(int[] g) {
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
