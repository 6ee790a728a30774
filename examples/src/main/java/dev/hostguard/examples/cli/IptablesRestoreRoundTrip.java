package dev.hostguard.examples.cli;

import dev.hostguard.core.LineDocument;

/** Placeholder round trip: only the lossless line document, until the format's issue lands. */
final class IptablesRestoreRoundTrip {
  private IptablesRestoreRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return LineDocument.parse(fileName, content).toBytes();
  }
}
