package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

/**
 * One line of the {@code Top N attackers} section of {@code psad --Status}.
 *
 * <pre>{@code
 * // "      203.0.113.5     DL: 1, Packets: 10, Sig count: 0"
 * status.topAttackers().get(0).address(); // "203.0.113.5"
 * }</pre>
 *
 * @param address the source address
 * @param dangerLevel its danger level (1-5)
 * @param packets packets seen
 * @param signatureCount signature matches
 * @param local whether psad marked it {@code (local IP)}
 */
public record PsadAttacker(
    String address, int dangerLevel, long packets, long signatureCount, boolean local) {

  /** Validates the parts. */
  public PsadAttacker {
    requireNonNull(address, "address");
    if (address.isEmpty() || address.chars().anyMatch(c -> PerlChars.isSpace((char) c))) {
      throw new PsadRefusedException("an attacker address is one word: '" + address + "'");
    }
  }
}
