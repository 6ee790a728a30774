package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

/**
 * One line of the {@code Top N signature matches} section of {@code psad --Status}.
 *
 * <pre>{@code
 * // "      \"SCAN FIN\" (tcp),  Count: 3,  Unique sources: 1,  Sid: 100200"
 * status.topSignatures().get(0).sid(); // 100200
 * }</pre>
 *
 * @param message the signature's message
 * @param protocol its protocol
 * @param count matches
 * @param uniqueSources distinct sources
 * @param sid the signature id
 */
public record PsadSignatureCount(
    String message, String protocol, long count, long uniqueSources, long sid) {

  /** Validates the parts. */
  public PsadSignatureCount {
    requireNonNull(message, "message");
    requireNonNull(protocol, "protocol");
  }
}
