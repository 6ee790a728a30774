package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Reads a filter ({@code filter.d/NAME}) or an action ({@code action.d/NAME}) for one jail: {@code
 * [Definition]} options, {@code [Init]} values with the jail's {@code name[k=v]} overrides, {@code
 * known/} values, and the combined, tag-substituted options.
 */
final class DefinitionReader {
  static final List<OptionTemplate> FILTER_OPTIONS =
      List.of(
          OptionTemplate.string("usedns", null),
          OptionTemplate.string("prefregex", null),
          OptionTemplate.string("ignoreregex", null),
          OptionTemplate.string("failregex", null),
          OptionTemplate.integer("maxlines", null),
          OptionTemplate.string("datepattern", null),
          OptionTemplate.string("journalmatch", null));
  static final List<OptionTemplate> ACTION_OPTIONS =
      List.of(
          OptionTemplate.string("actionstart", null),
          OptionTemplate.bool("actionstart_on_demand", null),
          OptionTemplate.string("actionstop", null),
          OptionTemplate.string("actionflush", null),
          OptionTemplate.string("actionreload", null),
          OptionTemplate.string("actioncheck", null),
          OptionTemplate.string("actionrepair", null),
          OptionTemplate.bool("actionrepair_on_unban", null),
          OptionTemplate.string("actionban", null),
          OptionTemplate.string("actionprolong", null),
          OptionTemplate.string("actionreban", null),
          OptionTemplate.string("actionunban", null),
          OptionTemplate.bool("norestored", null));
  private static final Set<String> ACTION_IGNORED_TAGS =
      Set.of("matches", "ipmatches", "ipjailmatches", "timeout", "bantime");

  private final ConfigSession session;
  private final boolean action;
  private final String file;
  private final String jailName;
  private final String name;
  private final LinkedHashMap<String, @Nullable Object> initOpts;
  private LinkedHashMap<String, @Nullable Object> pOpts = new LinkedHashMap<>();
  private ConfigStore.Vars pVars = ConfigStore.normalize(null);
  private LinkedHashMap<String, @Nullable Object> opts = new LinkedHashMap<>();
  private final Map<String, Object> defCache = new HashMap<>();
  private ConfigStore store;

  private DefinitionReader(
      ConfigSession session,
      boolean action,
      String file,
      String jailName,
      String name,
      LinkedHashMap<String, @Nullable Object> initOpts) {
    this.session = session;
    this.action = action;
    this.file = file;
    this.jailName = jailName;
    this.name = name;
    this.initOpts = initOpts;
  }

  static DefinitionReader filter(
      ConfigSession session, String fileName, String jailName, Map<String, String> initOpts) {
    return new DefinitionReader(
        session, false, "filter.d/" + fileName, jailName, fileName, new LinkedHashMap<>(initOpts));
  }

  static DefinitionReader action(
      ConfigSession session, String fileName, String jailName, Map<String, String> options) {
    LinkedHashMap<String, @Nullable Object> init = new LinkedHashMap<>(options);
    Object n = init.get("name");
    if (n == null) {
      n = jailName;
      init.put("name", jailName);
    }
    Object actname = init.get("actname");
    if (actname == null) {
      String a = fileName;
      String ns = PythonText.str(n);
      if (!ns.equals(jailName)) {
        a += ns.startsWith(jailName) ? ns.substring(jailName.length()) : "-" + ns;
      }
      init.put("actname", a);
      actname = a;
    }
    return new DefinitionReader(
        session, true, "action.d/" + fileName, jailName, PythonText.str(actname), init);
  }

  String name() {
    return name;
  }

  boolean isAction() {
    return action;
  }

  Map<String, @Nullable Object> initOptions() {
    return java.util.Collections.unmodifiableMap(initOpts);
  }

  LinkedHashMap<String, @Nullable Object> combinedForAction() {
    return getCombined(ACTION_IGNORED_TAGS);
  }

  boolean read() {
    ConfigSession.NamedConfig c = session.reader(file);
    store = c.store;
    return Boolean.TRUE.equals(c.readResult);
  }

  private List<OptionTemplate> template() {
    return action ? ACTION_OPTIONS : FILTER_OPTIONS;
  }

  /** FilterReader.applyAutoOptions. */
  void applyAutoOptions(String backend) {
    if (!OptionTemplate.truthy(initOpts.get("logtype"))
        && !store.hasOption("Definition", "logtype", false)) {
      initOpts.put("logtype", backend.startsWith("systemd") ? "journal" : "file");
    }
  }

  void getOptions(Map<String, @Nullable Object> jailOpts, boolean all) {
    LinkedHashMap<String, @Nullable Object> p = new LinkedHashMap<>(jailOpts);
    p.putAll(initOpts);
    pVars = ConfigStore.normalize(p);
    opts = OptionTemplate.read(session, store, "Definition", template(), p, pVars, false, false);
    pOpts = p;
    if (store.hasSection("Init")) {
      for (String opt : store.ownOptions("Init")) {
        if (opt.equals("__name__")) {
          continue;
        }
        Object v = null;
        if (!opt.startsWith("known/")) {
          v = store.get("Init", opt, false, null);
          initOpts.put("known/" + opt, v);
        }
        if (!initOpts.containsKey(opt)) {
          if (v == null) {
            v = store.get("Init", opt, false, null);
          }
          initOpts.put(opt, v);
        }
      }
    }
    if (all && store.hasSection("Definition")) {
      for (String opt : store.ownOptions("Definition")) {
        if (opt.equals("__name__") || opts.containsKey(opt)) {
          continue;
        }
        opts.put(opt, store.get("Definition", opt, false, null));
      }
    }
  }

