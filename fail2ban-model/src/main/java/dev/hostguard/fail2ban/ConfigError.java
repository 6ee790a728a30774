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
    OTHER
  }

  private final Kind kind;
  private final @Nullable String file;
  private final int line;
  private final String lineText;

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
}
