package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The merged options of a set of files, with fail2ban's lookups: {@code [DEFAULT]}, {@code
 * KNOWN/<section>} values, {@code %(name)s} interpolation extended with {@code %(section/name)s}
 * and {@code %(__name__)s}, and {@code get_ex} for {@code <section/name>} tags.
 */
final class ConfigStore {
  static final int MAX_INTERPOLATION_DEPTH = 10;
  private static final Pattern SECTION_OPTSUBST =
      Pattern.compile("%\\(([\\w\\-]+/([^)]+))\\)s", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SECTION_OPTNAME =
      Pattern.compile("^([\\w\\-]+)/([^\\s>]+)$", Pattern.UNICODE_CHARACTER_CLASS);
  static final Pattern CONDITIONAL =
      Pattern.compile("^(\\w+)(\\?.+)$", Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);

  final LinkedHashMap<String, Object> defaults = new LinkedHashMap<>();
  final LinkedHashMap<String, LinkedHashMap<String, Object>> sections = new LinkedHashMap<>();
  private final List<IniParser.Result> files = new ArrayList<>();

  /** Where an option is set: the file, the 1-based line and its text. */
  record Origin(String file, int line, String lineText) {}

  /**
   * The line that sets {@code option} for {@code section}: the last file merged that sets it in the
   * section, else in {@code [DEFAULT]}; null when none does (a value given by the program).
   */
  @Nullable Origin origin(String section, String option) {
    String key = PythonText.lower(option);
    for (String s : section.equals("DEFAULT") ? List.of("DEFAULT") : List.of(section, "DEFAULT")) {
      for (int i = files.size() - 1; i >= 0; i--) {
        IniParser.Result r = files.get(i);
        IniParser.Option o = r.lastOption(s, key);
        if (o != null) {
          return new Origin(r.file, o.firstLine() + 1, r.lineText(o.firstLine()));
        }
      }
    }
    return null;
  }

  /** Merges one file's content the way fail2ban's {@code read} merges each included file. */
  void mergeFile(IniParser.Result file) {
    files.add(file);
    defaults.putAll(file.defaults);
    for (Map.Entry<String, Map<String, Object>> e : file.sections.entrySet()) {
      String n = e.getKey();
      Map<String, Object> s = e.getValue();
      Matcher cond = n.indexOf('?') < 0 ? null : CONDITIONAL.matcher(n);
      if (cond != null && cond.find()) {
        n = cond.group(1);
        String suffix = cond.group(2);
        LinkedHashMap<String, Object> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> o : s.entrySet()) {
          if (!o.getKey().equals("__name__")) {
            renamed.put(o.getKey() + suffix, o.getValue());
          }
        }
        s = renamed;
      }
      LinkedHashMap<String, Object> s2 = sections.get(n);
      if (s2 != null) {
        LinkedHashMap<String, Object> known = new LinkedHashMap<>();
        for (Map.Entry<String, Object> o : s2.entrySet()) {
          if (s.containsKey(o.getKey())) {
            known.put(o.getKey(), o.getValue());
          }
        }
        mergeSection("KNOWN/" + n, known, "");
        s2.putAll(s);
      } else {
        sections.put(n, new LinkedHashMap<>(s));
      }
    }
  }

  void mergeSection(String section, Map<String, ?> options, String pref) {
    LinkedHashMap<String, Object> sec =
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
    if (pref.isEmpty()) {
      sec.putAll(options);
      return;
    }
    for (Map.Entry<String, ?> e : options.entrySet()) {
      if (!e.getKey().startsWith(pref) && !e.getKey().equals("__name__")) {
        sec.put(pref + e.getKey(), e.getValue());
      }
    }
  }

  boolean hasSection(String section) {
    return sections.containsKey(section);
  }

  boolean hasOption(String section, String option, boolean withDefault) {
    if (!withDefault) {
      Map<String, Object> s = sections.get(section);
      return s != null && s.containsKey(option);
    }
    if (section.isEmpty() || section.equals("DEFAULT")) {
      return defaults.containsKey(PythonText.lower(option));
    }
    Map<String, Object> s = sections.get(section);
    if (s == null) {
      return false;
    }
    String o = PythonText.lower(option);
    return s.containsKey(o) || defaults.containsKey(o);
  }

