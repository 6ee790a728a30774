package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.HostguardStyle;
import dev.hostguard.ufw.UfwRule;
import org.immutables.value.Value;

/**
 * The output of {@code ufw show added}: the commands that would re-create the user rules, in ufw's
 * order (IPv4 rules first, duplicates once). Generated as {@link UfwAddedRules}.
 *
 * <pre>{@code
 * UfwAddedRules added = UfwAddedRules.parse("<stdin>", text);
 * added.commands(); // [limit 22/tcp comment 'allow SSH', allow out 53]   added.rules(); // typed
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract non-sealed class AbstractUfwAddedRules implements UfwStatusOutput {
  static final String HEADER = "Added user rules (see 'ufw status' for running firewall):";
  static final String NONE = "(None)";

  /** The name the output was parsed under ({@code <built>} for one built in code). */
  @Value.Default
  @Value.Auxiliary
  @Override
  public String sourceName() {
    return "<built>";
  }

  /** Each line's text after {@code ufw }. */
  public abstract ImmutableList<String> commands();

  /** Checks each command is one line. */
  @Value.Check
  void check() {
    for (String c : commands()) {
      if (c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("multi-line command: " + c);
      }
    }
  }

  /**
   * Parses {@code show added} output (not a status); {@link StatusParseException} on anything else.
   */
  public static UfwAddedRules parse(String sourceName, String text) {
    UfwStatusOutput out = StatusParser.parse(sourceName, text);
    if (out instanceof UfwAddedRules added) {
      return added;
    }
    throw StatusParser.notAddedRules(sourceName, text);
  }

  /**
   * The rules of the commands, in order, read by ufw's rule grammar with no services table ({@code
   * show added} prints ports as numbers): application rules stay templates naming the profile.
   *
   * @throws StatusParseException at the line of a command ufw's grammar refuses or that is not a
   *     rule
   */
  public ImmutableList<UfwRule> rules() {
    return StatusRuleMapping.rules(this);
  }

  /** The output as ufw prints it. */
  @Override
  public String render() {
    StringBuilder sb = new StringBuilder(HEADER);
    if (commands().isEmpty()) {
      sb.append('\n').append(NONE);
    }
    for (String c : commands()) {
      sb.append("\nufw ").append(c);
    }
    return sb.append('\n').toString();
  }
}
