package dev.hostguard.host;

import java.util.Optional;

/**
 * What an {@link AuditFinding} is about: a rule-set analysis result of {@link UfwRuleSetAudit}, or
 * a departure from the seed chapter found by {@link ChapterAudit}.
 *
 * <pre>{@code
 * AuditFindingKind.SHADOWED.word(); // "shadowed"
 * AuditFindingKind.fromWord("v4 without v6"); // Optional[V4_WITHOUT_V6]
 * }</pre>
 */
public enum AuditFindingKind {
  /** A rule that never decides a packet, and some of its packets get another verdict. */
  SHADOWED("shadowed"),
  /** A rule that never decides a packet, and the earlier rules give its packets its verdict. */
  REDUNDANT("redundant"),
  /** An IPv4 rule for any address without the IPv6 rule ufw adds beside it. */
  V4_WITHOUT_V6("v4 without v6"),
  /** An IPv6 rule for any address without the IPv4 rule ufw adds beside it. */
  V6_WITHOUT_V4("v6 without v4"),
  /** A new SSH connection from anywhere would be dropped or rejected. */
  LOCKOUT_RISK("lock-out risk"),
  /** A file or setting that departs from the seed chapter. */
  CHAPTER("chapter");

  private final String word;

  AuditFindingKind(String word) {
    this.word = word;
  }

  /** The words a finding line uses ({@code shadowed}, {@code v4 without v6}, ...). */
  public String word() {
    return word;
  }

  /** The kind its exact word names. */
  public static Optional<AuditFindingKind> fromWord(String word) {
    for (AuditFindingKind k : values()) {
      if (k.word.equals(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
