package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
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
    String comment = e.comment().map(StatusRuleMapping::hex).orElse("");
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

  private static String hex(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
