package dev.hostguard.ufw.conf;

import java.util.Locale;
import java.util.Optional;

/**
 * A policy value of /etc/default/ufw: ACCEPT, DROP or REJECT for chains, and also SKIP for new
 * application profiles.
 *
 * <pre>{@code
 * ConfPolicy p = ConfPolicy.fromValue("drop").orElseThrow(); // DROP
 * p.statusWord(); // "deny"
 * }</pre>
 */
public enum ConfPolicy {
  ACCEPT("allow"),
  DROP("deny"),
  REJECT("reject"),
  SKIP("skip");

  private final String statusWord;

  ConfPolicy(String statusWord) {
    this.statusWord = statusWord;
  }

  /** The word {@code ufw status verbose} prints for it. */
  public String statusWord() {
    return statusWord;
  }

  /** The policy named {@code value} in any case, if any. */
  public static Optional<ConfPolicy> fromValue(String value) {
    for (ConfPolicy p : values()) {
      if (p.name().equals(value.toUpperCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
