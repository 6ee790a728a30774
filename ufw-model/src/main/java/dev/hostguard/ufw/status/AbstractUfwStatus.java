package dev.hostguard.ufw.status;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.HostguardStyle;
import dev.hostguard.ufw.UfwRule;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The output of {@code ufw status}, {@code status verbose} or {@code status numbered}: the form,
 * the verbose header, and the rule lines in printed order. Generated as {@link UfwStatus}.
 *
 * <pre>{@code
 * UfwStatus s = UfwStatus.parse("<stdin>", text);
 * List<UfwRule> rules = s.rules(); // numbered form: the rules in file order
 * }</pre>
 *
 * <p>In the plain and verbose forms the entries are grouped (incoming, then outgoing, then routed)
 * and the blank lines between groups follow from them; in the numbered form they follow the rules
 * files' order and are numbered 1, 2, 3... Each entry keeps its {@code To} and {@code From} cells
 * as printed, so {@link #render()} gives the parsed text back byte for byte; {@link #rules()} is
 * the typed view, as {@link UfwRule}s.
 */
@Value.Immutable
@HostguardStyle
abstract non-sealed class AbstractUfwStatus implements UfwStatusOutput {

  /** The name the status was parsed under ({@code <built>} for a status built in code). */
  @Value.Default
  @Value.Auxiliary
  @Override
  public String sourceName() {
    return "<built>";
  }

  /** Which command printed it. */
  public abstract StatusForm form();

  /** The verbose header lines (present exactly for {@link StatusForm#VERBOSE}). */
  public abstract Optional<StatusHeader> header();

  /** The rule lines in printed order. */
  public abstract ImmutableList<StatusEntry> entries();

  /** Checks the parts fit the form. */
  @Value.Check
  void check() {
    StatusForm form = form();
    check(header().isPresent() == (form == StatusForm.VERBOSE), "header present only when verbose");
    check(form != StatusForm.INACTIVE || entries().isEmpty(), "inactive has no entries");
    int group = 0;
    for (int i = 0; i < entries().size(); i++) {
      StatusEntry e = entries().get(i);
      // the messages are made only on failure: this runs once per entry of every parse
      if (form == StatusForm.NUMBERED) {
        if (e.direction().isEmpty()) {
          check(false, "entry " + (i + 1) + ": numbered entries show a direction");
        }
      } else {
        if (e.route() && e.direction().isPresent()) {
          check(
              false,
              "entry " + (i + 1) + ": only the numbered form shows a route rule's direction");
        }
        int g = StatusRenderer.group(e);
        if (g < group) {
          check(false, "entry " + (i + 1) + " out of group order (incoming, outgoing, routed)");
        }
        group = g;
      }
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** {@code Status: inactive}. */
  public static UfwStatus inactive() {
    return UfwStatus.builder().form(StatusForm.INACTIVE).build();
  }

  /** Parses a status (not {@code show added}); {@link StatusParseException} on anything else. */
  public static UfwStatus parse(String sourceName, String text) {
    UfwStatusOutput out = StatusParser.parse(sourceName, text);
    if (out instanceof UfwStatus status) {
      return status;
    }
    throw StatusParser.notAStatus(sourceName, text);
  }

  /** Whether the firewall is active. */
  public boolean active() {
    return form() != StatusForm.INACTIVE;
  }

  /**
   * The direction word ufw prints after the action for an entry: {@code FWD} for route rules,
   * {@code OUT}, {@code IN}, or none for incoming rules in the plain form.
   */
  public Optional<String> directionWord(StatusEntry entry) {
    return StatusRenderer.directionWord(entry, form());
  }

  /**
   * Whether ufw lists {@code out} in an entry's attributes ({@code (out)}, {@code (log, out)}):
   * outgoing rules in the numbered form.
   */
  public boolean outAttribute(StatusEntry entry) {
    return StatusRenderer.outAttribute(entry, form());
  }

  /**
   * The rules of a numbered status, in ufw's order (IPv4 rules, then IPv6 rules, each in file
   * order). Application rules are templates naming the profile (their ports are the profile's name,
   * protocol {@code any}), as {@code UfwRuleParser} reads {@code allow 'Mail submission'}; other
   * rules equal the rules of {@code user.rules} / {@code user6.rules}.
   *
   * @throws IllegalStateException for the plain and verbose forms, which leave out what a rule
   *     needs (the direction of a route rule, application ports, file order)
   * @throws StatusParseException for an entry that no rule can print (a parsed status whose cells
   *     ufw could not have printed), at the entry's line
   */
  public ImmutableList<UfwRule> rules() {
    if (form() != StatusForm.NUMBERED && !entries().isEmpty()) {
      throw new IllegalStateException(
          "only the numbered form shows every rule's direction and attributes; this is "
              + form().name().toLowerCase(java.util.Locale.ROOT));
    }
    // presized: a grown array of more than 131,072 rules is a humongous object (see StatusParser)
    ImmutableList.Builder<UfwRule> b = ImmutableList.builderWithExpectedSize(entries().size());
    for (int i = 0; i < entries().size(); i++) {
      b.add(StatusRuleMapping.rule(this, i));
    }
    return b.build();
  }

  /** The status as ufw prints it. */
  @Override
  public String render() {
    return StatusRenderer.render(this);
  }
}
