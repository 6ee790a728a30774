package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps ufw's read-back output to rules: a numbered status line carries action, direction, log type,
 * addresses, ports, protocol, application names, interfaces and comment, so it gives the rule
 * (application rules as templates naming the profile, as ufw's parser leaves them); a {@code show
 * added} line is a command, read by the rule grammar.
 */
final class StatusRuleMapping {
  /** Line of the first entry of a numbered status: after "Status: active", "", columns, rulers. */
  private static final int NUMBERED_FIRST_ENTRY = 4;

  private StatusRuleMapping() {}

  /** The rule of entry {@code index} of a numbered status. */
  static UfwRule rule(AbstractUfwStatus status, int index) {
    StatusEntry e = status.entries().get(index);
    boolean v6 = e.v6();
    String anywhere = v6 ? "::/0" : "0.0.0.0/0";
    StatusLocation to = e.to();
    StatusLocation from = e.from();
    boolean app = to.app().isPresent() || from.app().isPresent();
    String protocolWord =
        app ? "any" : to.protocol().orElse(from.protocol().orElse("any")).toLowerCase(Locale.ROOT);
    try {
      UfwProtocol protocol =
          UfwProtocol.fromWord(protocolWord)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException("Unsupported protocol '" + protocolWord + "'"));
      return UfwRule.builder()
          .action(e.action())
          .logType(e.logType())
          .protocol(protocol)
          // an application template's port is the profile's name, as ufw's parser leaves it
          .destinationPort(to.port().orElse(to.app().orElse("any")))
          .destination(to.address().orElse(anywhere))
          .sourcePort(from.port().orElse(from.app().orElse("any")))
          .source(from.address().orElse(anywhere))
          .destinationApp(to.app())
          .sourceApp(from.app())
          .direction(e.direction().orElseThrow())
          .interfaceIn(e.interfaceIn())
          .interfaceOut(e.interfaceOut())
          .route(e.route())
          .comment(e.comment())
          .v6(v6)
          .build();
    } catch (IllegalArgumentException ex) {
      LineDocument doc = LineDocument.parse(status.sourceName(), status.render());
      throw StatusParseException.at(
          doc, NUMBERED_FIRST_ENTRY + index, 0, "no ufw rule prints this line: " + ex.getMessage());
    }
  }

  /** The rules of the commands of {@code show added}, read with no services table. */
  static ImmutableList<UfwRule> rules(AbstractUfwAddedRules added) {
    UfwRuleParser parser = UfwRuleParser.of(ServicesDatabase.parse("<none>", ""));
    LineDocument doc = null;
    ImmutableList.Builder<UfwRule> b = ImmutableList.builder();
    for (int i = 0; i < added.commands().size(); i++) {
      Optional<String> problem;
      try {
        UfwCommand c = parser.parse(words(added.commands().get(i)));
        if (c instanceof UfwCommand.RuleChange change
            && change.operation() == UfwCommand.Operation.ADD) {
          b.add(change.rule());
          continue;
        }
        problem = Optional.of("not a rule: " + added.commands().get(i));
      } catch (ParseException ex) {
        problem = Optional.of(ex.reason());
      } catch (IllegalArgumentException ex) {
        problem = Optional.ofNullable(ex.getMessage());
      }
      if (doc == null) {
        doc = LineDocument.parse(added.sourceName(), added.render());
      }
      throw StatusParseException.at(doc, i + 1, 4, problem.orElse("not a rule"));
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
}
