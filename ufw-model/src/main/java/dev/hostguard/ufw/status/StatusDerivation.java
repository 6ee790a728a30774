package dev.hostguard.ufw.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives what ufw prints from a rule set: the status in each form, and {@code show added}.
 *
 * <pre>{@code
 * List<RuleTuple> rules = concat(RuleTuple.readAll(user4, false), RuleTuple.readAll(user6, true));
 * String text = StatusDerivation.status(StatusForm.NUMBERED, rules, header).render();
 * }</pre>
 *
 * <p>The rules are IPv4 rules then IPv6 rules, in file order, as ufw holds them; {@code header} is
 * only used by the verbose form.
 */
public final class StatusDerivation {
  private StatusDerivation() {}

  /** The status {@code form} ufw prints for these rules (an active firewall unless INACTIVE). */
  public static UfwStatus status(StatusForm form, List<RuleTuple> rules, StatusHeader header) {
    if (form == StatusForm.INACTIVE) {
      return UfwStatus.inactive();
    }
    boolean verbose = form == StatusForm.VERBOSE;
    boolean numbered = form == StatusForm.NUMBERED;
    List<StatusEntry> in = new ArrayList<>();
    List<StatusEntry> out = new ArrayList<>();
    List<StatusEntry> routed = new ArrayList<>();
    Set<String> appTuples = new HashSet<>();
    int count = 1;
    for (RuleTuple r : rules) {
      boolean showProto = true;
      if (!verbose && r.isApp()) {
        showProto = false;
        if (!appTuples.add(r.appTuple())) {
          continue;
        }
      }
      String dst = location(r, true, verbose, showProto);
      String src = location(r, false, verbose, showProto);
      StatusDirection dir;
      if (r.forward()) {
        dir = StatusDirection.FWD;
      } else if (r.direction().equals("out")) {
        dir = StatusDirection.OUT;
      } else {
        dir = verbose || numbered ? StatusDirection.IN : StatusDirection.NONE;
      }
      String comment = r.comment().isEmpty() ? null : r.decodedComment();
      StatusEntry e =
          new StatusEntry(
              numbered ? count : 0,
              StatusLocation.parse(dst),
              r.action(),
              dir,
              StatusLocation.parse(src),
              r.logType(),
              numbered && r.direction().equals("out"),
              Optional.ofNullable(comment));
      if (numbered || (!r.forward() && !r.direction().equals("out"))) {
        in.add(e);
      } else if (r.forward()) {
        routed.add(e);
      } else {
        out.add(e);
      }
      count++;
    }
    List<StatusEntry> all = new ArrayList<>(in);
    all.addAll(out);
    all.addAll(routed);
    return UfwStatus.of(form, verbose ? Optional.of(header) : Optional.empty(), all);
  }

  /** What {@code ufw show added} prints for these rules. */
  public static UfwAddedRules showAdded(List<RuleTuple> rules) {
    Set<String> commands = new LinkedHashSet<>();
    for (RuleTuple r : rules) {
      commands.add(r.command());
    }
    return UfwAddedRules.of(new ArrayList<>(commands));
  }

  private static boolean anywhere(String address) {
    return address.equals("0.0.0.0/0") || address.equals("::/0");
  }

  private static String location(RuleTuple r, boolean dstSide, boolean verbose, boolean showProto) {
    String address = dstSide ? r.dst() : r.src();
    String app = dstSide ? r.dapp() : r.sapp();
    String port;
    if (!verbose && !app.isEmpty()) {
      port = app;
      if (r.v6() && address.equals("::/0")) {
        port += " (v6)";
      }
    } else {
      port = dstSide ? r.dport() : r.sport();
    }
    StringBuilder loc = new StringBuilder();
    if (!anywhere(address)) {
      loc.append(address);
    }
    if (!port.equals("any")) {
      if (loc.length() > 0) {
        loc.append(' ');
      }
      loc.append(port);
      if (showProto && !r.protocol().equals("any")) {
        loc.append('/').append(r.protocol());
      }
      if (verbose && !app.isEmpty()) {
        loc.append(" (").append(app);
        if (r.v6() && address.equals("::/0")) {
          loc.append(" (v6)");
        }
        loc.append(')');
      }
    }
    if (port.equals("any")) {
      if (anywhere(address)) {
        loc.setLength(0);
        loc.append("Anywhere");
        if (showProto
            && !r.protocol().equals("any")
            && r.dst().equals(r.src())
            && r.dport().equals(r.sport())) {
          loc.append('/').append(r.protocol());
        }
        if (address.equals("::/0")) {
          loc.append(" (v6)");
        }
      } else if (showProto && !r.protocol().equals("any") && r.dport().equals(r.sport())) {
        loc.append('/').append(r.protocol());
      }
    } else if (r.v6()
        && r.src().equals("::/0")
        && r.dst().equals("::/0")
        && loc.indexOf(" (v6)") < 0) {
      loc.append(" (v6)");
    }
    String inIface = dstSide ? r.interfaceOut() : r.interfaceIn();
    String outIface = dstSide ? r.interfaceIn() : r.interfaceOut();
    String iface = r.forward() ? inIface : outIface;
    if (!iface.isEmpty()) {
      loc.append(" on ").append(iface);
    }
    return loc.toString();
  }
}
