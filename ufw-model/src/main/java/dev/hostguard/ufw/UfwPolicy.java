package dev.hostguard.ufw;

import java.util.Optional;

/**
 * A ufw default policy, the one enum for it wherever ufw shows or stores one: {@code ufw default
 * deny incoming}, {@code Default: deny (incoming)} in {@code ufw status verbose}, {@code
 * DEFAULT_INPUT_POLICY="DROP"} in {@code /etc/default/ufw} and the {@code :ufw-user-input - [0:0]}
 * policy lines of the rules files.
 *
 * <pre>{@code
 * UfwPolicy p = UfwPolicy.fromWord("deny").orElseThrow();
 * p.target(); // "DROP"
 * }</pre>
 */
public enum UfwPolicy {
  /** {@code allow}: {@code ACCEPT}. */
  ALLOW("allow", "ACCEPT"),
  /** {@code deny}: {@code DROP}. */
  DENY("deny", "DROP"),
  /** {@code reject}: {@code REJECT}. */
  REJECT("reject", "REJECT"),
  /** {@code skip}: {@code SKIP}, only for {@code DEFAULT_APPLICATION_POLICY}. */
  SKIP("skip", "SKIP");

  private final String word;
  private final String target;

  UfwPolicy(String word, String target) {
    this.word = word;
    this.target = target;
  }

  /** The word ufw's commands and status output use: {@code allow}, {@code deny}, ... */
  public String word() {
    return word;
  }

  /** The value {@code /etc/default/ufw} stores: {@code ACCEPT}, {@code DROP}, ... */
  public String target() {
    return target;
  }

  /** The policy ufw's command word names ({@code allow}, {@code deny}, ...), exactly spelled. */
  public static Optional<UfwPolicy> fromWord(String word) {
    for (UfwPolicy p : values()) {
      if (p.word.equals(word)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The policy an {@code /etc/default/ufw} value names ({@code ACCEPT}, {@code DROP}, ...). */
  public static Optional<UfwPolicy> fromTarget(String target) {
    for (UfwPolicy p : values()) {
      if (p.target.equals(target)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
