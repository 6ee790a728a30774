package dev.hostguard.ufw.status;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * One rule line of a status: number ({@code 0} unless numbered), {@code To}, action and direction,
 * {@code From}, the {@code (log)}/{@code (log-all)}/{@code (out)} attributes and the comment.
 *
 * <pre>{@code
 * StatusEntry e = UfwStatus.parse("<stdin>", text).entries().get(0);
 * e.action(); // LIMIT   e.to().text(); // "22/tcp"   e.comment(); // Optional[allow SSH]
 * }</pre>
 *
 * @param number the {@code [ N]} number of a numbered status, else 0
 * @param to the destination cell
 * @param action the action
 * @param direction the direction printed after the action
 * @param from the source cell
 * @param logType the log attribute
 * @param outAttribute whether {@code out} is listed in the attributes (numbered form)
 * @param comment the text after {@code # }, if any
 */
public record StatusEntry(
    int number,
    StatusLocation to,
    StatusAction action,
    StatusDirection direction,
    StatusLocation from,
    StatusLogType logType,
    boolean outAttribute,
    Optional<String> comment) {

  /** Checks the comment is one line and the number not negative. */
  public StatusEntry {
    checkArgument(number >= 0, "number %s", number);
    comment.ifPresent(
        c -> checkArgument(c.indexOf('\n') < 0 && c.indexOf('\r') < 0, "multi-line comment"));
  }

  /** Whether this is a route rule ({@code FWD}). */
  public boolean isRoute() {
    return direction == StatusDirection.FWD;
  }

  /** Whether the rule is an IPv6 one: a {@code (v6)} mark or an IPv6 address. */
  public boolean v6() {
    return to.v6()
        || from.v6()
        || to.address().map(a -> a.contains(":")).orElse(false)
        || from.address().map(a -> a.contains(":")).orElse(false);
  }

  /** The incoming interface: in {@code From} for route rules, in {@code To} for others. */
  public Optional<String> interfaceIn() {
    return isRoute() ? from.iface() : to.iface();
  }

  /** The outgoing interface: in {@code To} for route rules, in {@code From} for others. */
  public Optional<String> interfaceOut() {
    return isRoute() ? to.iface() : from.iface();
  }

  /** The attribute text ufw appends after {@code From}: {@code " (log, out)"} or {@code ""}. */
  public String attributeText() {
    if (logType == StatusLogType.NONE && !outAttribute) {
      return "";
    }
    if (logType == StatusLogType.NONE) {
      return " (out)";
    }
    return " (" + logType.keyword() + (outAttribute ? ", out)" : ")");
  }
}
