package dev.hostguard.ufw.status;

import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives what ufw prints from its rules, as ufw 0.36's {@code get_status} and {@code show added}
 * do: the status in each form, and {@code show added}. The rules are the {@link UfwRule}s of {@code
 * user.rules} then {@code user6.rules} (when IPv6 is on), in file order, as ufw holds them.
 *
 * <pre>{@code
 * List<UfwRule> rules = concat(UserRulesFile.parse("user.rules", v4).rules(), user6Rules);
 * String text = StatusDerivation.status(StatusForm.NUMBERED, rules, header).render();
 * }</pre>
 *
 * <p>{@code header} is only used by the verbose form ({@link StatusHeader#of} builds it from {@code
 * ufw.conf} and {@code /etc/default/ufw}). The derived documents render exactly what ufw prints for
 * the same rules (checked against a real ufw in {@code UfwStatusDifferentialTest}).
 */
public final class StatusDerivation {
  private StatusDerivation() {}

  private static final String ANY = "any";

  /** The status {@code form} ufw prints for these rules (an active firewall unless INACTIVE). */
  public static UfwStatus status(StatusForm form, List<UfwRule> rules, StatusHeader header) {
    if (form == StatusForm.INACTIVE) {
      return UfwStatus.inactive();
    }
    boolean verbose = form == StatusForm.VERBOSE;
    boolean numbered = form == StatusForm.NUMBERED;
    List<StatusEntry> in = new ArrayList<>();
    List<StatusEntry> out = new ArrayList<>();
    List<StatusEntry> routed = new ArrayList<>();
    Set<String> appTuples = new HashSet<>();
    for (UfwRule r : rules) {
      boolean showProto = true;
      if (!verbose && r.isAppRule()) {
        showProto = false;
        if (!appTuples.add(appTuple(r))) {
          continue;
        }
      }
      boolean isOut = r.direction() == UfwDirection.OUT;
      // only the numbered form shows a route rule's direction (as "out" in the attributes)
      Optional<UfwDirection> direction =
          r.route() && !numbered ? Optional.empty() : Optional.of(r.direction());
      StatusEntry e =
          StatusEntry.builder()
              .to(StatusLocation.of(location(r, true, verbose, showProto)))
              .action(r.action())
              .route(r.route())
              .direction(direction)
              .from(StatusLocation.of(location(r, false, verbose, showProto)))
              .logType(r.logType())
              .comment(r.comment())
              .build();
      if (numbered || (!r.route() && !isOut)) {
        in.add(e);
      } else if (r.route()) {
        routed.add(e);
      } else {
        out.add(e);
      }
    }
    List<StatusEntry> all = new ArrayList<>(in);
    all.addAll(out);
    all.addAll(routed);
    return UfwStatus.builder()
        .form(form)
        .header(verbose ? Optional.of(header) : Optional.empty())
        .entries(all)
        .build();
  }

  /** What {@code ufw show added} prints for these rules (each command once, in rule order). */
  public static UfwAddedRules showAdded(List<UfwRule> rules) {
    Set<String> commands = new LinkedHashSet<>();
    for (UfwRule r : rules) {
      commands.add(UfwRuleFormat.command(r));
    }
    return UfwAddedRules.builder().commands(commands).build();
  }

  /** ufw's get_app_tuple: the key under which the non-verbose forms print an app rule once. */
  private static String appTuple(UfwRule r) {
    String dapp = r.destinationApp().orElse("");
    String sapp = r.sourceApp().orElse("");
    String t;
    if (dapp.isEmpty()) {
      t = r.destinationPort() + " " + r.destination() + " " + sapp + " " + r.source();
    } else if (sapp.isEmpty()) {
      t = dapp + " " + r.destination() + " " + r.sourcePort() + " " + r.source();
    } else {
      t = dapp + " " + r.destination() + " " + sapp + " " + r.source();
    }
    if (r.interfaceIn().isEmpty() && r.interfaceOut().isEmpty()) {
      return t + " " + r.direction().word();
    }
    if (r.interfaceIn().isPresent()) {
      t += " in_" + r.interfaceIn().get();
    }
    if (r.interfaceOut().isPresent()) {
      t += " out_" + r.interfaceOut().get();
    }
    return t;
  }

  private static boolean anywhere(String address) {
    return address.equals("0.0.0.0/0") || address.equals("::/0");
  }

  private static String location(UfwRule r, boolean dstSide, boolean verbose, boolean showProto) {
    String address = dstSide ? r.destination() : r.source();
    String app = (dstSide ? r.destinationApp() : r.sourceApp()).orElse("");
    boolean hasProto = r.protocol() != UfwProtocol.ANY;
    String port;
    if (!verbose && !app.isEmpty()) {
      port = app;
      if (r.v6() && address.equals("::/0")) {
        port += " (v6)";
      }
    } else {
      port = dstSide ? r.destinationPort() : r.sourcePort();
    }
    StringBuilder loc = new StringBuilder();
    if (!anywhere(address)) {
      loc.append(address);
    }
    if (!port.equals(ANY)) {
      if (loc.length() > 0) {
        loc.append(' ');
      }
      loc.append(port);
      if (showProto && hasProto) {
        loc.append('/').append(r.protocol().word());
      }
      if (verbose && !app.isEmpty()) {
        loc.append(" (").append(app);
        if (r.v6() && address.equals("::/0")) {
          loc.append(" (v6)");
        }
        loc.append(')');
      }
    }
    if (port.equals(ANY)) {
      if (anywhere(address)) {
        loc.setLength(0);
        loc.append("Anywhere");
        if (showProto
            && hasProto
            && r.destination().equals(r.source())
            && r.destinationPort().equals(r.sourcePort())) {
          loc.append('/').append(r.protocol().word());
        }
        if (address.equals("::/0")) {
          loc.append(" (v6)");
        }
      } else if (showProto && hasProto && r.destinationPort().equals(r.sourcePort())) {
        loc.append('/').append(r.protocol().word());
      }
    } else if (r.v6()
        && r.source().equals("::/0")
        && r.destination().equals("::/0")
        && loc.indexOf(" (v6)") < 0) {
      loc.append(" (v6)");
    }
    Optional<String> inIface = dstSide ? r.interfaceOut() : r.interfaceIn();
    Optional<String> outIface = dstSide ? r.interfaceIn() : r.interfaceOut();
    (r.route() ? inIface : outIface).ifPresent(i -> loc.append(" on ").append(i));
    return loc.toString();
  }
}
