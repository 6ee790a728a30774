package dev.hostguard.examples.cli;

import dev.hostguard.psad.PsadConfDocument;

/** {@code roundtrip --format psad-conf}: render(parse(FILE)) of psad.conf, byte for byte. */
final class PsadConfRoundTrip {
  private PsadConfRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return PsadConfDocument.parse(fileName, content).toBytes();
  }
}
