package dev.hostguard.ufw;

import org.jspecify.annotations.Nullable;

/** ufw's address checks and normalisation (util.valid_address*, normalize_address). */
final class IpAddresses {
  private IpAddresses() {}

  /** Thrown when ufw's normalize_address raises. */
  static final class NotNormalizable extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** glibc inet_pton(AF_INET): four decimal octets, no leading zeros. */
  static byte @Nullable [] pton4(String s) {
    byte[] out = new byte[4];
    return pton4(s, 0, s.length(), out) ? out : null;
  }

  /** inet_pton(AF_INET) of {@code s[from, to)}, the octets into {@code out} when not null. */
  private static boolean pton4(String s, int from, int to, byte @Nullable [] out) {
    int octets = 0;
    int cur = 0;
    boolean sawDigit = false;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        int nv = cur * 10 + (ch - '0');
        if (sawDigit && cur == 0) {
          return false;
        }
        if (nv > 255) {
          return false;
        }
        cur = nv;
        if (!sawDigit) {
          if (++octets > 4) {
            return false;
          }
          sawDigit = true;
        }
        if (out != null) {
          out[octets - 1] = (byte) cur;
        }
      } else if (ch == '.' && sawDigit) {
        if (octets == 4) {
          return false;
        }
        cur = 0;
        sawDigit = false;
      } else {
        return false;
      }
    }
    return octets == 4;
  }

  /** glibc inet_pton(AF_INET6) as 8 words. */
  static int @Nullable [] pton6(String s) {
    int[] words = new int[8];
    return pton6(s, s.length(), words) ? words : null;
  }

  /** inet_pton(AF_INET6) of {@code s[0, n)} into {@code words}. */
  private static boolean pton6(String s, int n, int[] words) {
    int tp = 0;
    int colonp = -1;
    int i = 0;
    if (n > 0 && s.charAt(0) == ':') {
      if (n < 2 || s.charAt(1) != ':') {
        return false;
      }
      i = 1;
    }
    int curtok = i;
    boolean seen = false;
    int digits = 0;
    int val = 0;
    while (i < n) {
      char ch = s.charAt(i++);
      int d = Character.digit(ch, 16);
      if (d >= 0 && ch < 128) {
        val = (val << 4) | d;
        if (++digits > 4) {
          return false;
        }
        seen = true;
        continue;
      }
      if (ch == ':') {
        curtok = i;
        if (!seen) {
          if (colonp >= 0) {
            return false;
          }
          colonp = tp;
          continue;
        } else if (i >= n) {
          return false;
        }
        if (tp + 1 > 8) {
          return false;
        }
        words[tp++] = val;
        seen = false;
        digits = 0;
        val = 0;
        continue;
      }
      if (ch == '.' && tp + 2 <= 8) {
        byte[] v4 = new byte[4];
        if (!pton4(s, curtok, n, v4)) {
          return false;
        }
        words[tp++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        words[tp++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        seen = false;
        i = n;
        break;
      }
      return false;
    }
    if (seen) {
      if (tp + 1 > 8) {
        return false;
      }
      words[tp++] = val;
    }
    if (colonp >= 0) {
      if (tp == 8) {
        return false;
      }
      int moved = tp - colonp;
      for (int k = 1; k <= moved; k++) {
        words[8 - k] = words[colonp + moved - k];
        words[colonp + moved - k] = 0;
      }
      tp = 8;
    }
    return tp == 8;
  }

  /** glibc inet_ntop(AF_INET6). */
  static String ntop6(int[] w) {
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int i = 0; i < 8; i++) {
      if (w[i] == 0) {
        if (curBase == -1) {
          curBase = i;
          curLen = 1;
        } else {
          curLen++;
        }
      } else if (curBase != -1) {
        if (bestBase == -1 || curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
      bestBase = curBase;
      bestLen = curLen;
    }
    if (bestBase != -1 && bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          sb.append(':');
        }
        continue;
      }
      if (i != 0) {
        sb.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
        sb.append(w[6] >> 8).append('.').append(w[6] & 0xff).append('.');
        sb.append(w[7] >> 8).append('.').append(w[7] & 0xff);
        return sb.toString();
      }
      sb.append(Integer.toHexString(w[i]));
    }
    if (bestBase != -1 && bestBase + bestLen == 8) {
      sb.append(':');
    }
    return sb.toString();
  }

  static boolean validCidr(String nm, boolean v6) {
    return smallNumber(nm) >= 0 && smallNumber(nm) <= (v6 ? 128 : 32);
  }

  /** The value of an ASCII decimal string (leading zeros allowed), -1 if not one or above 999. */
  static int smallNumber(String s) {
    return smallNumber(s, 0, s.length());
  }

  /** {@link #smallNumber(String)} of {@code s[from, to)}. */
  private static int smallNumber(String s, int from, int to) {
    if (from >= to) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
      if (v > 999) {
        return -1;
      }
    }
    return v;
  }

  private static boolean allIn(String s, String chars, boolean hexLetters) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || chars.indexOf(c) >= 0
              || (hexLetters && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean validDottedQuads(String nm, boolean v6) {
    if (v6) {
      return false;
    }
    int dot = nm.indexOf('.');
    if (dot <= 0 || !allIn(nm, ".", false)) {
      return false;
    }
    String[] quads = nm.split("\\.", -1);
    if (quads.length != 4) {
      return false;
    }
    for (String q : quads) {
      int v = smallNumber(q);
      if (v < 0 || v > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean validAddress6(String addr) {
    // every IPv6 text has a colon: an IPv4 address is refused before any parsing
    if (addr.length() > 43 || addr.indexOf(':') < 0 || !allIn(addr, ":./", true)) {
      return false;
    }
    int slash = addr.indexOf('/');
    if (!pton6(addr, slash < 0 ? addr.length() : slash, new int[8])) {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    int mask = smallNumber(addr, slash + 1, addr.length());
    return mask >= 0 && mask <= 128;
  }

  static boolean validAddress4(String addr) {
    if (addr.length() > 31 || !allIn(addr, "./", false)) {
      return false;
    }
    int slash = addr.indexOf('/');
    if (!pton4(addr, 0, slash < 0 ? addr.length() : slash, null)) {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    int cidr = smallNumber(addr, slash + 1, addr.length());
    if (cidr >= 0) {
      return cidr <= 32;
    }
    String mask = addr.substring(slash + 1);
    return mask.indexOf('/') < 0 && validDottedQuads(mask, false);
  }

  static boolean validAddress(String addr) {
    return validAddress4(addr) || validAddress6(addr);
  }

  /** inet_aton for a dotted quad (octal for a leading 0), as ufw's netmask code uses it. */
  static long aton(String s) throws NotNormalizable {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      throw new NotNormalizable();
    }
    long v = 0;
    for (String p : parts) {
      long x;
      try {
        x =
            p.length() > 1 && p.charAt(0) == '0'
                ? Long.parseLong(p.substring(1), 8)
                : Long.parseLong(p);
      } catch (NumberFormatException e) {
        throw new NotNormalizable();
      }
      if (x > 255) {
        throw new NotNormalizable();
      }
      v = (v << 8) | x;
    }
    return v;
  }

  private static String ntoa(long bits) {
    return ((bits >> 24) & 0xff)
        + "."
        + ((bits >> 16) & 0xff)
        + "."
        + ((bits >> 8) & 0xff)
        + "."
        + (bits & 0xff);
  }

  private static long cidrBits(int cidr) {
    return cidr == 0 ? 0 : (0xffffffffL << (32 - cidr)) & 0xffffffffL;
  }

  /**
   * What ufw's normalize_address returns: the normalised form, and whether ufw calls that a change
   * (the address rewritten, or an IPv4 host masked to its network; dropping {@code /32}, {@code
   * /128} or turning a dotted netmask into CIDR is not one). A change is what makes ufw warn "Rule
   * changed after normalization".
   */
  record Normalized(String address, boolean changed) {}

  /** ufw's normalize_address: returns the normalised form. */
  static String normalize(String orig, boolean v6) throws NotNormalizable {
    return normalizeAddress(orig, v6).address();
  }

  /**
   * ufw's normalize_address: the normalised form and ufw's {@code changed}. An address already in
   * normal form ({@link #isNormalForm}: every address a parsed or stored rule holds) is returned as
   * it is, unchanged, without the full work (a rule set re-normalises every rule it touches).
   */
  static Normalized normalizeAddress(String orig, boolean v6) throws NotNormalizable {
    if (isNormalForm(orig, v6)) {
      return new Normalized(orig, false);
    }
    return normalizeFully(orig, v6);
  }

  /**
   * Whether {@link #normalizeFully} returns {@code address} itself, unchanged: for IPv4, four
   * octets in plain decimal and an optional prefix length 0 to 31 in plain decimal with the host
   * bits clear; for IPv6, lower-case hex words and colons as glibc's inet_ntop writes them (no
   * dotted tail) and an optional prefix length 0 to 127 in plain decimal. False when unsure: the
   * caller then takes the full path.
   */
  static boolean isNormalForm(String address, boolean v6) {
    // anywhere, the address of most rules' other side
    if (address.equals(v6 ? "::/0" : "0.0.0.0/0")) {
      return true;
    }
    int slash = address.indexOf('/');
    int end = slash < 0 ? address.length() : slash;
    int prefix = -1;
    if (slash >= 0) {
      prefix = plainDecimal(address, slash + 1, address.length());
      if (prefix < 0 || prefix > (v6 ? 127 : 31)) {
        return false;
      }
    }
    return v6 ? isNormalHost6(address, end) : isNormalHost4(address, end, prefix);
  }

  /** The value of {@code s[from, to)} written without leading zeros (0 alone), -1 otherwise. */
  private static int plainDecimal(String s, int from, int to) {
    if (to - from > 1 && s.charAt(from) == '0') {
      return -1;
    }
    return smallNumber(s, from, to);
  }

  private static boolean isNormalHost4(String s, int end, int prefix) {
    long bits = 0;
    int octets = 0;
    int from = 0;
    while (from <= end && octets < 4) {
      int dot = s.indexOf('.', from);
      int to = dot < 0 || dot > end ? end : dot;
      int v = plainDecimal(s, from, to);
      if (v < 0 || v > 255) {
        return false;
      }
      bits = (bits << 8) | v;
      octets++;
      from = to + 1;
    }
    // four octets that end the host part exactly, and no host bit under the prefix set
    return octets == 4 && from == end + 1 && (prefix < 0 || (bits & ~cidrBits(prefix)) == 0);
  }

  private static boolean isNormalHost6(String s, int end) {
    if (end == 0 || end > 39) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':')) {
        return false;
      }
    }
    String host = end == s.length() ? s : s.substring(0, end);
    int[] w = pton6(host);
    return w != null && ntop6(w).equals(host);
  }

  /** ufw's normalize_address, every step taken: what {@link #normalizeAddress} shortcuts. */
  static Normalized normalizeFully(String orig, boolean v6) throws NotNormalizable {
    boolean changed = false;
    String host;
    String mask = null;
    int slash = orig.indexOf('/');
    if (slash >= 0) {
      String[] net = orig.split("/", -1);
      host = net[0];
      mask = net[1];
      if (v6 && mask.equals("128")) {
        mask = null;
      } else if (!v6 && (mask.equals("32") || mask.equals("255.255.255.255"))) {
        mask = null;
      }
      if (net.length > 2 && mask != null) {
        // ufw keeps only net[0] and net[1]; a third part is never valid anyway
        throw new NotNormalizable();
      }
    } else {
      host = orig;
    }
    if (!v6 && mask != null && validDottedQuads(mask, false)) {
      String cidr = dottedToCidr(mask);
      if (cidr != null) {
        mask = cidr;
      }
    }
    String addr;
    if (v6) {
      int[] w = pton6(host);
      if (w == null) {
        throw new NotNormalizable();
      }
      addr = ntop6(w);
      changed = !addr.equals(host);
    } else {
      if (pton4(host) == null) {
        throw new NotNormalizable();
      }
      addr = host;
    }
    if (mask != null) {
      if (!v6) {
        String nm = mask;
        long nmBits;
        if (validCidr(nm, false)) {
          nmBits = cidrBits(smallNumber(nm));
        } else if (validDottedQuads(nm, false)) {
          nmBits = aton(nm);
        } else {
          throw new NotNormalizable();
        }
        long hostBits = aton(addr);
        String network = ntoa(hostBits & nmBits);
        changed |= !network.equals(addr);
        addr = network + "/" + mask;
      } else {
        addr = addr + "/" + mask;
      }
    }
    if (v6 ? !validAddress6(addr) : !validAddress4(addr)) {
      throw new NotNormalizable();
    }
    return new Normalized(addr, changed);
  }

  private static @Nullable String dottedToCidr(String nm) {
    long bits;
    try {
      bits = aton(nm);
    } catch (NotNormalizable e) {
      return null;
    }
    int mbits = 0;
    boolean foundOne = false;
    for (int n = 0; n < 32; n++) {
      if (((bits >> n) & 1) == 1) {
        foundOne = true;
      } else {
        if (foundOne) {
          return null;
        }
        mbits++;
      }
    }
    return Integer.toString(32 - mbits);
  }
}
