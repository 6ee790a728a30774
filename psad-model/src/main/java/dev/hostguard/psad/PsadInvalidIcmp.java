package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An {@code Invalid ICMP type:} or {@code Invalid ICMP code:} line (also {@code ICMP6}) under a
 * {@code DST:} of {@code psad --Status}'s IP status detail.
 *
 * <pre>{@code
 * // "        Invalid ICMP code: \"99\" for ICMP \"Destination Unreachable\" packet Chain: INPUT, Packets: 1"
 * icmp.invalidCode(); icmp.value(); icmp.typeName(); // true, "99", Optional[Destination Unreachable]
 * }</pre>
 *
 * @param protocol {@code ICMP} or {@code ICMP6}
 * @param invalidCode whether the code is invalid (otherwise the type is)
 * @param value the invalid type or code
 * @param typeName the type's name psad printed for an invalid code; empty for an invalid type
 * @param chain the iptables chain
 * @param packets packets seen
 */
public record PsadInvalidIcmp(
    String protocol,
    boolean invalidCode,
    String value,
    Optional<String> typeName,
    String chain,
    long packets) {

  /** Validates the parts. */
  public PsadInvalidIcmp {
    requireNonNull(protocol, "protocol");
    requireNonNull(value, "value");
    requireNonNull(typeName, "typeName");
    requireNonNull(chain, "chain");
  }
}
