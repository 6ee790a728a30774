package dev.hostguard.cli;

import dev.hostguard.core.LosslessDocument;
import dev.hostguard.fail2ban.Fail2banIniDocument;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.ufw.AppProfileFile;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import org.jspecify.annotations.Nullable;

/**
 * The formats {@code hostguard roundtrip} knows: each one a document's {@code parse(String
 * sourceName, byte[] bytes)} (the strict {@code parseValid} where the format has one), rendered
 * back through {@link LosslessDocument#toBytes()}, one code path for every format.
 */
enum RoundTripFormat {
  USER_RULES("user-rules"),
  IPTABLES_RESTORE("iptables-restore"),
  APP_PROFILES("app-profiles"),
  UFW_CONF("ufw-conf"),
  UFW_DEFAULTS("ufw-defaults"),
  PSAD_CONF("psad-conf"),
  FAIL2BAN_INI("fail2ban-ini");

  private final String cliName;

  RoundTripFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The format's document parsed from {@code content}; a ParseException on bad input. */
  LosslessDocument parse(String fileName, byte[] content) {
    return switch (this) {
      case USER_RULES -> UserRulesFile.parse(fileName, content);
      case IPTABLES_RESTORE -> IptablesRestoreDocument.parseValid(fileName, content);
      case APP_PROFILES -> AppProfileFile.parse(fileName, content);
      case UFW_CONF -> UfwConf.parseValid(fileName, content);
      case UFW_DEFAULTS -> UfwDefaults.parseValid(fileName, content);
      case PSAD_CONF -> PsadConfDocument.parse(fileName, content);
      case FAIL2BAN_INI -> Fail2banIniDocument.parse(fileName, content);
    };
  }

  /** render(parse(content)); throws {@link dev.hostguard.core.ParseException} on bad input. */
  byte[] roundTrip(String fileName, byte[] content) {
    return parse(fileName, content).toBytes();
  }

  static @Nullable RoundTripFormat byName(String name) {
    for (RoundTripFormat f : values()) {
      if (f.cliName.equals(name)) {
        return f;
      }
    }
    return null;
  }
}
