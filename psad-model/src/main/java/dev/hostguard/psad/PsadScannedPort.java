package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

/**
 * One line of the {@code Top N scanned ports} section of {@code psad --Status}.
 *
 * <pre>{@code
 * // "      tcp 3306  1 packets"
 * status.topScannedPorts().get(0).port(); // 3306
 * }</pre>
 *
 * @param protocol {@code tcp} or {@code udp}
 * @param port the destination port
 * @param packets packets seen
 */
public record PsadScannedPort(String protocol, int port, long packets) {

  /** Validates the parts. */
  public PsadScannedPort {
    requireNonNull(protocol, "protocol");
  }
}
