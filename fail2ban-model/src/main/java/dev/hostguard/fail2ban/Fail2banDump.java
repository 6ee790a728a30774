package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The resolved configuration of a fail2ban directory as the server command stream that {@code
 * fail2ban-client -c DIR -d} prints, with the same exit status; {@link #stdout()} is byte for byte
 * fail2ban 1.0.2's output.
 *
 * <pre>{@code
 * Fail2banDump dump = Fail2banDump.load(Path.of("/etc/fail2ban"));
 * System.out.print(dump.stdout()); // ['set', 'syslogsocket', 'auto'] ...
 * }</pre>
 *
 * <p>Each command is a list of {@code String}, {@link java.math.BigInteger}, {@code Boolean},
 * {@code null} (Python's {@code None}), nested lists and (for {@code thread}) maps.
 */
public final class Fail2banDump {
  private final @Nullable List<List<Object>> commands;
  private final @Nullable String errorLine;
  private final int exitCode;
  private final ImmutableList<String> messages;
  private final String confDir;

  private Fail2banDump(
      @Nullable List<List<Object>> commands,
      @Nullable String errorLine,
      int exitCode,
      List<String> messages,
      String confDir) {
    this.commands = commands == null ? null : deepUnmodifiable(commands);
    this.errorLine = errorLine;
    this.exitCode = exitCode;
    this.messages = ImmutableList.copyOf(messages);
    this.confDir = confDir;
  }

  @SuppressWarnings("unchecked")
  private static List<List<Object>> deepUnmodifiable(List<List<Object>> in) {
    Object[] out = in.toArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = freeze(out[i]);
    }
    return (List<List<Object>>) (List<?>) Collections.unmodifiableList(Arrays.asList(out));
  }

  private static @Nullable Object freeze(@Nullable Object o) {
    // exact class checks first: the scalars, then the ArrayList every command list is
    // (DumpCommands); an interface check (instanceof List) costs a scan of the class's
    // secondary supers whenever its one-entry cache holds another interface
    if (o == null) {
      return null;
    }
    Class<?> c = o.getClass();
    if (c == String.class || c == BigInteger.class || c == Boolean.class) {
      return o;
    }
    if (c == ArrayList.class) {
      // the stream's own command lists (DumpCommands), built for this dump alone and unreachable
      // once it is made: frozen in place and wrapped, not copied
      @SuppressWarnings("unchecked")
      ArrayList<Object> l = (ArrayList<Object>) o;
      for (int i = 0, n = l.size(); i < n; i++) {
        l.set(i, freeze(l.get(i)));
      }
      return Collections.unmodifiableList(l);
    }
    if (o instanceof List) {
      // a private copy of the array, wrapped: nobody else can reach it
      Object[] l = ((List<?>) o).toArray();
      for (int i = 0; i < l.length; i++) {
        l[i] = freeze(l[i]);
      }
      return Collections.unmodifiableList(Arrays.asList(l));
    }
    if (o instanceof Map) {
      return Collections.unmodifiableMap(new java.util.LinkedHashMap<>((Map<?, ?>) o));
    }
    return o;
  }

  /**
   * Reads and resolves the configuration directory {@code confDir} on disk (as given on fail2ban's
   * command line; it appears in paths of the output).
   */
  public static Fail2banDump load(Path confDir) {
    return from(Fail2banConfigSource.directory(confDir));
  }

  /**
   * Resolves the configuration of {@code source} (in memory, or a directory read as it goes). A
   * configuration fail2ban refuses is a dump with fail2ban's error line and exit code 255, not an
   * exception; an exception from here is an internal error of hostguard.
   */
  public static Fail2banDump from(Fail2banConfigSource source) {
    requireNonNull(source, "source");
    // every refusal fail2ban knows is handled inside (its error line, exit 255); anything else
    // thrown here is a hostguard bug and is not dressed up as fail2ban's refusal
    ClientDump.Outcome o = ClientDump.run(source);
    return new Fail2banDump(
        o.stream(), o.errorLine(), o.exitCode(), o.log(), source.directoryName());
  }

  /** The command stream, or empty when fail2ban would print only an error line. */
  public List<List<Object>> commands() {
    return commands == null ? List.of() : commands;
  }

  /** Whether the configuration could be converted to a stream at all. */
  public boolean hasStream() {
    return commands != null;
  }

  /** The {@code ERROR: ...} line fail2ban prints on stdout instead of a stream, if any. */
  public Optional<String> errorLine() {
    return Optional.ofNullable(errorLine);
  }

  /** 0, or 255 when fail2ban reports a configuration error. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Warnings and errors fail2ban would log on stderr, as it prints them without the timestamp
   * ({@code ERROR No section: 'Definition'}); typed in {@link #diagnostics()}.
   */
  public ImmutableList<String> messages() {
    return messages;
  }

  /**
   * {@link #messages()} as diagnostics about the configuration directory ({@code ERROR} lines are
   * errors, {@code WARNING} and {@code NOTICE} lines warnings), without the level word.
   */
  public ImmutableList<Diagnostic> diagnostics() {
    ImmutableList.Builder<Diagnostic> b = ImmutableList.builder();
    for (String m : messages) {
      b.add(ConfigSession.diagnostic(confDir, m));
    }
    return b.build();
  }

  /** Exactly what {@code fail2ban-client -c DIR -d} prints on stdout. */
  public String stdout() {
    StringBuilder b = new StringBuilder();
    if (commands == null) {
      b.append(errorLine).append('\n');
      return b.toString();
    }
    for (List<Object> c : commands) {
      PythonText.appendRepr(b, c);
      b.append('\n');
    }
    return b.toString();
  }

  /** One command as fail2ban prints it, a Python {@code repr} of the list. */
  public static String render(List<?> command) {
    return PythonText.repr(command);
  }
}
