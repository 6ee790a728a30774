package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads one jail section like fail2ban's JailReader and converts it to server commands. */
final class JailReader {
  static final String VERSION = "1.0.2";
  static final List<OptionTemplate> FIRST_OPTIONS =
      List.of(
          OptionTemplate.bool("enabled", false),
          OptionTemplate.string("backend", "auto"),
          OptionTemplate.string("filter", ""));
  static final List<OptionTemplate> OPTIONS;

  static {
    List<OptionTemplate> o =
        new ArrayList<>(
            List.of(
                OptionTemplate.bool("enabled", false),
                OptionTemplate.string("backend", "auto"),
                OptionTemplate.integer("maxretry", null),
                OptionTemplate.integer("maxmatches", null),
                OptionTemplate.string("findtime", null),
                OptionTemplate.string("bantime", null),
                OptionTemplate.bool("bantime.increment", null),
                OptionTemplate.string("bantime.factor", null),
                OptionTemplate.string("bantime.formula", null),
                OptionTemplate.string("bantime.multipliers", null),
                OptionTemplate.string("bantime.maxtime", null),
                OptionTemplate.string("bantime.rndtime", null),
                OptionTemplate.bool("bantime.overalljails", null),
                OptionTemplate.string("ignorecommand", null),
                OptionTemplate.bool("ignoreself", null),
                OptionTemplate.string("ignoreip", null),
                OptionTemplate.string("ignorecache", null),
                OptionTemplate.string("filter", ""),
                OptionTemplate.string("logtimezone", null),
                OptionTemplate.string("logencoding", null),
                OptionTemplate.string("logpath", null),
                OptionTemplate.string("action", "")));
    o.addAll(DefinitionReader.FILTER_OPTIONS);
    OPTIONS = List.copyOf(o);
  }

  private static final Set<String> IGNORE =
      Set.of(
          "action",
          "filter",
          "enabled",
          "usedns",
          "prefregex",
          "ignoreregex",
          "failregex",
          "maxlines",
          "datepattern",
          "journalmatch");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[ ,\n]+");

  private final ConfigSession session;
  private final ConfigStore store;
  private final String name;
  private @Nullable DefinitionReader filter;
  private final List<Object> actions = new ArrayList<>();
  private LinkedHashMap<String, @Nullable Object> opts;
  private @Nullable String configError;

  private final boolean forceEnable;

  JailReader(ConfigSession session, ConfigStore store, String name) {
    this(session, store, name, false);
  }

  JailReader(ConfigSession session, ConfigStore store, String name, boolean forceEnable) {
    this.session = session;
    this.store = store;
    this.name = name;
    this.forceEnable = forceEnable;
  }

  ConfigStore store() {
    return store;
  }

  String name() {
    return name;
  }

  /** The configuration directory, as fail2ban names it. */
  String confDir() {
    return session.basedir;
  }

  @Nullable String configError() {
    return configError;
  }

  Map<String, @Nullable Object> options() {
    return opts;
  }

  @Nullable DefinitionReader filter() {
    return filter;
  }

  List<Object> actions() {
    return actions;
  }

  boolean isEnabled() {
    return forceEnable
        || (opts != null && !opts.isEmpty() && OptionTemplate.truthy(opts.get("enabled")));
  }

