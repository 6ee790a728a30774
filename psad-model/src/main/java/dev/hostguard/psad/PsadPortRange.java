package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code IGNORE_PORTS} item as psad reads it: {@code tcp/61000-61356} or {@code udp/53} (a
 * single port has {@code low == high}).
 *
 * <pre>{@code
 * PsadPortRange.listIn("tcp/61000-61356, udp/53");
 * // [tcp/61000-61356, udp/53]
 * }</pre>
 *
 * @param protocol {@code tcp} or {@code udp}
 * @param low first port
 * @param high last port
 */
public record PsadPortRange(String protocol, long low, long high) {
  private static final Pattern RANGE =
      Pattern.compile("(tcp|udp)/(\\d+)\\s*-\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PORT = Pattern.compile("(tcp|udp)/(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

  /** Validates the parts. */
  public PsadPortRange {
    requireNonNull(protocol, "protocol");
    if (low < 0 || high < low) {
      throw new PsadRefusedException("bad port range " + low + "-" + high);
    }
  }

  /**
   * Reads a list the way psad's {@code parse_port_range} does: items split on commas, items it does
   * not recognise (and ranges whose low end is not below the high end) are skipped.
   */
  public static ImmutableList<PsadPortRange> listIn(String value) {
    ImmutableList.Builder<PsadPortRange> out = ImmutableList.builder();
    for (String field : splitCommas(value)) {
      Matcher r = RANGE.matcher(field);
      if (r.find()) {
        long low = number(r.group(2));
        long high = number(r.group(3));
        if (low < high) {
          out.add(new PsadPortRange(r.group(1).toLowerCase(Locale.ROOT), low, high));
        }
        continue;
      }
      Matcher p = PORT.matcher(field);
      if (p.find()) {
        long port = number(p.group(2));
        out.add(new PsadPortRange(p.group(1).toLowerCase(Locale.ROOT), port, port));
      }
    }
    return out.build();
  }

  private static long number(String digits) {
    String t = digits.replaceFirst("^0+(?=.)", "");
    return t.length() > 18 ? Long.MAX_VALUE : Long.parseLong(t);
  }

  /** Perl's {@code split /\s*,\s* /}: trailing empty fields dropped. */
  static ImmutableList<String> splitCommas(String value) {
    String[] parts = COMMA.split(value, -1);
    int end = parts.length;
    while (end > 0 && parts[end - 1].isEmpty()) {
      end--;
    }
    return ImmutableList.copyOf(parts).subList(0, end);
  }

  /** {@code tcp/61000-61356} or {@code udp/53}. */
  @Override
  public String toString() {
    return protocol + "/" + low + (high == low ? "" : "-" + high);
  }
}
