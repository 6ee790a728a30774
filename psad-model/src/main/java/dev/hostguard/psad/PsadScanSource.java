package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * One {@code SRC:} block of the {@code IP Status Detail} section of {@code psad --Status}: the
 * source line's figures, and the lines under it ({@code DST:}, scanned ports, signature matches, OS
 * fingerprints) as printed.
 *
 * <pre>{@code
 * PsadScanSource s = status.scanSources().get(0);
 * s.address(); s.dangerLevel(); s.packets(); s.details();
 * }</pre>
 *
 * @param address the source address (as printed, IPv6 short form dropped)
 * @param dangerLevel its danger level
 * @param destinations number of destinations
 * @param packets packets
 * @param protocols number of protocols
 * @param uniqueSignatures distinct signatures matched
 * @param sourceLine the {@code SRC:} line as printed
 * @param details the non-blank lines after it, as printed
 */
public record PsadScanSource(
    String address,
    int dangerLevel,
    long destinations,
    long packets,
    long protocols,
    long uniqueSignatures,
    String sourceLine,
    ImmutableList<String> details) {

  /** Validates the parts. */
  public PsadScanSource {
    requireNonNull(address, "address");
    requireNonNull(sourceLine, "sourceLine");
    requireNonNull(details, "details");
  }

  /** The {@code DST:} addresses under this source. */
  public ImmutableList<String> destinationAddresses() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String d : details) {
      String t = d.strip();
      if (t.startsWith("DST: ")) {
        String rest = t.substring(5);
        int end = rest.indexOf(' ');
        int comma = rest.indexOf(',');
        if (comma >= 0 && (end < 0 || comma < end)) {
          end = comma;
        }
        out.add(end < 0 ? rest : rest.substring(0, end));
      }
    }
    return out.build();
  }
}
