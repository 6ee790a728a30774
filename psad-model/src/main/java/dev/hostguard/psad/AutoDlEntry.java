package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One line of psad's {@code auto_dl} file as psad 2.4.6 reads it: {@code IP[/mask] DL
 * [proto/ports];}, where IP may also be an IPv6 address or a host name.
 *
 * <pre>{@code
 * AutoDlEntry e = AutoDlDocument.parse("auto_dl", "10.10.1.0/24     3    tcp/1-1024;\n").entries().get(0);
 * e.address(); e.dangerLevel(); e.ports(); // "10.10.1.0", 3, [tcp/1-1024]
 * }</pre>
 *
 * @param lineIndex 0-based line in its document
 * @param address the IPv4 or IPv6 address, or host name
 * @param mask the prefix length or dotted mask as written ({@code 32}/{@code 128} when absent)
 * @param dangerLevel 0 (ignore) to 5
 * @param criteria the optional protocol/port text before the {@code ;}
 * @param kind how psad classified the address
 */
public record AutoDlEntry(
    int lineIndex, String address, String mask, int dangerLevel, String criteria, Kind kind) {
  private static final String IPV4 = "(?:[0-2]?\\d{1,2}\\.){3}[0-2]?\\d{1,2}";
  private static final Pattern V4_DOTTED =
      Pattern.compile("^\\s*(" + IPV4 + ")\\s*/\\s*(" + IPV4 + ")\\s+([0-5])\\s*(.*?);");
  private static final Pattern V4_CIDR =
      Pattern.compile("^\\s*(" + IPV4 + ")\\s*/\\s*(\\d+)\\s+([0-5])\\s*(.*?);");
  private static final Pattern V4_HOST =
      Pattern.compile("^\\s*(" + IPV4 + ")\\s+([0-5])\\s*(.*?);");
  private static final Pattern OTHER = Pattern.compile("^\\s*(\\S+)\\s+([0-5])\\s*(.*?);");
  private static final Pattern V6_NET = Pattern.compile("(\\S+)/(\\S+)");

  /** How psad reads the address column. */
  public enum Kind {
    /** An IPv4 address or network. */
    IPV4,
    /** An IPv6 address or network (it holds a colon). */
    IPV6,
    /** A host name psad resolves when it reads the file. */
    HOSTNAME
  }

  /** Validates the parts. */
  public AutoDlEntry {
    requireNonNull(address, "address");
    requireNonNull(mask, "mask");
    requireNonNull(criteria, "criteria");
    requireNonNull(kind, "kind");
    if (dangerLevel < 0 || dangerLevel > 5) {
      throw new PsadRefusedException("danger level must be 0-5: " + dangerLevel);
    }
  }

  /**
   * Reads a line as psad does; null for blank lines, comments and lines psad rejects ({@code
   * improperly formatted auto_dl line}).
   */
  static @Nullable AutoDlEntry parse(int lineIndex, String line) {
    if (PerlChars.isBlank(line) || PsadConfDocument.isComment(line)) {
      return null;
    }
    Matcher m;
    if ((m = V4_DOTTED.matcher(line)).find() || (m = V4_CIDR.matcher(line)).find()) {
      return new AutoDlEntry(
          lineIndex, m.group(1), m.group(2), m.group(3).charAt(0) - '0', m.group(4), Kind.IPV4);
    }
    if ((m = V4_HOST.matcher(line)).find()) {
      return new AutoDlEntry(
          lineIndex, m.group(1), "32", m.group(2).charAt(0) - '0', m.group(3), Kind.IPV4);
    }
    if ((m = OTHER.matcher(line)).find()) {
      String str = m.group(1);
      int dl = m.group(2).charAt(0) - '0';
      if (str.indexOf(':') >= 0) {
        Matcher net = V6_NET.matcher(str);
        if (net.find()) {
          return new AutoDlEntry(lineIndex, net.group(1), net.group(2), dl, m.group(3), Kind.IPV6);
        }
        return new AutoDlEntry(lineIndex, str, "128", dl, m.group(3), Kind.IPV6);
      }
      return new AutoDlEntry(lineIndex, str, "32", dl, m.group(3), Kind.HOSTNAME);
    }
    return null;
  }

  /** The port ranges in {@link #criteria()} ({@code tcp/1-1024}, {@code udp/53}). */
  public ImmutableList<PsadPortRange> ports() {
    return PsadPortRange.listIn(criteria);
  }

  /** The prefix length when the mask is one ({@code 24}), empty for a dotted mask. */
  public Optional<Integer> prefixLength() {
    return PerlChars.isDigits(mask) && mask.length() < 4
        ? Optional.of(Integer.parseInt(mask))
        : Optional.empty();
  }

  /** Whether psad ignores traffic from this address (danger level 0). */
  public boolean isIgnored() {
    return dangerLevel == 0;
  }
}
