package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;

/**
 * One line of an iptables-restore file: its exact text and what kind of line it is. Lines are read
 * by {@link IptablesRestoreDocument#parse(String, String)} and reached through {@link
 * IptablesRestoreDocument#lines()}.
 *
 * <pre>{@code
 * IptablesLine l = IptablesRestoreDocument.parse("t.rules", "-A INPUT -j ACCEPT\n").lines().get(0);
 * l.kind(); // RULE   l.arguments(); // [-A, INPUT, -j, ACCEPT]
 * }</pre>
 *
 * @param kind the classification
 * @param text the text without line terminator
 */
public record IptablesLine(IptablesLineKind kind, String text) {

  /** Classifies {@code text} as iptables-restore does. */
  static IptablesLine of(String text) {
    return new IptablesLine(kindOf(text), text);
  }

  /** The kind of line {@code text} is. */
  static IptablesLineKind kindOf(String text) {
    if (text.isEmpty()) {
      return IptablesLineKind.BLANK;
    } else if (text.charAt(0) == '#') {
      return IptablesLineKind.COMMENT;
    } else if (text.charAt(0) == '*') {
      return IptablesLineKind.TABLE;
    } else if (text.charAt(0) == ':') {
      return IptablesLineKind.CHAIN;
    } else if (text.equals("COMMIT")) {
      return IptablesLineKind.COMMIT;
    }
    return IptablesLineKind.RULE;
  }

  /** The table name of a {@code *table} line. */
  public String tableName() {
    checkKind(IptablesLineKind.TABLE);
    return text.substring(1);
  }

  /** The chain declaration of a {@code :chain} line. */
  public IptablesChain chain() {
    checkKind(IptablesLineKind.CHAIN);
    return IptablesChain.ofLine(text);
  }

  /** The arguments of a rule line, split and unquoted as iptables-restore does. */
  public ImmutableList<String> arguments() {
    checkKind(IptablesLineKind.RULE);
    return IptablesArguments.split(text).arguments();
  }

  /** The typed rule of a rule line. */
  public IptablesRule rule() {
    return IptablesRule.of(arguments());
  }

  private void checkKind(IptablesLineKind expected) {
    if (kind != expected) {
      throw new IllegalStateException("a " + kind + " line, not " + expected + ": " + text);
    }
  }
}