  /** The section's own option names, in order ({@code options(section, withDefault=False)}). */
  List<String> ownOptions(String section) {
    Map<String, Object> s = sections.get(section);
    if (s == null) {
      throw ConfigError.noSection(section);
    }
    return new ArrayList<>(s.keySet());
  }

  /** Section names without the {@code KNOWN/} ones, in order. */
  List<String> sectionNames() {
    List<String> out = new ArrayList<>();
    for (String s : sections.keySet()) {
      if (!s.startsWith("KNOWN/")) {
        out.add(s);
      }
    }
    return out;
  }

  /** Vars already in ConfigParser's form: lowercased keys, {@code str()} values. */
  static final class Vars {
    final HashMap<String, @Nullable Object> map;

    Vars(HashMap<String, @Nullable Object> map) {
      this.map = map;
    }
  }

  static Vars normalize(@Nullable Map<String, ?> vars) {
    if (vars == null || vars.isEmpty()) {
      return NO_VARS; // never written to
    }
    HashMap<String, @Nullable Object> vardict = new HashMap<>(vars.size() * 4 / 3 + 1);
    for (Map.Entry<String, ?> e : vars.entrySet()) {
      Object v = e.getValue();
      vardict.put(PythonText.lower(e.getKey()), v == null ? null : PythonText.str(v));
    }
    return new Vars(vardict);
  }

  private static final Vars NO_VARS = new Vars(new HashMap<>());

  /**
   * The lookup chain {@code (interpolation layers) -> vars -> section -> DEFAULT}. A layer holds
   * {@code __name__} (the section, on every level fail2ban interpolates) and the {@code
   * %(section/option)s} values mapped for its level; its map is made only when one is mapped.
   */
  private final class Lookup {
    final @Nullable Lookup parent;

    /** {@code __name__} of this layer, or null (the base layer). */
    final @Nullable String name;

    @Nullable HashMap<String, @Nullable Object> local;
    final Map<String, @Nullable Object> vars;
    final Map<String, Object> section;

    Lookup(
        @Nullable Lookup parent,
        @Nullable String name,
        Map<String, @Nullable Object> vars,
        Map<String, Object> section) {
      this.parent = parent;
      this.name = name;
      this.vars = vars;
      this.section = section;
    }

    void put(String key, @Nullable Object value) {
      if (local == null) {
        local = new HashMap<>(8);
      }
      local.put(key, value);
    }

    boolean contains(String key) {
      // a mapped key always holds a '/', so never collides with __name__
      return find(key) != MISSING;
    }

    /**
     * The value for {@code key}, or {@link #MISSING} where {@link #contains} is false: one pass
     * down the chain, each map asked once (a value may be null).
     */
    @Nullable Object find(String key) {
      boolean isName = key.equals("__name__");
      for (Lookup l = this; l != null; l = l.parent) {
        if (isName) {
          if (l.name != null) {
            return l.name;
          }
        } else if (l.local != null) {
          Object v = l.local.getOrDefault(key, MISSING);
          if (v != MISSING) {
            return v;
          }
        }
      }
      Object v = vars.getOrDefault(key, MISSING);
      if (v != MISSING) {
        return v;
      }
      v = section.getOrDefault(key, MISSING);
      if (v != MISSING) {
        return v;
      }
      return defaults.getOrDefault(key, MISSING);
    }

    Lookup layer(String name) {
      return new Lookup(this, name, vars, section);
    }
  }

