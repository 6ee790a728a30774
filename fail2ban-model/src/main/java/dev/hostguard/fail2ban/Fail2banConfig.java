package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.SourcePosition;
import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A fail2ban configuration read as fail2ban 1.0.2 reads it, from a directory or from memory,
 * answering "what will this jail really do?" with typed {@link Jail}s.
 *
 * <pre>{@code
 * Fail2banConfig config = Fail2banConfig.from(Fail2banConfigSource.inMemory(files));
 * Jail sshd = config.jail("sshd");
 * }</pre>
 *
 * <p>A value is a snapshot: every file it reads (and every directory it lists) is read once, when
 * first needed, and kept by this value, as are the jails it resolves; two calls of {@link
 * #jail(String)} give the same answer even if the disk changes in between. Load a new value to see
 * changes. The only state shared between values is the bounded cache of parsed files documented in
 * the package ({@code dev.hostguard.fail2ban}), which never changes a result.
 */
public final class Fail2banConfig {
  private static final List<String> BOOLEAN_WORDS =
      List.of("1", "on", "true", "yes", "0", "off", "false", "no");

  private final Fail2banConfigSource source;
  private final FileView files;
  private final ImmutableList<String> jailNames;
  private final ConcurrentHashMap<String, Jail> jails = new ConcurrentHashMap<>();

  private Fail2banConfig(
      Fail2banConfigSource source, FileView files, ImmutableList<String> jailNames) {
    this.source = source;
    this.files = files;
    this.jailNames = jailNames;
  }

  /**
   * Reads the configuration directory {@code confDir} on disk ({@code jail.conf}, {@code
   * jail.d/*.conf}, {@code jail.local}, {@code jail.d/*.local} and their includes now; filters and
   * actions when a jail needs them).
   *
   * @throws Fail2banConfigException when fail2ban could not read them
   */
  public static Fail2banConfig load(Path confDir) {
    return from(Fail2banConfigSource.directory(requireNonNull(confDir, "confDir")));
  }

  /**
   * Reads the jail files of {@code source}, in memory or on disk.
   *
   * @throws Fail2banConfigException when fail2ban could not read them
   */
  public static Fail2banConfig from(Fail2banConfigSource source) {
    requireNonNull(source, "source");
    FileView files = FileView.snapshot(source.files());
    ConfigSession session = new ConfigSession(source.directoryName(), files);
    try {
      ConfigSession.NamedConfig jails = session.reader("jail");
      List<String> names = new ArrayList<>(jails.store.sectionNames());
      names.remove("INCLUDES");
      return new Fail2banConfig(source, files, ImmutableList.copyOf(names));
    } catch (ConfigError e) {
      throw Fail2banConfigException.of(e);
    }
  }

  /** Where this configuration was read from. */
  public Fail2banConfigSource source() {
    return source;
  }

  /** The jail sections, in fail2ban's order. */
  public ImmutableList<String> jailNames() {
    return jailNames;
  }

  /** The jails fail2ban would start ({@code enabled} true), resolved. */
  public ImmutableList<Jail> enabledJails() {
    ImmutableList.Builder<Jail> b = ImmutableList.builder();
    for (String n : jailNames) {
      Jail j = jail(n);
      if (j.enabled()) {
        b.add(j);
      }
    }
    return b.build();
  }

  /**
   * The jail {@code name} resolved as if enabled (so a disabled jail shows what it would do).
   *
   * @throws Fail2banRefusedException when there is no such jail (fail2ban's {@code Sorry but the
   *     jail 'x' does not exist})
   * @throws Fail2banConfigException when fail2ban would refuse the jail or the configuration
   */
  public Jail jail(String name) {
    requireNonNull(name, "name");
    if (!jailNames.contains(name)) {
      throw new Fail2banRefusedException("Sorry but the jail '" + name + "' does not exist");
    }
    Jail known = jails.get(name);
    if (known != null) {
      return known;
    }
    Jail resolved = resolve(name);
    Jail raced = jails.putIfAbsent(name, resolved);
    return raced != null ? raced : resolved;
  }

  private Jail resolve(String name) {
    ConfigSession session = new ConfigSession(source.directoryName(), files);
    try {
      ConfigSession.NamedConfig jailFiles = session.reader("jail");
      JailReader reader = new JailReader(session, jailFiles.store, name, true);
      if (!reader.getOptions()) {
        String error = String.valueOf(reader.configError());
        String option = error.contains("filter") ? "filter" : "action";
        throw Fail2banConfigException.about(
            "Jail '" + name + "' skipped, because of wrong configuration: " + error,
            name,
            option,
            jailFiles.store.origin(name, option));
      }
      return typed(session, reader);
    } catch (ConfigError e) {
      throw Fail2banConfigException.of(e);
    }
  }

  private static Optional<String> string(@Nullable Object o) {
    return o == null ? Optional.empty() : Optional.of(PythonText.str(o));
  }

  private static Optional<Integer> integer(@Nullable Object o) {
    if (o instanceof BigInteger) {
      BigInteger b = (BigInteger) o;
      if (b.bitLength() < 32) {
        return Optional.of(b.intValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> own(ConfigStore store, String jail, String key) {
    try {
      if (!store.hasOption(jail, key, true)) {
        return Optional.empty();
      }
      return string(store.get(jail, key, false, null));
    } catch (ConfigError e) {
      return Optional.empty();
    }
  }

  private static Optional<Fail2banTime> time(
      @Nullable Object o, String key, JailReader reader, List<Diagnostic> out) {
    if (o == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Fail2banTime.of(PythonText.str(o)));
    } catch (Fail2banRefusedException e) {
      out.add(at(reader, key, Diagnostic.Severity.WARNING, key + ": " + e.getMessage()));
      return Optional.empty();
    }
  }

  /** A diagnostic at the line that sets {@code key} for the jail, or at the directory. */
  private static Diagnostic at(
      JailReader reader, String key, Diagnostic.Severity severity, String message) {
    ConfigStore.Origin o = reader.store().origin(reader.name(), key);
    if (o == null) {
      return new Diagnostic(reader.confDir(), SourcePosition.of(1, 1), "", severity, message);
    }
    return new Diagnostic(
        o.file(), SourcePosition.of(o.line(), 1), o.lineText(), severity, message);
  }

  private static ImmutableList<String> lines(@Nullable Object o) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    if (o != null) {
      for (String l : PythonText.str(o).split("\n", -1)) {
        if (!l.isEmpty()) {
          b.add(l);
        }
      }
    }
    return b.build();
  }

  private static Jail typed(ConfigSession session, JailReader reader) {
    Map<String, @Nullable Object> opts = reader.options();
    String name = reader.name();
    List<Diagnostic> warnings = new ArrayList<>();
    Optional<String> enabledText = own(reader.store(), name, "enabled");
    boolean enabled = OptionTemplate.truthy(opts.get("enabled"));
    if (enabledText.isPresent()
        && !BOOLEAN_WORDS.contains(PythonText.lower(PythonText.strip(enabledText.get())))) {
      warnings.add(
          at(
              reader,
              "enabled",
              Diagnostic.Severity.WARNING,
              "enabled = '"
                  + enabledText.get()
                  + "' is not one of fail2ban's boolean words; fail2ban reads it as false"));
    }
    List<LogPath> logPaths = new ArrayList<>();
    Object lp = opts.get("logpath");
    if (lp != null) {
      for (String line : PythonText.str(lp).split("\n", -1)) {
        int sp = line.lastIndexOf(' ');
        logPaths.add(
            sp >= 0
                ? new LogPath(line.substring(0, sp), line.substring(sp + 1))
                : new LogPath(line, "head"));
      }
    }
    Map<String, String> banTimeOptions = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : opts.entrySet()) {
      if (e.getKey().startsWith("bantime.") && e.getValue() != null) {
        banTimeOptions.put(e.getKey().substring("bantime.".length()), PythonText.str(e.getValue()));
      }
    }
    ImmutableList.Builder<String> specs = ImmutableList.builder();
    for (String a : OptionSyntax.split(PythonText.str(opts.getOrDefault("action", "")))) {
      String t = PythonText.strip(a);
      if (!t.isEmpty()) {
        specs.add(t);
      }
    }
    Optional<ResolvedFilter> filter = Optional.empty();
    DefinitionReader f = reader.filter();
    if (f != null) {
      LinkedHashMap<String, @Nullable Object> c = f.getCombined();
      for (OptionTemplate t : DefinitionReader.FILTER_OPTIONS) {
        if (opts.get(t.name()) != null) {
          c.put(t.name(), opts.get(t.name()));
        }
      }
      ImmutableList.Builder<ImmutableList<String>> jm = ImmutableList.builder();
      for (String m : lines(c.get("journalmatch"))) {
        jm.add(ImmutableList.copyOf(ShellWords.split(m)));
      }
      filter =
          Optional.of(
              new ResolvedFilter(
                  f.name(),
                  string(c.get("prefregex")),
                  lines(c.get("failregex")),
                  lines(c.get("ignoreregex")),
                  string(c.get("datepattern")),
                  integer(c.get("maxlines")),
                  jm.build()));
    }
    ImmutableList.Builder<ResolvedAction> actions = ImmutableList.builder();
    for (Object a : reader.actions()) {
      if (a instanceof DefinitionReader) {
        DefinitionReader d = (DefinitionReader) a;
        Map<String, String> commands = new LinkedHashMap<>();
        LinkedHashMap<String, @Nullable Object> c = d.combinedForAction();
        for (OptionTemplate t : DefinitionReader.ACTION_OPTIONS) {
          if (c.get(t.name()) != null) {
            commands.put(t.name(), PythonText.str(c.get(t.name())));
          }
        }
        Map<String, String> init = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> e : d.initOptions().entrySet()) {
          if (!e.getKey().startsWith("known/") && !commands.containsKey(e.getKey())) {
            init.put(e.getKey(), PythonText.str(e.getValue()));
          }
        }
        actions.add(
            new ResolvedAction(d.name(), ImmutableMap.copyOf(commands), ImmutableMap.copyOf(init)));
      } else {
        List<?> l = (List<?>) a;
        actions.add(
            new ResolvedAction(
                PythonText.str(l.get(3)),
                ImmutableMap.of(),
                ImmutableMap.of(
                    "file", PythonText.str(l.get(4)), "options", PythonText.str(l.get(5)))));
      }
    }
    for (String m : session.log()) {
      warnings.add(ConfigSession.diagnostic(session.basedir, m));
    }
    String filterSpec = PythonText.str(opts.getOrDefault("filter", ""));
    return Jail.builder()
        .name(name)
        .enabled(enabled)
        .enabledText(enabledText)
        .backend(PythonText.str(opts.getOrDefault("backend", "auto")))
        .port(own(reader.store(), name, "port"))
        .filterSpec(filterSpec.isEmpty() ? Optional.empty() : Optional.of(filterSpec))
        .banAction(own(reader.store(), name, "banaction"))
        .actionSpecs(specs.build())
        .logPaths(logPaths)
        .maxRetry(integer(opts.get("maxretry")))
        .findTime(time(opts.get("findtime"), "findtime", reader, warnings))
        .banTime(time(opts.get("bantime"), "bantime", reader, warnings))
        .banTimeOptions(banTimeOptions)
        .ignoreIps(JailReader.splitWords(string(opts.get("ignoreip")).orElse(null)))
        .useDns(string(opts.get("usedns")))
        .filter(filter)
        .actions(actions.build())
        .diagnostics(warnings)
        .build();
  }
}
