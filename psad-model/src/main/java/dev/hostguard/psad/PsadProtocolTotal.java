package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

/**
 * A {@code Total scanned IP protocols:} line under a {@code DST:} of {@code psad --Status}'s IP
 * status detail: how many IP protocols one source sent to one destination in a chain on an
 * interface.
 *
 * <pre>{@code
 * // "        Total scanned IP protocols: 2, Chain: INPUT, Intf: eth0"
 * total.protocols(); total.chain(); // 2, "INPUT"
 * }</pre>
 *
 * @param protocols number of IP protocols
 * @param chain the iptables chain
 * @param interfaceName the network interface
 */
public record PsadProtocolTotal(long protocols, String chain, String interfaceName) {

  /** Validates the parts. */
  public PsadProtocolTotal {
    requireNonNull(chain, "chain");
    requireNonNull(interfaceName, "interfaceName");
  }
}
