package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One thing {@code hostguard audit} reports: what it is about, the rule it names (its number in
 * {@code ufw status numbered}) and the earlier rules involved, or the file it names, and a message
 * saying what is wrong. {@link #line()} is its one-line text; the record's getters are its JSON
 * form.
 *
 * <pre>{@code
 * finding.line(); // "[ 3] shadowed by [ 1]: deny 22/tcp never applies: allow 22/tcp matches first"
 * finding.kind(); // SHADOWED   finding.ruleNumber(); // Optional[3]   finding.byRules(); // [1]
 * }</pre>
 *
 * @param kind what the finding is about
 * @param ruleNumber the rule it is about, numbered as {@code ufw status numbered} numbers it
 * @param byRules the earlier rules that decide that rule's packets first (shadowed, redundant), or
 *     the rule that drops the SSH probe (lock-out risk); empty otherwise
 * @param file the file it is about (relative to the root, e.g. {@code etc/default/ufw})
 * @param message what is wrong and, for a chapter finding, what to do
 */
public record AuditFinding(
    AuditFindingKind kind,
    Optional<Integer> ruleNumber,
    List<Integer> byRules,
    Optional<String> file,
    String message) {

  /** Checks non-null parts and copies the list. */
  public AuditFinding {
    requireNonNull(kind, "kind");
    requireNonNull(ruleNumber, "ruleNumber");
    byRules = ImmutableList.copyOf(byRules);
    requireNonNull(file, "file");
    requireNonNull(message, "message");
  }

  /** A chapter finding about a file. */
  static AuditFinding chapter(String file, String message) {
    return new AuditFinding(
        AuditFindingKind.CHAPTER, Optional.empty(), List.of(), Optional.of(file), message);
  }

  /**
   * The finding as one line: {@code [ N] KIND[ by|after [ M]...]: MESSAGE} for a rule, {@code FILE:
   * MESSAGE} for a file, {@code KIND: MESSAGE} otherwise.
   */
  public String line() {
    StringBuilder b = new StringBuilder();
    if (ruleNumber.isPresent()) {
      b.append(number(ruleNumber.get())).append(' ').append(kind.word());
      if (!byRules.isEmpty() && kind != AuditFindingKind.LOCKOUT_RISK) {
        b.append(kind == AuditFindingKind.REDUNDANT ? " after" : " by");
        byRules.forEach(n -> b.append(' ').append(number(n)));
      }
    } else if (file.isPresent()) {
      b.append(file.get());
    } else {
      b.append(kind.word());
    }
    return b.append(": ").append(message).toString();
  }

  /** A rule number as {@code ufw status numbered} prints it: {@code [ 3]}, {@code [12]}. */
  static String number(int n) {
    return String.format(java.util.Locale.ROOT, "[%2d]", n);
  }

  @Override
  public String toString() {
    return line();
  }
}
