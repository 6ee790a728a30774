package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link UfwRule} as ufw command text: the canonical command {@code ufw show added}
 * prints, and an argv for executors that parses back to the same rule.
 *
 * <pre>{@code
 * UfwRuleFormat.command(rule); // "limit 22/tcp comment 'allow SSH connections in'"
 * UfwRuleFormat.argv(rule);    // [limit, 22/tcp, comment, allow SSH connections in]
 * }</pre>
 */
public final class UfwRuleFormat {
  private UfwRuleFormat() {}

  private static boolean anywhere(String a) {
    return a.equals("0.0.0.0/0") || a.equals("::/0");
  }

  /** The command as {@code ufw show added} prints it after {@code ufw } (with {@code route }). */
  public static String command(UfwRule r) {
    List<String> words = words(r, true);
    return String.join(" ", words);
  }

  /** Words that, given to {@code ufw}, make this rule (what {@link UfwRuleParser} reads back). */
  public static ImmutableList<String> argv(UfwRule r) {
    return ImmutableList.copyOf(words(r, false));
  }

  private static String quoted(String s, boolean display) {
    return display ? "'" + s + "'" : s;
  }

  private static List<String> words(UfwRule r, boolean display) {
    String ifIn = r.interfaceIn().orElse("");
    String ifOut = r.interfaceOut().orElse("");
    String dapp = r.destinationApp().orElse("");
    String sapp = r.sourceApp().orElse("");
    String comment = r.comment().orElse("");
    List<String> w = new ArrayList<>();
    if (r.route()) {
      w.add("route");
    }
    w.add(r.action().word());
    if (anywhere(r.destination())
        && anywhere(r.source())
        && r.sourcePort().equals("any")
        && sapp.isEmpty()
        && ifIn.isEmpty()
        && ifOut.isEmpty()
        && !r.destinationPort().equals("any")) {
      if (r.direction() == UfwDirection.OUT) {
        w.add("out");
      }
      if (r.logType() != UfwLogType.NONE) {
        w.add(r.logType().word());
      }
      if (!dapp.isEmpty()) {
        w.add(dapp.contains(" ") ? quoted(dapp, display) : dapp);
      } else {
        String p = r.destinationPort();
        if (r.protocol() != UfwProtocol.ANY) {
          p += "/" + r.protocol().word();
        }
        w.add(p);
      }
    } else {
      boolean outFirst =
          !display && r.direction() == UfwDirection.OUT && !ifIn.isEmpty() && !ifOut.isEmpty();
      if (outFirst) {
        // ufw's canonical text loses the direction here; 'out on X in on Y' keeps it
        w.add("out");
        w.add("on");
        w.add(ifOut);
      }
      if (!ifIn.isEmpty()) {
        w.add("in");
        w.add("on");
        w.add(ifIn);
      }
      if (outFirst) {
        // already written
      } else if (!ifOut.isEmpty()) {
        w.add("out");
        w.add("on");
        w.add(ifOut);
      } else if (r.direction() == UfwDirection.OUT) {
        w.add("out");
      }
      if (r.logType() != UfwLogType.NONE) {
        w.add(r.logType().word());
      }
      boolean hasFromTo = false;
      for (int side = 0; side < 2; side++) {
        String loc = side == 0 ? r.source() : r.destination();
        String port = side == 0 ? r.sourcePort() : r.destinationPort();
        String app = side == 0 ? sapp : dapp;
        if (anywhere(loc)) {
          loc = "any";
        }
        if (!loc.equals("any") || !port.equals("any") || !app.isEmpty()) {
          hasFromTo = true;
          w.add(side == 0 ? "from" : "to");
          w.add(loc);
          if (!app.isEmpty()) {
            w.add("app");
            w.add(app.contains(" ") ? quoted(app, display) : app);
          } else if (!port.equals("any")) {
            w.add("port");
            w.add(port);
          }
        }
      }
      if (!hasFromTo && ifIn.isEmpty() && ifOut.isEmpty()) {
        w.add("to");
        w.add("any");
      }
      if (r.protocol() != UfwProtocol.ANY && dapp.isEmpty() && sapp.isEmpty()) {
        w.add("proto");
        w.add(r.protocol().word());
      }
    }
    if (!comment.isEmpty()) {
      w.add("comment");
      w.add(quoted(comment, display));
    }
    return w;
  }
}
