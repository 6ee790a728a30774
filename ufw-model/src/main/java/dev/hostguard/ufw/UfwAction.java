package dev.hostguard.ufw;

import java.util.Locale;

/**
 * What a ufw rule does with matching traffic.
 *
 * <pre>{@code
 * UfwAction a = UfwAction.fromWord("limit");
 * a.word(); // "limit"
 * }</pre>
 */
public enum UfwAction {
  ALLOW,
  DENY,
  REJECT,
  LIMIT;

  /** The word ufw uses ({@code allow}, {@code deny}, ...). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** ufw's set_action: allow, reject and limit are themselves, anything else is deny. */
  public static UfwAction fromWord(String word) {
    return switch (word) {
      case "allow" -> ALLOW;
      case "reject" -> REJECT;
      case "limit" -> LIMIT;
      default -> DENY;
    };
  }
}
