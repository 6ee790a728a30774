package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwRuleParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a {@code ufw status numbered} back to rules: each line carries action, direction, log type,
 * addresses, ports, protocol, application names, interfaces and comment, so it gives the rule ufw
 * would print in {@code show added} (application rules keep their names, not ports).
 *
 * <pre>{@code
 * UfwStatus numbered = UfwStatus.parse("<stdin>", text);
 * StatusRuleMapping.commands(numbered); // [limit 22/tcp comment 'allow SSH', allow out 53, ...]
 * }</pre>
 */
public final class StatusRuleMapping {
  private StatusRuleMapping() {}

  /** The rule of each numbered entry, in order. */
  public static ImmutableList<RuleTuple> rules(UfwStatus numbered) {
    if (numbered.form() != StatusForm.NUMBERED && !numbered.entries().isEmpty()) {
      throw new IllegalArgumentException(
          "only the numbered form carries directions and attributes for every rule");
    }
    ImmutableList.Builder<RuleTuple> b = ImmutableList.builder();
    for (StatusEntry e : numbered.entries()) {
      b.add(rule(e));
    }
    return b.build();
  }

  /** The distinct {@code show added} commands of a numbered status, in ufw's order. */
  public static ImmutableList<String> commands(UfwStatus numbered) {
    Set<String> out = new LinkedHashSet<>();
    for (RuleTuple r : rules(numbered)) {
      out.add(r.command());
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The commands of {@code show added} parsed by the rule grammar (application rules stay templates
   * naming the application, as ufw's parser leaves them).
   */
  public static ImmutableList<UfwCommand> commands(UfwAddedRules added, UfwRuleParser parser) {
    ImmutableList.Builder<UfwCommand> b = ImmutableList.builder();
    for (String c : added.commands()) {
      b.add(parser.parse(words(c)));
    }
    return b.build();
  }

  /** Splits a show-added command as a shell would: spaces, and {@code '...'} kept whole. */
  static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(w.toString());
          w.setLength(0);
          any = false;
        }
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(w.toString());
    }
    return out;
  }

  static RuleTuple rule(StatusEntry e) {
    boolean v6 = e.v6();
    String anywhere = v6 ? "::/0" : "0.0.0.0/0";
    StatusLocation to = e.to();
    StatusLocation from = e.from();
    String protocol = to.protocol().orElse(from.protocol().orElse("any")).toLowerCase(Locale.ROOT);
    String direction;
    boolean forward = e.direction() == StatusDirection.FWD;
    if (forward) {
      direction = e.outAttribute() ? "out" : "in";
    } else {
      direction = e.direction() == StatusDirection.OUT ? "out" : "in";
    }
    String comment = e.comment().map(RuleTuple::hex).orElse("");
    return new RuleTuple(
        e.action(),
        e.logType(),
        to.app().isPresent() || from.app().isPresent() ? "any" : protocol,
        to.port().orElse("any"),
        to.address().orElse(anywhere),
        from.port().orElse("any"),
        from.address().orElse(anywhere),
        to.app().orElse(""),
        from.app().orElse(""),
        direction,
        e.interfaceIn().orElse(""),
        e.interfaceOut().orElse(""),
        forward,
        v6,
        comment);
  }
}