  private @Nullable Object combOption(String optname) {
    Object v = defCache.getOrDefault(optname, ConfigStore.MISSING);
    if (v != ConfigStore.MISSING) {
      return v;
    }
    try {
      v = store.getExOrMissing("Definition", optname, pVars);
      if (v == ConfigStore.MISSING) {
        v = null;
      }
    } catch (ConfigError e) {
      if (e.kind() != ConfigError.Kind.NO_SECTION
          && e.kind() != ConfigError.Kind.NO_OPTION
          && e.kind() != ConfigError.Kind.VALUE) {
        throw e;
      }
      v = null;
    }
    defCache.put(optname, v);
    return v;
  }

  LinkedHashMap<String, @Nullable Object> getCombined(Set<String> ignore0) {
    LinkedHashMap<String, @Nullable Object> combined = new LinkedHashMap<>(opts);
    combined.putAll(initOpts);
    if (combined.isEmpty()) {
      return combined;
    }
    Set<String> ignore = new HashSet<>(ignore0);
    for (String n : combined.keySet()) {
      if (n.indexOf('?') < 0) {
        continue; // CONDITIONAL needs a '?'
      }
      Matcher m = ConfigStore.CONDITIONAL.matcher(n);
      if (m.find()) {
        ignore.add(m.group(1));
      }
    }
    LinkedHashMap<String, @Nullable Object> out =
        TagSubstitution.substituteInPlace(combined, ignore, this::combOption);
    boolean[] failed = new boolean[1];
    for (OptionTemplate t : template()) {
      if (t.type().equals("string")) {
        continue;
      }
      Object v = out.get(t.name());
      if (v == null) {
        continue;
      }
      Object c = OptionTemplate.convert(t.type(), v, failed);
      if (failed[0]) {
        session.warn(
            "Wrong "
                + t.type()
                + " value "
                + PythonText.repr(v)
                + " for "
                + PythonText.reprString(t.name())
                + ". Using default one: "
                + PythonText.repr(t.defaultValue()));
        out.put(t.name(), t.defaultValue());
      } else {
        out.put(t.name(), c);
      }
    }
    return out;
  }

  LinkedHashMap<String, @Nullable Object> getCombined() {
    return getCombined(Set.of());
  }

  /** FilterReader.convert / ActionReader.convert. */
  List<List<Object>> convert() {
    if (!action) {
      List<List<Object>> stream = new java.util.ArrayList<>();
      LinkedHashMap<String, @Nullable Object> o = getCombined();
      if (o.isEmpty()) {
        return stream;
      }
      fillStream(stream, o, jailName);
      return stream;
    }
    LinkedHashMap<String, @Nullable Object> o = getCombined(ACTION_IGNORED_TAGS);
    List<List<Object>> stream = new java.util.ArrayList<>();
    stream.add(DumpCommands.list("set", jailName, "addaction", name));
    List<Object> multi = new java.util.ArrayList<>();
    Set<String> names = new HashSet<>();
    for (OptionTemplate t : ACTION_OPTIONS) {
      names.add(t.name());
    }
    for (Map.Entry<String, @Nullable Object> e : o.entrySet()) {
      if (names.contains(e.getKey()) && !e.getKey().startsWith("known/")) {
        multi.add(DumpCommands.list(e.getKey(), e.getValue()));
      }
    }
    for (Map.Entry<String, @Nullable Object> e : initOpts.entrySet()) {
      if (!names.contains(e.getKey()) && !e.getKey().startsWith("known/")) {
        multi.add(DumpCommands.list(e.getKey(), e.getValue()));
      }
    }
    if (multi.size() > 1) {
      stream.add(DumpCommands.list("multi-set", jailName, "action", name, multi));
    } else if (multi.size() == 1) {
      List<Object> c = DumpCommands.list("set", jailName, "action", name);
      c.addAll((List<?>) multi.get(0));
      stream.add(c);
    }
    return stream;
  }

  /** FilterReader._fillStream. */
  static void fillStream(
      List<List<Object>> stream, Map<String, @Nullable Object> opts, String jailName) {
    int prio0idx = 0;
    for (Map.Entry<String, @Nullable Object> e : opts.entrySet()) {
      String opt = e.getKey();
      Object value = e.getValue();
      if (value == null) {
        continue;
      }
      if (opt.equals("failregex") || opt.equals("ignoreregex")) {
        List<Object> multi = new java.util.ArrayList<>();
        for (String regex : PythonText.str(value).split("\n", -1)) {
          if (!regex.isEmpty()) {
            multi.add(regex);
          }
        }
        if (multi.size() > 1) {
          stream.add(DumpCommands.list("multi-set", jailName, "add" + opt, multi));
        } else if (multi.size() == 1) {
          stream.add(DumpCommands.list("set", jailName, "add" + opt, multi.get(0)));
        }
      } else if (opt.equals("usedns") || opt.equals("maxlines") || opt.equals("prefregex")) {
        stream.add(
            opt.equals("usedns") ? 0 : prio0idx, DumpCommands.list("set", jailName, opt, value));
        prio0idx++;
      } else if ("datepattern".contains(opt)) {
        // fail2ban tests `opt in ('datepattern')`, a substring test
        stream.add(DumpCommands.list("set", jailName, opt, value));
      } else if (opt.equals("journalmatch")) {
        for (String match : PythonText.str(value).split("\n", -1)) {
          if (match.isEmpty()) {
            continue;
          }
          List<Object> c = DumpCommands.list("set", jailName, "addjournalmatch");
          c.addAll(ShellWords.split(match));
          stream.add(c);
        }
      }
    }
  }
}
