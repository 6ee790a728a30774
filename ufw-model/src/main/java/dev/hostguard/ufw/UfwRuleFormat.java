package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

  /**
   * The word for direction out without an interface. ufw refuses a lowercase {@code out} not
   * followed by {@code on} in a route rule ("Invalid interface clause for route rule") but reads
   * {@code Out} as the direction, so that is the word ufw can be given back.
   */
  private static String outWord(UfwRule r, boolean display) {
    return !display && r.route() ? "Out" : "out";
  }

  /**
   * Whether {@code ufw ACTION NAME} reads NAME back as this application: ufw's {@code
   * valid_profile_name} (not {@code all}, not an integer, {@code [a-zA-Z0-9][a-zA-Z0-9 _-.+]*}) and
   * not a word ufw strips before reading the short form ({@code in}, {@code out}, {@code log},
   * {@code log-all}, {@code comment}). Other names take the extended form {@code to any app NAME}.
   */
  static boolean isSimpleAppName(String name) {
    if (RESERVED_SHORT_FORM_WORDS.contains(name) || PythonText.parseInt(name).isPresent()) {
      return false;
    }
    // Python's '$' also matches before one final newline
    String body = name.endsWith("\n") ? name.substring(0, name.length() - 1) : name;
    return PROFILE_NAME.matcher(body).matches();
  }

  private static final ImmutableSet<String> RESERVED_SHORT_FORM_WORDS =
      ImmutableSet.of("all", "in", "out", "log", "log-all", "comment");
  private static final Pattern PROFILE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9 _\\-.+]*");

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
        && !r.destinationPort().equals("any")
        && (display || dapp.isEmpty() || isSimpleAppName(dapp))) {
      if (r.direction() == UfwDirection.OUT) {
        w.add(outWord(r, display));
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
      // 'in on X out' is refused once a log word follows; ufw reads 'out in on X' as this rule
      boolean outBeforeIn =
          !display && r.direction() == UfwDirection.OUT && !ifIn.isEmpty() && ifOut.isEmpty();
      if (outBeforeIn) {
        w.add(outWord(r, display));
      }
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
      } else if (!display && r.direction() == UfwDirection.IN && !ifOut.isEmpty()) {
        // 'out on X' alone reads as direction out; ufw keeps direction in for 'in out on X'
        w.add("in");
      }
      if (outFirst) {
        // already written
      } else if (!ifOut.isEmpty()) {
        w.add("out");
        w.add("on");
        w.add(ifOut);
      } else if (r.direction() == UfwDirection.OUT && !outBeforeIn) {
        w.add(outWord(r, display));
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
