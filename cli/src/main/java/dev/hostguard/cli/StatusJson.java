package dev.hostguard.cli;

import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.status.StatusEntry;
import dev.hostguard.ufw.status.StatusForm;
import dev.hostguard.ufw.status.StatusHeader;
import dev.hostguard.ufw.status.StatusLocation;
import dev.hostguard.ufw.status.UfwAddedRules;
import dev.hostguard.ufw.status.UfwStatus;
import dev.hostguard.ufw.status.UfwStatusOutput;
import java.util.Locale;
import java.util.Optional;

/** The JSON shape of {@code hostguard ufw-status --json}, documented in docs/ufw-status-json.md. */
final class StatusJson {
  private StatusJson() {}

  static String toJson(UfwStatusOutput output) {
    StringBuilder sb = new StringBuilder();
    if (output instanceof UfwAddedRules) {
      sb.append("{\"kind\":\"added\",\"commands\":[");
      String sep = "";
      for (String c : ((UfwAddedRules) output).commands()) {
        sb.append(sep);
        string(sb, c);
        sep = ",";
      }
      return sb.append("]}").toString();
    }
    UfwStatus s = (UfwStatus) output;
    sb.append("{\"kind\":\"status\",\"form\":");
    string(sb, lower(s.form().name()));
    sb.append(",\"active\":").append(s.active()).append(",\"header\":");
    if (s.header().isPresent()) {
      StatusHeader h = s.header().get();
      sb.append("{\"logging\":");
      string(sb, h.logging().word());
      sb.append(",\"incoming\":");
      string(sb, h.incoming().word());
      sb.append(",\"outgoing\":");
      string(sb, h.outgoing().word());
      sb.append(",\"routed\":");
      string(sb, h.routed().map(UfwPolicy::word).orElse("disabled"));
      sb.append(",\"newProfiles\":");
      string(sb, h.newProfiles().word());
      sb.append('}');
    } else {
      sb.append("null");
    }
    sb.append(",\"entries\":[");
    for (int i = 0; i < s.entries().size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      entry(sb, s, i);
    }
    return sb.append("]}").toString();
  }

  private static void entry(StringBuilder sb, UfwStatus s, int index) {
    StatusEntry e = s.entries().get(index);
    sb.append("{\"number\":")
        .append(s.form() == StatusForm.NUMBERED ? Integer.toString(index + 1) : "null");
    sb.append(",\"to\":");
    location(sb, e.to());
    sb.append(",\"action\":");
    string(sb, e.action().word());
    sb.append(",\"direction\":");
    optional(sb, s.directionWord(e).map(StatusJson::lower));
    sb.append(",\"from\":");
    location(sb, e.from());
    sb.append(",\"route\":").append(e.route());
    sb.append(",\"v6\":").append(e.v6());
    sb.append(",\"interfaceIn\":");
    optional(sb, e.interfaceIn());
    sb.append(",\"interfaceOut\":");
    optional(sb, e.interfaceOut());
    sb.append(",\"log\":");
    optional(
        sb, e.logType() == UfwLogType.NONE ? Optional.empty() : Optional.of(e.logType().word()));
    sb.append(",\"outAttribute\":").append(s.outAttribute(e));
    sb.append(",\"comment\":");
    optional(sb, e.comment());
    sb.append('}');
  }

  private static void location(StringBuilder sb, StatusLocation l) {
    sb.append("{\"text\":");
    string(sb, l.text());
    sb.append(",\"anywhere\":").append(l.isAnywhere());
    sb.append(",\"address\":");
    optional(sb, l.address());
    sb.append(",\"port\":");
    optional(sb, l.port());
    sb.append(",\"protocol\":");
    optional(sb, l.protocol());
    sb.append(",\"app\":");
    optional(sb, l.app());
    sb.append(",\"v6\":").append(l.v6());
    sb.append(",\"interface\":");
    optional(sb, l.iface());
    sb.append('}');
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static void optional(StringBuilder sb, Optional<String> value) {
    JsonText.optional(sb, value);
  }

  private static void string(StringBuilder sb, String s) {
    JsonText.string(sb, s);
  }
}
