package dev.hostguard.ufw.conf;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LosslessDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code /etc/ufw/ufw.conf}: whether ufw starts at boot ({@code ENABLED}) and its log level ({@code
 * LOGLEVEL}), over a lossless {@link UfwShellFile}.
 *
 * <pre>{@code
 * UfwConf c = UfwConf.parseValid("/etc/ufw/ufw.conf", text);
 * c.enabled(); // false   c.logLevel(); // "low"   c.withLogLevel("high").render();
 * }</pre>
 *
 * <p>{@link #parse} reads any text; {@link #validate()} lists what ufw would refuse, and {@link
 * #parseValid} throws the first of it as a {@link ConfParseException}.
 */
public final class UfwConf implements LosslessDocument {
  /** The log levels ufw knows. */
  public static final ImmutableSet<String> LOG_LEVELS =
      ImmutableSet.of("off", "low", "medium", "high", "full");

  private final UfwShellFile file;

  private UfwConf(UfwShellFile file) {
    this.file = file;
  }

  /** Reads any text losslessly; {@link #validate()} says what ufw would refuse. */
  public static UfwConf parse(String sourceName, String text) {
    return of(UfwShellFile.parse(sourceName, text));
  }

  /** Reads bytes losslessly (lines that are not UTF-8 kept byte for byte). */
  public static UfwConf parse(String sourceName, byte[] bytes) {
    return of(UfwShellFile.parse(sourceName, bytes));
  }

  /**
   * Reads and validates: only assignments and comments, {@code ENABLED} yes or no, a known {@code
   * LOGLEVEL}; the first error of {@link #validate()} is thrown as a {@link ConfParseException}.
   */
  public static UfwConf parseValid(String sourceName, String text) {
    return parse(sourceName, text).requireValid();
  }

  /** Reads and validates bytes, as {@link #parseValid(String, String)}. */
  public static UfwConf parseValid(String sourceName, byte[] bytes) {
    return parse(sourceName, bytes).requireValid();
  }

  /** The typed view of a shell-variable file (not validated: see {@link #validate()}). */
  public static UfwConf of(UfwShellFile file) {
    return new UfwConf(file);
  }

  /** What ufw would refuse in this file, with ufw's messages and positions. */
  public ImmutableList<Diagnostic> validate() {
    List<Diagnostic> out = new ArrayList<>(file.nonAssignments());
    file.assignment("ENABLED")
        .ifPresent(
            a -> {
              String v = a.value().toLowerCase(Locale.ROOT);
              if (!v.equals("yes") && !v.equals("no")) {
                out.add(
                    file.error(a, "Invalid value '" + a.value() + "' for 'ENABLED' (yes or no)"));
              }
            });
    file.assignment("LOGLEVEL")
        .ifPresent(
            a -> {
              if (!LOG_LEVELS.contains(a.value().toLowerCase(Locale.ROOT))) {
                out.add(file.error(a, "Invalid log level '" + a.value() + "'"));
              }
            });
    return ImmutableList.copyOf(out);
  }

  /** This file if {@link #validate()} finds nothing, else the first error as an exception. */
  public UfwConf requireValid() {
    ImmutableList<Diagnostic> errors = validate();
    if (!errors.isEmpty()) {
      throw ConfParseException.of(errors.get(0));
    }
    return this;
  }

  /** The lossless file. */
  public UfwShellFile file() {
    return file;
  }

  /** Whether ufw starts at boot ({@code ENABLED=yes}, as ufw reads it). */
  public boolean enabled() {
    return file.ufwValue("ENABLED").map("yes"::equals).orElse(false);
  }

  /** The log level as ufw reads it ({@code ""} when missing: ufw then shows "unknown"). */
  public String logLevel() {
    return file.ufwValue("LOGLEVEL").orElse("");
  }

  /** This file with {@code ENABLED} set as {@code ufw enable}/{@code disable} writes it. */
  public UfwConf withEnabled(boolean enabled) {
    return new UfwConf(file.withValue("ENABLED", enabled ? "yes" : "no"));
  }

  /** This file with {@code LOGLEVEL} set as {@code ufw logging LEVEL} writes it. */
  public UfwConf withLogLevel(String level) {
    if (!LOG_LEVELS.contains(level)) {
      throw new IllegalArgumentException("Invalid log level '" + level + "'");
    }
    return new UfwConf(file.withValue("LOGLEVEL", level));
  }

  @Override
  public String sourceName() {
    return file.sourceName();
  }

  /** The text exactly as read (plus edits). */
  @Override
  public String render() {
    return file.render();
  }

  /** The bytes exactly as read (plus edits). */
  @Override
  public byte[] toBytes() {
    return file.toBytes();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UfwConf c && c.file.equals(file);
  }

  @Override
  public int hashCode() {
    return file.hashCode();
  }

  @Override
  public String toString() {
    return render();
  }
}
