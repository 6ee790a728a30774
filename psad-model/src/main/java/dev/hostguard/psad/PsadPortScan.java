package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

/**
 * A {@code Scanned ports:} line under a {@code DST:} of {@code psad --Status}'s IP status detail:
 * the port range one source scanned on one destination, for one protocol, chain and interface.
 *
 * <pre>{@code
 * // "        Scanned ports: TCP 21-8080, Pkts: 10, Chain: INPUT, Intf: eth0"
 * scan.protocol(); scan.startPort(); scan.endPort(); // "TCP", 21, 8080
 * }</pre>
 *
 * @param protocol {@code TCP}, {@code UDP} or {@code UDPLITE}, as printed
 * @param startPort the lowest port scanned
 * @param endPort the highest port scanned (equal to {@code startPort} for a single port)
 * @param packets packets seen in that chain on that interface
 * @param chain the iptables chain
 * @param interfaceName the network interface
 */
public record PsadPortScan(
    String protocol, int startPort, int endPort, long packets, String chain, String interfaceName) {

  /** Validates the parts. */
  public PsadPortScan {
    requireNonNull(protocol, "protocol");
    requireNonNull(chain, "chain");
    requireNonNull(interfaceName, "interfaceName");
  }
}
