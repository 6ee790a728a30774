package dev.hostguard.core;

import static java.util.Objects.requireNonNull;

/**
 * A finding about a source text that does not stop it from being read: a warning that the tool
 * would print, or an error that the tool would refuse the text for, reported with the rest instead
 * of thrown. Every module reports validation results as a list of these.
 *
 * <pre>{@code
 * for (Diagnostic d : doc.validate()) System.err.println(d);
 * // before.rules:74:1: error: Bad argument `COMMIT'
 * }</pre>
 *
 * @param sourceName the file name as given, or a pseudo name such as {@code <argv>}
 * @param position where it is (the end of the text for something missing)
 * @param lineText the text of the line it is about ({@code ""} when none)
 * @param severity whether the tool refuses the text ({@link Severity#ERROR}) or only warns
 * @param message the real tool's wording where it has one
 */
public record Diagnostic(
    String sourceName,
    SourcePosition position,
    String lineText,
    Severity severity,
    String message) {

  /** How serious a {@link Diagnostic} is. */
  public enum Severity {
    /** The tool refuses the text (or dies on it). */
    ERROR,
    /** The tool reads the text, but not as it looks, or warns about it. */
    WARNING;

    /** The lower-case word used in rendered diagnostics: {@code error}, {@code warning}. */
    public String word() {
      return this == ERROR ? "error" : "warning";
    }
  }

  /** Checks that no part is null. */
  public Diagnostic {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(position, "position");
    requireNonNull(lineText, "lineText");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
  }

  /** An error diagnostic. */
  public static Diagnostic error(
      String sourceName, SourcePosition position, String lineText, String message) {
    return new Diagnostic(sourceName, position, lineText, Severity.ERROR, message);
  }

  /** A warning diagnostic. */
  public static Diagnostic warning(
      String sourceName, SourcePosition position, String lineText, String message) {
    return new Diagnostic(sourceName, position, lineText, Severity.WARNING, message);
  }

  /** Whether the tool refuses the text for this. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This diagnostic as a {@link ParseException} with the same place and message. */
  public ParseException toException() {
    return ParseException.at(sourceName, position, lineText, message);
  }

  /** {@code source:line:col: error: message} (or {@code warning:}), as compilers print them. */
  @Override
  public String toString() {
    return sourceName + ":" + position + ": " + severity.word() + ": " + message;
  }
}
