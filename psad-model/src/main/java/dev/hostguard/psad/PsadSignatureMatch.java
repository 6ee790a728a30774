package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A {@code Signature match:} entry (two lines) under a {@code DST:} of {@code psad --Status}'s IP
 * status detail.
 *
 * <pre>{@code
 * // "        Signature match: \"SCAN nmap XMAS\"" / "            TCP, Chain: INPUT, Count: 3, DP: 3, URG PSH FIN, Sid: 1228"
 * match.message(); match.tcpFlags(); match.sid(); // "SCAN nmap XMAS", Optional[URG PSH FIN], 1228
 * }</pre>
 *
 * @param message the signature's message ({@code [NA]} when psad does not know the sid)
 * @param protocol the protocol, upper case as printed ({@code TCP}, {@code ICMP}...)
 * @param chain the iptables chain
 * @param count packets that matched
 * @param destinationPort {@code DP:} (TCP, UDP and UDP-Lite only)
 * @param tcpFlags the TCP flags psad printed (TCP only)
 * @param sid the signature id
 */
public record PsadSignatureMatch(
    String message,
    String protocol,
    String chain,
    long count,
    Optional<Integer> destinationPort,
    Optional<String> tcpFlags,
    long sid) {

  /** Validates the parts. */
  public PsadSignatureMatch {
    requireNonNull(message, "message");
    requireNonNull(protocol, "protocol");
    requireNonNull(chain, "chain");
    requireNonNull(destinationPort, "destinationPort");
    requireNonNull(tcpFlags, "tcpFlags");
  }
}
