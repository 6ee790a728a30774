package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import org.jspecify.annotations.Nullable;

/**
 * An error that fail2ban's Python code raises while reading a configuration, with Python's message
 * ({@code str(exception)}) and, for file errors, the file, the 1-based line and its text.
 */
final class ConfigError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The Python exception class that fail2ban would see; decides how the client reacts. */
  enum Kind {
    NO_SECTION,
    NO_OPTION,
    INTERPOLATION,
    PARSING,
    DUPLICATE,
    VALUE,
    JAIL_DEFINITION,
    /** Python's TypeError. */
    TYPE,
    /** Python's RecursionError. */
    RECURSION
  }

  private final Kind kind;
  private final @Nullable String file;
  private final int line;
  private final String lineText;
  private @Nullable String section;
  private @Nullable String option;

  ConfigError(Kind kind, String message) {
    this(kind, message, null, 0, "");
  }

  ConfigError(Kind kind, String message, @Nullable String file, int line, String lineText) {
    // control flow in fail2ban's readers (missing options): no stack trace, as cheap as Python's
    super(message, null, false, false);
    this.kind = kind;
    this.file = file;
    this.line = line;
    this.lineText = lineText;
  }

  Kind kind() {
    return kind;
  }

  @Nullable String file() {
    return file;
  }

  int line() {
    return line;
  }

  String lineText() {
    return lineText;
  }

  /** The section of the option the error is about, if the message names one. */
  @Nullable String section() {
    return section;
  }

  /** The option the error is about, if the message names one. */
  @Nullable String option() {
    return option;
  }

  /**
   * This error about {@code option} of {@code section}, at the line that sets it ({@code origin}
   * null when no file sets it).
   */
  static ConfigError about(
      Kind kind,
      String message,
      String section,
      String option,
      ConfigStore.@Nullable Origin origin) {
    ConfigError e =
        origin == null
            ? new ConfigError(kind, message)
            : new ConfigError(kind, message, origin.file(), origin.line(), origin.lineText());
    e.section = section;
    e.option = option;
    return e;
  }

  static ConfigError noSection(String section) {
    return new ConfigError(Kind.NO_SECTION, "No section: " + PythonText.reprString(section));
  }

  static ConfigError noOption(String option, String section) {
    return new ConfigError(
        Kind.NO_OPTION,
        "No option "
            + PythonText.reprString(option)
            + " in section: "
            + PythonText.reprString(section));
  }

  static ConfigError value(String message) {
    return new ConfigError(Kind.VALUE, message);
  }

  /**
   * The ValueError fail2ban's JailReader raises when reading action {@code act} (stripped) failed
   * with this error: {@code Error in action definition %r: %r}, at this error's file, line and
   * option.
   */
  ConfigError inActionDefinition(String act) {
    ConfigError e =
        new ConfigError(
            Kind.VALUE,
            "Error in action definition " + PythonText.reprString(act) + ": " + pythonRepr(),
            file,
            line,
            lineText);
    e.section = section;
    e.option = option;
    return e;
  }

  /**
   * Python's {@code repr()} of the exception: configparser's errors answer their message, the
   * others {@code ClassName('message')}.
   */
  private String pythonRepr() {
    String pythonClass =
        switch (kind) {
          case NO_SECTION, NO_OPTION, INTERPOLATION, PARSING, DUPLICATE -> null;
          case VALUE -> "ValueError";
          case JAIL_DEFINITION -> "JailDefError";
          case TYPE -> "TypeError";
          case RECURSION -> "RecursionError";
        };
    String message = getMessage();
    return pythonClass == null ? message : pythonClass + "(" + PythonText.reprString(message) + ")";
  }
}
