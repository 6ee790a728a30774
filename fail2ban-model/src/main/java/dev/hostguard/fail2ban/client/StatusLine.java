package dev.hostguard.fail2ban.client;

import static java.util.Objects.requireNonNull;

import dev.hostguard.fail2ban.Fail2banRefusedException;

/**
 * One {@code label:<TAB>value} leaf of fail2ban-client's status tree, value kept exactly as printed
 * (lists are space-joined by fail2ban).
 *
 * <pre>{@code
 * StatusLine l = new StatusLine("Currently banned", "2");
 * l.intValue(); // 2
 * }</pre>
 *
 * @param label the label before the colon
 * @param value the text after the tab, possibly empty
 */
public record StatusLine(String label, String value) {

  /** Checks that the parts cannot break the line structure. */
  public StatusLine {
    requireNonNull(label, "label");
    requireNonNull(value, "value");
    if (label.isEmpty() || label.contains(":\t") || label.contains("\n")) {
      throw new Fail2banRefusedException("bad status label: " + label);
    }
    if (value.contains("\n")) {
      throw new Fail2banRefusedException("a status value cannot contain a newline: " + value);
    }
  }

  /** The value as an int; throws {@link NumberFormatException} if it is not one. */
  public int intValue() {
    return Integer.parseInt(value);
  }
}