  /** JailReader.getOptions: false (with a config error) when the jail is wrong. */
  boolean getOptions() {
    Map<String, Object> statics = new LinkedHashMap<>();
    statics.put("fail2ban_version", VERSION);
    statics.put("fail2ban_confpath", session.basedir);
    store.defaults.putAll(statics);
    try {
      opts = OptionTemplate.read(session, store, name, FIRST_OPTIONS, null, true, true);
      if (!isEnabled()) {
        return true;
      }
      String flt = PythonText.str(opts.get("filter"));
      if (!flt.isEmpty()) {
        OptionSyntax.Extracted ex;
        try {
          ex = OptionSyntax.extract(flt);
        } catch (ConfigError e) {
          throw jailDef(
              "Invalid filter definition " + PythonText.reprString(flt) + ": " + e.getMessage());
        }
        filter = DefinitionReader.filter(session, ex.name(), name, ex.options());
        if (!filter.read()) {
          throw jailDef("Unable to read the filter " + PythonText.reprString(ex.name()));
        }
        Object backend = opts.get("backend");
        filter.applyAutoOptions(backend == null ? "" : PythonText.str(backend));
        filter.getOptions(opts, true);
        store.mergeSection(name, filter.getCombined(), "known/");
      } else {
        filter = null;
        session.warn("No filter set for jail " + name);
      }
      opts = OptionTemplate.read(session, store, name, OPTIONS, null, false, true);
      if (filter != null) {
        filter.getOptions(opts, false);
      }
      for (String act0 : OptionSyntax.split(PythonText.str(opts.get("action")))) {
        String act = PythonText.strip(act0);
        if (act.isEmpty()) {
          continue;
        }
        OptionSyntax.Extracted ex;
        try {
          ex = OptionSyntax.extract(act);
        } catch (ConfigError e) {
          throw jailDef(
              "Invalid action definition " + PythonText.reprString(act) + ": " + e.getMessage());
        }
        String actName = ex.name();
        if (actName.endsWith(".py")) {
          LinkedHashMap<String, String> actOpt = new LinkedHashMap<>(ex.options());
          String an =
              actOpt.containsKey("actname")
                  ? actOpt.remove("actname")
                  : PythonPaths.stripExtension(actName);
          actions.add(
              DumpCommands.list(
                  "set",
                  name,
                  "addaction",
                  an,
                  PythonPaths.join(PythonPaths.join(session.basedir, "action.d"), actName),
                  Json.dumps(actOpt)));
        } else {
          try {
            DefinitionReader action = DefinitionReader.action(session, actName, name, ex.options());
            if (action.read()) {
              action.getOptions(opts, false);
              actions.add(action);
            } else {
              throw jailDef("Unable to read action " + PythonText.reprString(actName));
            }
          } catch (ConfigError e) {
            if (e.kind() == ConfigError.Kind.JAIL_DEFINITION) {
              throw e;
            }
            throw e.inActionDefinition(act);
          }
        }
      }
      if (actions.isEmpty()) {
        session.warn("No actions were defined for " + name);
      }
    } catch (ConfigError e) {
      if (e.kind() != ConfigError.Kind.JAIL_DEFINITION) {
        throw e;
      }
      session.error(e.getMessage());
      if (opts == null) {
        opts = new LinkedHashMap<>();
      }
      configError = e.getMessage();
      return false;
    }
    return true;
  }

  private static ConfigError jailDef(String message) {
    return new ConfigError(ConfigError.Kind.JAIL_DEFINITION, message);
  }

  static List<String> splitWords(@Nullable String s) {
    List<String> out = new ArrayList<>();
    if (s == null || s.isEmpty()) {
      return out;
    }
    for (String v : WORD_SEPARATORS.split(s, -1)) {
      String t = PythonText.strip(v);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** JailReader.convert (with {@code allow_no_files}, as the dump uses it). */
  List<List<Object>> convert() {
    List<List<Object>> stream = new ArrayList<>();
    List<List<Object>> stream2 = new ArrayList<>();
    if (configError != null) {
      stream.add(
          DumpCommands.list(
              "config-error",
              "Jail '" + name + "' skipped, because of wrong configuration: " + configError));
      return stream;
    }
    if (filter != null) {
      stream.addAll(filter.convert());
    }
    DefinitionReader.fillStream(stream, opts, name);
    Object backend = null;
    for (Map.Entry<String, @Nullable Object> e : opts.entrySet()) {
      String opt = e.getKey();
      Object value = e.getValue();
      if (opt.equals("logpath")) {
        Object b = opts.get("backend");
        if (b != null && PythonText.str(b).startsWith("systemd")) {
          continue;
        }
        int found = 0;
        for (String line : PythonText.str(value).split("\n", -1)) {
          int sp = line.lastIndexOf(' ');
          String path = sp >= 0 ? line.substring(0, sp) : line;
          String tail = sp >= 0 ? line.substring(sp + 1) : "head";
          List<String> pathList = new ArrayList<>();
          for (String p : PythonPaths.glob(session.files(), path)) {
            if (session.files().exists(p)) {
              pathList.add(p);
            } else {
              session.warn("File " + p + " is a dangling link, thus cannot be monitored");
            }
          }
          if (pathList.isEmpty()) {
            session.notice("No file(s) found for glob " + path);
          }
          for (String p : pathList) {
            found++;
            stream2.add(DumpCommands.list("set", name, "addlogpath", p, tail));
          }
        }
        if (found == 0) {
          session.warn("Have not found any log file for " + name + " jail");
        }
      } else if (opt.equals("backend")) {
        backend = value;
      } else if (opt.equals("ignoreip")) {
        List<Object> c = DumpCommands.list("set", name, "addignoreip");
        c.addAll(splitWords(value == null ? null : PythonText.str(value)));
        stream.add(c);
      } else if (!IGNORE.contains(opt)) {
        stream.add(DumpCommands.list("set", name, opt, value));
      }
    }
    stream.addAll(stream2);
    for (Object a : actions) {
      if (a instanceof DefinitionReader) {
        stream.addAll(((DefinitionReader) a).convert());
      } else {
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) a;
        stream.add(l);
      }
    }
    stream.add(0, DumpCommands.list("add", name, backend));
    return stream;
  }
}
