package dev.hostguard.examples.cli;

import dev.hostguard.fail2ban.Fail2banIniDocument;

/**
 * {@code roundtrip --format fail2ban-ini}: parses the file as fail2ban reads it (refusing what
 * fail2ban refuses) and renders it back, byte for byte.
 */
final class Fail2banIniRoundTrip {
  private Fail2banIniRoundTrip() {}

  static byte[] roundTrip(String fileName, byte[] content) {
    return Fail2banIniDocument.parse(fileName, content).toBytes();
  }
}
