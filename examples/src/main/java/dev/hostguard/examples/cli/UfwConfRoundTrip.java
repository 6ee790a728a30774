package dev.hostguard.examples.cli;

import dev.hostguard.ufw.conf.UfwConf;

/** {@code roundtrip --format ufw-conf}: a valid {@code /etc/ufw/ufw.conf}, byte for byte. */
final class UfwConfRoundTrip {
  private UfwConfRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return UfwConf.parseValid(fileName, content).toBytes();
  }
}
