package dev.hostguard.examples.cli;

import dev.hostguard.ufw.conf.UfwDefaults;

/** {@code roundtrip --format ufw-defaults}: a valid {@code /etc/default/ufw}, byte for byte. */
final class UfwDefaultsRoundTrip {
  private UfwDefaultsRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return UfwDefaults.parseValid(fileName, content).toBytes();
  }
}
