package dev.hostguard.examples.cli;

import dev.hostguard.ufw.iptables.IptablesRestoreDocument;

/** {@code roundtrip --format iptables-restore}: a file iptables-restore accepts, byte for byte. */
final class IptablesRestoreRoundTrip {
  private IptablesRestoreRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return IptablesRestoreDocument.parseValid(fileName, content).toBytes();
  }
}
