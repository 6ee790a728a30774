package dev.hostguard.ufw.status;

/** The command text ufw's {@code show added} prints for a rule (short or extended syntax). */
final class RuleCommands {
  private RuleCommands() {}

  private static boolean anywhere(String address) {
    return address.equals("0.0.0.0/0") || address.equals("::/0");
  }

  private static String app(String name) {
    return name.contains(" ") ? "'" + name + "'" : name;
  }

  static String command(RuleTuple r) {
    return (r.forward() ? "route " : "") + ruleCommand(r);
  }

  private static String ruleCommand(RuleTuple r) {
    StringBuilder res = new StringBuilder(r.action().keyword());
    String log = r.logType().keyword();
    if (anywhere(r.dst())
        && anywhere(r.src())
        && r.sport().equals("any")
        && r.sapp().isEmpty()
        && r.interfaceIn().isEmpty()
        && r.interfaceOut().isEmpty()
        // an application rule's dport is never "any" in ufw (profiles always have ports), also
        // when a rule mapped back from a status does not know the ports
        && (!r.dport().equals("any") || !r.dapp().isEmpty())) {
      if (r.direction().equals("out")) {
        res.append(" out");
      }
      if (!log.isEmpty()) {
        res.append(' ').append(log);
      }
      if (!r.dapp().isEmpty()) {
        res.append(' ').append(app(r.dapp()));
      } else {
        res.append(' ').append(r.dport());
        if (!r.protocol().equals("any")) {
          res.append('/').append(r.protocol());
        }
      }
      appendComment(res, r);
      return res.toString();
    }
    if (!r.interfaceIn().isEmpty()) {
      res.append(" in on ").append(r.interfaceIn());
    }
    if (!r.interfaceOut().isEmpty()) {
      res.append(" out on ").append(r.interfaceOut());
    } else if (r.direction().equals("out")) {
      res.append(" out");
    }
    if (!log.isEmpty()) {
      res.append(' ').append(log);
    }
    appendEnd(res, "from", r.src(), r.sport(), r.sapp());
    appendEnd(res, "to", r.dst(), r.dport(), r.dapp());
    String s = res.toString();
    if (!s.contains(" to ")
        && !s.contains(" from ")
        && r.interfaceIn().isEmpty()
        && r.interfaceOut().isEmpty()) {
      res.append(" to any");
    }
    if (!r.protocol().equals("any") && !r.isApp()) {
      res.append(" proto ").append(r.protocol());
    }
    appendComment(res, r);
    return res.toString();
  }

  private static void appendEnd(
      StringBuilder res, String word, String address, String port, String app) {
    String loc = anywhere(address) ? "any" : address;
    if (!loc.equals("any") || !port.equals("any") || !app.isEmpty()) {
      res.append(' ').append(word).append(' ').append(loc);
      if (!app.isEmpty()) {
        res.append(" app ").append(app(app));
      } else if (!port.equals("any")) {
        res.append(" port ").append(port);
      }
    }
  }

  private static void appendComment(StringBuilder res, RuleTuple r) {
    if (!r.comment().isEmpty()) {
      res.append(" comment '").append(r.decodedComment()).append('\'');
    }
  }
}
