package dev.hostguard.examples.cli;

import dev.hostguard.ufw.UserRulesFile;

/**
 * {@code roundtrip --format user-rules}: a user.rules / user6.rules file, tuples parsed strictly.
 */
final class UserRulesRoundTrip {
  private UserRulesRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return UserRulesFile.parse(fileName, content).toBytes();
  }
}
