package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
    RuleTexts t = RuleTexts.of(r);
    String comment = r.comment().orElse("");
    StringBuilder text = new StringBuilder(48 + t.length(r) + comment.length());
    words(r, t, comment, true, new WordSink(text, null));
    return text.toString();
  }

  /** Words that, given to {@code ufw}, make this rule (what {@link UfwRuleParser} reads back). */
  public static ImmutableList<String> argv(UfwRule r) {
    List<String> list = new ArrayList<>(16);
    words(r, RuleTexts.of(r), r.comment().orElse(""), false, new WordSink(null, list));
    return ImmutableList.copyOf(list);
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

  /** The words of {@code r}, whose optional texts are {@code t} and {@code comment}. */
  private static void words(UfwRule r, RuleTexts t, String comment, boolean display, WordSink w) {
    String ifIn = t.ifIn();
    String ifOut = t.ifOut();
    String dapp = t.dapp();
    String sapp = t.sapp();
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
