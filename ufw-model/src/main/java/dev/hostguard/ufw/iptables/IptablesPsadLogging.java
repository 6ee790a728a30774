package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;

/**
 * The seed's edit to ufw's {@code before.rules} and {@code before6.rules} so psad sees all traffic:
 * a comment and two LOG rules (INPUT, FORWARD) at the end of {@code *filter}, before {@code
 * COMMIT}; applying twice adds nothing, removing restores the file.
 *
 * <pre>{@code
 * IptablesRestoreDocument edited = IptablesPsadLogging.apply(IptablesRestoreDocument.parse(n, t));
 * IptablesPsadLogging.remove(edited).render().equals(t); // true
 * }</pre>
 */
public final class IptablesPsadLogging {
  /** The table the lines go into. */
  public static final String TABLE = "filter";

  /** The lines, exactly as the seed writes them. */
  public static final ImmutableList<String> LINES =
      ImmutableList.of(
          "# log all traffic so psad can analyze",
          IptablesRule.append(
                  "INPUT",
                  ImmutableList.of("-j", "LOG", "--log-tcp-options", "--log-prefix", "[IPTABLES] "))
              .toLine(),
          IptablesRule.append(
                  "FORWARD",
                  ImmutableList.of("-j", "LOG", "--log-tcp-options", "--log-prefix", "[IPTABLES] "))
              .toLine());

  private IptablesPsadLogging() {}

  /** The document with psad's lines added (unchanged if present). */
  public static IptablesRestoreDocument apply(IptablesRestoreDocument doc) {
    return doc.withLinesBeforeCommit(TABLE, LINES);
  }

  /** The document without psad's lines (unchanged if absent). */
  public static IptablesRestoreDocument remove(IptablesRestoreDocument doc) {
    return doc.withoutLines(TABLE, LINES);
  }

  /** Whether the document holds psad's lines. */
  public static boolean isApplied(IptablesRestoreDocument doc) {
    return doc.contains(TABLE, LINES);
  }
}
