package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One {@code SRC:} block of the {@code IP Status Detail} section of {@code psad --Status}: the
 * source line's figures, the source's OS fingerprints and its {@code DST:} blocks, typed, with the
 * lines under the source line as printed.
 *
 * <pre>{@code
 * PsadScanSource s = status.scanSources().get(0);
 * s.address(); s.dangerLevel(); s.scanDestinations().get(0).scannedPorts();
 * }</pre>
 *
 * @param address the source address as printed
 * @param shortForm psad's short form of an IPv6 address (printed in parentheses)
 * @param dangerLevel its danger level
 * @param destinations number of destinations
 * @param packets packets
 * @param protocols number of protocols
 * @param uniqueSignatures distinct signatures matched
 * @param emailAlerts {@code Email alerts:} (absent in {@code --Analyze-msgs} output)
 * @param local whether psad marked it {@code Local IP}
 * @param osFingerprints the {@code Source OS fingerprint(s):} guesses, in printed order
 * @param scanDestinations the {@code DST:} blocks, in printed order
 * @param sourceLine the {@code SRC:} line as printed
 * @param details the non-blank lines after it, as printed
 */
public record PsadScanSource(
    String address,
    Optional<String> shortForm,
    int dangerLevel,
    long destinations,
    long packets,
    long protocols,
    long uniqueSignatures,
    Optional<Long> emailAlerts,
    boolean local,
    ImmutableList<String> osFingerprints,
    ImmutableList<PsadScanDestination> scanDestinations,
    String sourceLine,
    ImmutableList<String> details) {

  /** Validates the parts. */
  public PsadScanSource {
    requireNonNull(address, "address");
    requireNonNull(shortForm, "shortForm");
    requireNonNull(emailAlerts, "emailAlerts");
    requireNonNull(osFingerprints, "osFingerprints");
    requireNonNull(scanDestinations, "scanDestinations");
    requireNonNull(sourceLine, "sourceLine");
    requireNonNull(details, "details");
  }

  /** The {@code DST:} addresses under this source. */
  public ImmutableList<String> destinationAddresses() {
    return scanDestinations.stream()
        .map(PsadScanDestination::address)
        .collect(ImmutableList.toImmutableList());
  }
}
