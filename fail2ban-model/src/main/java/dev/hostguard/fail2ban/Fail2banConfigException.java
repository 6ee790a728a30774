package dev.hostguard.fail2ban;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A configuration fail2ban cannot resolve (a broken file, an interpolation loop, a missing filter):
 * {@link #getMessage()} is fail2ban's own message ({@code Bad value substitution: ...}); where that
 * message names an option (or a file line), {@link #file()} and {@link #line()} say where it is
 * set.
 *
 * <pre>{@code
 * try { config.jail("sshd"); }
 * catch (Fail2banConfigException e) { System.err.println(e.location() + ": " + e.getMessage()); }
 * }</pre>
 *
 * <p>It is not a {@link dev.hostguard.core.ParseException}: many of fail2ban's configuration errors
 * (a missing directory, an unknown filter, a tag loop) have no file or line.
 */
public final class Fail2banConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String file;
  private final int line;
  private final String lineText;
  private final @Nullable String section;
  private final @Nullable String option;

  private Fail2banConfigException(
      String message,
      @Nullable Throwable cause,
      @Nullable String file,
      int line,
      String lineText,
      @Nullable String section,
      @Nullable String option) {
    super(message, cause);
    this.file = file;
    this.line = line;
    this.lineText = lineText;
    this.section = section;
    this.option = option;
  }

  /** fail2ban's error, with the place and option it carries. */
  static Fail2banConfigException of(ConfigError e) {
    return new Fail2banConfigException(
        e.getMessage(), e, e.file(), e.line(), e.lineText(), e.section(), e.option());
  }

  /** fail2ban's error {@code message} about {@code option} of {@code section}, set at origin. */
  static Fail2banConfigException about(
      String message, String section, String option, ConfigStore.@Nullable Origin origin) {
    return new Fail2banConfigException(
        message,
        null,
        origin == null ? null : origin.file(),
        origin == null ? 0 : origin.line(),
        origin == null ? "" : origin.lineText(),
        section,
        option);
  }

  /** The file of the option (or line) involved, as fail2ban names it, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file).map(Path::of);
  }

  /** The 1-based line in {@link #file()}, if known. */
  public OptionalInt line() {
    return file == null || line < 1 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** The text of that line ({@code ""} when not known). */
  public String lineText() {
    return lineText;
  }

  /** The section of the option involved, if fail2ban's message names one. */
  public Optional<String> section() {
    return Optional.ofNullable(section);
  }

  /** The option involved, if fail2ban's message names one. */
  public Optional<String> option() {
    return Optional.ofNullable(option);
  }

  /** {@code file:line} where known, else empty. */
  public Optional<String> location() {
    return file == null ? Optional.empty() : Optional.of(file + ":" + Math.max(line, 1));
  }
}
