package dev.hostguard.ufw.status;

import java.util.Locale;

/**
 * A policy word in the verbose header: {@code allow}, {@code deny}, {@code reject}, {@code
 * disabled} (routed only, when forwarding is off) or {@code skip} (new profiles only).
 *
 * <pre>{@code
 * StatusPolicy p = StatusPolicy.fromWord("deny");
 * p.word(); // "deny"
 * }</pre>
 */
public enum StatusPolicy {
  ALLOW,
  DENY,
  REJECT,
  DISABLED,
  SKIP;

  /** The word as printed. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy printed as {@code word}; IllegalArgumentException if none. */
  public static StatusPolicy fromWord(String word) {
    for (StatusPolicy p : values()) {
      if (p.word().equals(word)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown policy '" + word + "'");
  }
}
