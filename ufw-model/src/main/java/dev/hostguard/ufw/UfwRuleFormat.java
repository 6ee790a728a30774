package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
    StringBuilder text = new StringBuilder(64);
    words(r, true, new WordSink(text, null));
    return text.toString();
  }

  /** Words that, given to {@code ufw}, make this rule (what {@link UfwRuleParser} reads back). */
  public static ImmutableList<String> argv(UfwRule r) {
    List<String> list = new ArrayList<>(16);
    words(r, false, new WordSink(null, list));
    return ImmutableList.copyOf(list);
  }

  /** Where the words go: joined by spaces into text, or into a list. */
  private static final class WordSink {
    private final @Nullable StringBuilder text;
    private final @Nullable List<String> list;

    WordSink(@Nullable StringBuilder text, @Nullable List<String> list) {
      this.text = text;
      this.list = list;
    }

    void add(String word) {
      if (list != null) {
        list.add(word);
      } else if (text != null) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(word);
      }
    }

    /** The word {@code a + "/" + b} without building it for text. */
    void add(String a, String b) {
      if (list != null) {
        list.add(a + "/" + b);
      } else if (text != null) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(a).append('/').append(b);
      }
    }

    /** The word in single quotes for display, else as it is. */
    void addQuoted(String word, boolean display) {
      if (!display) {
        add(word);
      } else if (list != null) {
        list.add("'" + word + "'");
      } else if (text != null) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append('\'').append(word).append('\'');
      }
    }
  }

  private static void words(UfwRule r, boolean display, WordSink w) {
    String ifIn = r.interfaceIn().orElse("");
    String ifOut = r.interfaceOut().orElse("");
    String dapp = r.destinationApp().orElse("");
    String sapp = r.sourceApp().orElse("");
    String comment = r.comment().orElse("");
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
        w.addQuoted(dapp, display && dapp.contains(" "));
      } else {
        if (r.protocol() != UfwProtocol.ANY) {
          w.add(r.destinationPort(), r.protocol().word());
        } else {
          w.add(r.destinationPort());
        }
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
            w.addQuoted(app, display && app.contains(" "));
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
      w.addQuoted(comment, display);
    }
  }
}
