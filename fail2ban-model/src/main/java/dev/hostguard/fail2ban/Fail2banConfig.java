package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fail2ban configuration directory read as fail2ban 1.0.2 reads it, answering "what will this
 * jail really do?" with typed {@link Jail}s.
 *
 * <pre>{@code
 * Fail2banConfig config = Fail2banConfig.load("/etc/fail2ban");
 * Jail sshd = config.jail("sshd");
 * }</pre>
 */
public final class Fail2banConfig {
  private static final List<String> BOOLEAN_WORDS =
      List.of("1", "on", "true", "yes", "0", "off", "false", "no");

  private final String confDir;
  private final ImmutableList<String> jailNames;

  private Fail2banConfig(String confDir, ImmutableList<String> jailNames) {
    this.confDir = confDir;
    this.jailNames = jailNames;
  }

  /**
   * Reads the jail files of {@code confDir} ({@code jail.conf}, {@code jail.d/*.conf}, {@code
   * jail.local}, {@code jail.d/*.local} and their includes).
   *
   * @throws Fail2banConfigException when fail2ban could not read them
   */
  public static Fail2banConfig load(String confDir) {
    requireNonNull(confDir, "confDir");
    ConfigSession session = new ConfigSession(confDir, ConfigSession.REAL_FILES);
    try {
      ConfigSession.NamedConfig jails = session.reader("jail");
      List<String> names = new ArrayList<>(jails.store.sectionNames());
      names.remove("INCLUDES");
      return new Fail2banConfig(confDir, ImmutableList.copyOf(names));
    } catch (ConfigError e) {
      throw new Fail2banConfigException(e.getMessage(), e);
    }
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
   * @throws IllegalArgumentException when there is no such jail
   * @throws Fail2banConfigException when fail2ban would refuse the jail or the configuration
   */
  public Jail jail(String name) {
    if (!jailNames.contains(name)) {
      throw new IllegalArgumentException("Sorry but the jail '" + name + "' does not exist");
    }
    ConfigSession session = new ConfigSession(confDir, ConfigSession.REAL_FILES);
    try {
      ConfigSession.NamedConfig jails = session.reader("jail");
      JailReader reader = new JailReader(session, jails.store, name, true);
      if (!reader.getOptions()) {
        throw new Fail2banConfigException(
            "Jail '" + name + "' skipped, because of wrong configuration: " + reader.configError());
      }
      return typed(session, reader);
    } catch (ConfigError e) {
      throw new Fail2banConfigException(e.getMessage(), e);
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

  private static Optional<Fail2banTime> time(@Nullable Object o, String key, List<String> warns) {
    if (o == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Fail2banTime.parse(PythonText.str(o)));
    } catch (IllegalArgumentException e) {
      warns.add(key + ": " + e.getMessage());
      return Optional.empty();
    }
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
    List<String> warnings = new ArrayList<>();
    Optional<String> enabledText = own(reader.store(), name, "enabled");
    boolean enabled = OptionTemplate.truthy(opts.get("enabled"));
    if (enabledText.isPresent()
        && !BOOLEAN_WORDS.contains(PythonText.lower(PythonText.strip(enabledText.get())))) {
      warnings.add(
          "enabled = '"
              + enabledText.get()
              + "' is not one of fail2ban's boolean words; fail2ban reads it as false");
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
      warnings.add(m);
    }
    return new Jail(
        name,
        enabled,
        enabledText,
        PythonText.str(opts.getOrDefault("backend", "auto")),
        own(reader.store(), name, "port"),
        PythonText.str(opts.getOrDefault("filter", "")),
        own(reader.store(), name, "banaction"),
        specs.build(),
        ImmutableList.copyOf(logPaths),
        integer(opts.get("maxretry")),
        time(opts.get("findtime"), "findtime", warnings),
        time(opts.get("bantime"), "bantime", warnings),
        ImmutableMap.copyOf(banTimeOptions),
        ImmutableList.copyOf(JailReader.splitWords(string(opts.get("ignoreip")).orElse(null))),
        string(opts.get("usedns")),
        filter,
        actions.build(),
        ImmutableList.copyOf(warnings));
  }
}