  private Lookup unify(String section, @Nullable Object vars) {
    Map<String, Object> sectionDict = sections.get(section);
    if (sectionDict == null) {
      if (!section.equals("DEFAULT")) {
        throw ConfigError.noSection(section);
      }
      sectionDict = Map.of();
    }
    Vars v;
    if (vars instanceof Vars) {
      v = (Vars) vars;
    } else if (vars == null) {
      v = NO_VARS;
    } else {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) vars;
      v = normalize(m);
    }
    return new Lookup(null, null, v.map, sectionDict);
  }

  /**
   * What {@link #lookup} and {@link #getExOrMissing} return instead of raising NO_OPTION: readers
   * ask for many options that are not there, and an exception per miss dominated resolution time.
   */
  static final Object MISSING = new Object();

  /** ConfigParser's {@code get}: raw or interpolated value; NO_SECTION / NO_OPTION errors. */
  @Nullable Object get(String section, String option, boolean raw, @Nullable Object vars) {
    Object v = lookup(section, option, raw, vars);
    if (v == MISSING) {
      throw ConfigError.noOption(PythonText.lower(option), section);
    }
    return v;
  }

  /**
   * {@link #get}, but {@link #MISSING} where it would raise NO_OPTION (NO_SECTION still raises).
   */
  @Nullable Object lookup(String section, String option, boolean raw, @Nullable Object vars) {
    Lookup d = unify(section, vars);
    String opt = PythonText.lower(option);
    Object value = d.find(opt);
    if (value == MISSING || raw || value == null) {
      return value;
    }
    if (!(value instanceof String)) {
      throw new ConfigError(ConfigError.Kind.TYPE, "value of " + opt + " is not a string");
    }
    if (((String) value).indexOf('%') < 0) {
      return value; // what interpolate() yields at depth 1 for a value without '%'
    }
    StringBuilder accum = new StringBuilder();
    interpolate(opt, accum, (String) value, section, d, 1);
    return accum.toString();
  }

  /** Interpolated string value. */
  String getString(String section, String option, @Nullable Object vars) {
    Object v = get(section, option, false, vars);
    return v == null ? null : PythonText.str(v);
  }

  private String rawForMessage(String section, String option, String fallback) {
    Map<String, Object> s = sections.get(section);
    if (s == null && !section.equals("DEFAULT")) {
      return fallback;
    }
    String opt = PythonText.lower(option);
    if (s != null && s.containsKey(opt)) {
      return PythonText.str(s.get(opt));
    }
    if (defaults.containsKey(opt)) {
      return PythonText.str(defaults.get(opt));
    }
    return fallback;
  }

  private void interpolate(
      String option, StringBuilder accum, String rest, String section, Lookup map, int depth) {
    // fail2ban's BasicInterpolationWithName: __name__ and section/option names on every level
    if (!section.isEmpty()) {
      map = map.layer(section);
      mapSectionOptions(section, rest, map);
    }
    if (depth > MAX_INTERPOLATION_DEPTH) {
      throw ConfigError.about(
          ConfigError.Kind.INTERPOLATION,
          "Recursion limit exceeded in value substitution: option "
              + PythonText.reprString(option)
              + " in section "
              + PythonText.reprString(section)
              + " contains an interpolation key which cannot be substituted in "
              + MAX_INTERPOLATION_DEPTH
              + " steps. Raw value: "
              + PythonText.reprString(rawForMessage(section, option, rest)),
          section,
          option,
          origin(section, option));
    }
    // an index into value rather than Python's shrinking rest: rest is value.substring(i)
    String value = rest;
    int n = value.length();
    int i = 0;
    while (i < n) {
      int p = value.indexOf('%', i);
      if (p < 0) {
        accum.append(value, i, n);
        return;
      }
      accum.append(value, i, p);
      i = p;
      char c = i + 1 < n ? value.charAt(i + 1) : 0;
      if (i + 1 < n && c == '%') {
        accum.append('%');
        i += 2;
      } else if (i + 1 < n && c == '(') {
        // KEY, %\(([^)]+)\)s, at i: the name ends at the first ')', which 's' must follow
        int close = value.indexOf(')', i + 2);
        if (close <= i + 2 || close + 1 >= n || value.charAt(close + 1) != 's') {
          throw ConfigError.about(
              ConfigError.Kind.INTERPOLATION,
              "bad interpolation variable reference " + PythonText.reprString(value.substring(i)),
              section,
              option,
              origin(section, option));
        }
        String var = PythonText.lower(value.substring(i + 2, close));
        i = close + 2;
        Object v = map.find(var);
        if (v == MISSING) {
          throw ConfigError.about(
              ConfigError.Kind.INTERPOLATION,
              "Bad value substitution: option "
                  + PythonText.reprString(option)
                  + " in section "
                  + PythonText.reprString(section)
                  + " contains an interpolation key "
                  + PythonText.reprString(var)
                  + " which is not a valid option name. Raw value: "
                  + PythonText.reprString(rawForMessage(section, option, value.substring(i))),
              section,
              option,
              origin(section, option));
        }
        if (!(v instanceof String)) {
          throw new ConfigError(
              ConfigError.Kind.TYPE,
              "argument of type '" + (v == null ? "NoneType" : "int") + "' is not iterable");
        }
        String sv = (String) v;
        if (sv.indexOf('%') >= 0) {
          interpolate(option, accum, sv, section, map, depth + 1);
        } else {
          accum.append(sv);
        }
      } else {
        throw ConfigError.about(
            ConfigError.Kind.INTERPOLATION,
            "'%' must be followed by '%' or '(', found: "
                + PythonText.reprString(value.substring(i)),
            section,
            option,
            origin(section, option));
      }
    }
  }

  private void mapSectionOptions(String section, String rest, Lookup map) {
    if (!maySectionOptSubst(rest)) {
      return;
    }
    Matcher m = SECTION_OPTSUBST.matcher(rest);
    while (m.find()) {
      String sopt = m.group(1);
      String opt = m.group(2);
      if (map.contains(sopt)) {
        continue;
      }
      String sec = sopt.substring(0, sopt.length() - opt.length() - 1);
      String seclwr = PythonText.lower(sec);
      boolean usedef = false;
      Object v = null;
      if (!seclwr.equals("default")) {
        if (seclwr.equals("known")) {
          Map<String, Object> k = sections.get("KNOWN/" + section);
          if (k != null && k.containsKey(opt)) {
            v = k.get(opt);
          } else {
            usedef = true;
          }
        } else {
          Map<String, Object> s = sections.get(sec);
          if (s == null) {
            continue;
          }
          if (s.containsKey(opt)) {
            v = s.get(opt);
          } else {
            usedef = true;
          }
        }
      } else {
        usedef = true;
      }
      if (usedef) {
        if (!defaults.containsKey(opt)) {
          continue;
        }
        v = defaults.get(opt);
      }
      map.put(sopt, v);
    }
  }

  /**
   * Whether {@link #SECTION_OPTSUBST} can match in {@code s}: a match is {@code %(} then a name and
   * a {@code /} before the first {@code )} that follows, so where no {@code %(} has a {@code /}
   * before its next {@code )} there is none and the regex need not run (most values with a {@code
   * /} hold it in a path, outside every {@code %(...)s}).
   */
  static boolean maySectionOptSubst(String s) {
    int p = s.indexOf("%(");
    while (p >= 0) {
      int close = s.indexOf(')', p + 2);
      int slash = s.indexOf('/', p + 2);
      if (slash < 0) {
        return false;
      }
      if (close < 0 || slash < close) {
        return true;
      }
      p = s.indexOf("%(", p + 2);
    }
    return false;
  }

  /** fail2ban's {@code get_ex}: understands {@code section/option}, {@code known/option}. */
  @Nullable Object getEx(String section, String option, @Nullable Object vars) {
    Object v = getExOrMissing(section, option, vars);
    if (v == MISSING) {
      throw ConfigError.noOption(PythonText.lower(option), section);
    }
    return v;
  }

  /** {@link #getEx}, but {@link #MISSING} where it would raise NO_OPTION. */
  @Nullable Object getExOrMissing(String section, String option, @Nullable Object vars) {
    if (option.indexOf('/') >= 0) {
      Matcher m = SECTION_OPTNAME.matcher(option);
      if (m.find()) {
        String sec = m.group(1);
        String opt = m.group(2);
        String seclwr = PythonText.lower(sec);
        List<String> candidates;
        if (seclwr.equals("known")) {
          candidates = List.of("KNOWN/" + section, section);
        } else {
          candidates = List.of(seclwr.equals("default") ? "DEFAULT" : sec);
        }
        for (String c : candidates) {
          // get() would raise NO_SECTION for a missing section other than DEFAULT: try the next
          if (!sections.containsKey(c) && !c.equals("DEFAULT")) {
            continue;
          }
          Object v = lookup(c, opt, false, null);
          if (v != MISSING) {
            return v;
          }
        }
      }
    }
    return lookup(section, option, false, vars);
  }
}
