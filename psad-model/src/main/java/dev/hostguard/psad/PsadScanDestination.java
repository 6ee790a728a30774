package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One {@code DST:} block under a {@code SRC:} of {@code psad --Status}'s IP status detail: the
 * destination, and what the source did to it per chain and interface.
 *
 * <pre>{@code
 * PsadScanDestination d = status.scanSources().get(0).scanDestinations().get(0);
 * d.address(); d.scannedPorts(); d.signatureMatches();
 * }</pre>
 *
 * @param address the destination address as printed
 * @param shortForm psad's short form of an IPv6 address (printed in parentheses)
 * @param local whether psad marked it {@code Local IP}
 * @param scannedPorts the {@code Scanned ports:} lines
 * @param protocolTotals the {@code Total scanned IP protocols:} lines
 * @param signatureMatches the {@code Signature match:} entries
 * @param invalidIcmp the {@code Invalid ICMP type/code} lines
 * @param lines the block's lines as printed, the {@code DST:} line first
 */
public record PsadScanDestination(
    String address,
    Optional<String> shortForm,
    boolean local,
    ImmutableList<PsadPortScan> scannedPorts,
    ImmutableList<PsadProtocolTotal> protocolTotals,
    ImmutableList<PsadSignatureMatch> signatureMatches,
    ImmutableList<PsadInvalidIcmp> invalidIcmp,
    ImmutableList<String> lines) {

  /** Validates the parts. */
  public PsadScanDestination {
    requireNonNull(address, "address");
    requireNonNull(shortForm, "shortForm");
    requireNonNull(scannedPorts, "scannedPorts");
    requireNonNull(protocolTotals, "protocolTotals");
    requireNonNull(signatureMatches, "signatureMatches");
    requireNonNull(invalidIcmp, "invalidIcmp");
    requireNonNull(lines, "lines");
  }
}
