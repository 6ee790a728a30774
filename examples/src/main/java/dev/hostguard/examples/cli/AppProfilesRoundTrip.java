package dev.hostguard.examples.cli;

import dev.hostguard.ufw.AppProfileFile;

/** {@code roundtrip --format app-profiles}: one file of /etc/ufw/applications.d. */
final class AppProfilesRoundTrip {
  private AppProfilesRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return AppProfileFile.parse(fileName, content).toBytes();
  }
}
