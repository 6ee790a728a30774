package dev.hostguard.ufw.iptables;

import dev.hostguard.core.SourcePosition;

/**
 * One reason iptables-restore would refuse a file, with where it is (line, column).
 *
 * <pre>{@code
 * for (IptablesProblem p : doc.validate()) System.err.println(p);
 * // before.rules:74:1: Bad argument `COMMIT'
 * }</pre>
 *
 * @param sourceName file name as given
 * @param position 1-based line and column
 * @param lineText the offending line ({@code ""} past the end)
 * @param message iptables-restore's wording where it has one
 */
public record IptablesProblem(
    String sourceName, SourcePosition position, String lineText, String message) {

  /** This problem as an exception. */
  public IptablesParseException toException() {
    return IptablesParseException.of(this);
  }

  @Override
  public String toString() {
    return sourceName + ":" + position + ": " + message;
  }
}
