package dev.hostguard.examples.cli;

import org.jspecify.annotations.Nullable;

/** The formats {@code hostguard roundtrip} knows, each parse-then-render of a whole file. */
enum RoundTripFormat {
  USER_RULES("user-rules") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return UserRulesRoundTrip.roundTrip(fileName, content);
    }
  },
  IPTABLES_RESTORE("iptables-restore") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return IptablesRestoreRoundTrip.roundTrip(fileName, content);
    }
  },
  APP_PROFILES("app-profiles") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return AppProfilesRoundTrip.roundTrip(fileName, content);
    }
  },
  UFW_CONF("ufw-conf") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return UfwConfRoundTrip.roundTrip(fileName, content);
    }
  },
  UFW_DEFAULTS("ufw-defaults") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return UfwDefaultsRoundTrip.roundTrip(fileName, content);
    }
  },
  PSAD_CONF("psad-conf") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return PsadConfRoundTrip.roundTrip(fileName, content);
    }
  },
  FAIL2BAN_INI("fail2ban-ini") {
    @Override
    byte[] roundTrip(String fileName, byte[] content) {
      return Fail2banIniRoundTrip.roundTrip(fileName, content);
    }
  };

  private final String cliName;

  RoundTripFormat(String cliName) {
    this.cliName = cliName;
  }

  /** render(parse(content)); throws {@link dev.hostguard.core.ParseException} on bad input. */
  abstract byte[] roundTrip(String fileName, byte[] content);

  static @Nullable RoundTripFormat byName(String name) {
    for (RoundTripFormat f : values()) {
      if (f.cliName.equals(name)) {
        return f;
      }
    }
    return null;
  }
}
