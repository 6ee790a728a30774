package dev.hostguard.ufw.status;

import dev.hostguard.core.HostguardStyle;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One rule line of a status: {@code To}, action and direction, {@code From}, the {@code
 * (log)}/{@code (log-all)} attribute and the comment. The cells keep their printed text; what the
 * line prints around them (the direction word, {@code (out)}, the {@code [ N]} number) follows from
 * the {@link StatusForm} of the {@link UfwStatus} holding it. Generated as {@link StatusEntry}.
 *
 * <pre>{@code
 * StatusEntry e = StatusEntry.builder().to(StatusLocation.of("22/tcp")).action(UfwAction.LIMIT)
 *     .direction(UfwDirection.IN).from(StatusLocation.of("Anywhere")).build();
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractStatusEntry {

  /** The destination cell. */
  public abstract StatusLocation to();

  /** The action. */
  public abstract UfwAction action();

  /** Whether this is a route rule ({@code FWD}); false by default. */
  @Value.Default
  public boolean route() {
    return false;
  }

  /**
   * The rule's direction; empty only for a route rule outside the numbered form, where ufw prints
   * {@code FWD} and no direction. Plain {@code ufw status} prints no word for incoming rules, but
   * their direction is known: {@link UfwDirection#IN}.
   */
  public abstract Optional<UfwDirection> direction();

  /** The source cell. */
  public abstract StatusLocation from();

  /** The log attribute; none by default. */
  @Value.Default
  public UfwLogType logType() {
    return UfwLogType.NONE;
  }

  /** The text after {@code # }, if any. */
  public abstract Optional<String> comment();

  /** Checks the comment is one line and a rule that is not routed has a direction. */
  @Value.Check
  void check() {
    if (!route() && direction().isEmpty()) {
      throw new IllegalArgumentException("a rule that is not routed is in or out");
    }
    comment()
        .ifPresent(
            c -> {
              if (c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("multi-line comment");
              }
            });
  }

  /** Whether the rule is an IPv6 one: a {@code (v6)} mark or an IPv6 address. */
  public boolean v6() {
    return to().v6()
        || from().v6()
        || to().address().map(a -> a.contains(":")).orElse(false)
        || from().address().map(a -> a.contains(":")).orElse(false);
  }

  /** The incoming interface: in {@code From} for route rules, in {@code To} for others. */
  public Optional<String> interfaceIn() {
    return route() ? from().iface() : to().iface();
  }

  /** The outgoing interface: in {@code To} for route rules, in {@code From} for others. */
  public Optional<String> interfaceOut() {
    return route() ? to().iface() : from().iface();
  }
}
