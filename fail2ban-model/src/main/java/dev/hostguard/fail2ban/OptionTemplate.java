package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One expected option of a reader: its type ({@code string}, {@code bool}, {@code int}), name and
 * default.
 */
record OptionTemplate(String type, String name, @Nullable Object defaultValue) {
  static OptionTemplate string(String name, @Nullable String def) {
    return new OptionTemplate("string", name, def);
  }

  static OptionTemplate bool(String name, @Nullable Boolean def) {
    return new OptionTemplate("bool", name, def);
  }

  static OptionTemplate integer(String name, @Nullable Object def) {
    return new OptionTemplate("int", name, def);
  }

  /** fail2ban's {@code _as_bool}. */
  static boolean asBool(String v) {
    String l = PythonText.lower(v);
    return l.equals("1") || l.equals("on") || l.equals("true") || l.equals("yes");
  }

  /**
   * Converts like fail2ban's CONVERTER; {@code null} result plus {@code false} means ValueError.
   */
  static Object convert(String type, Object v, boolean[] failed) {
    failed[0] = false;
    if (type.equals("bool")) {
      return v instanceof String ? asBool((String) v) : truthy(v);
    }
    if (type.equals("int")) {
      if (v instanceof BigInteger) {
        return v;
      }
      if (v instanceof Boolean) {
        return ((Boolean) v) ? BigInteger.ONE : BigInteger.ZERO;
      }
      BigInteger i = PythonText.parseInt(PythonText.str(v)).orElse(null);
      if (i == null) {
        failed[0] = true;
      }
      return i;
    }
    return v;
  }

  static boolean truthy(@Nullable Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof BigInteger) {
      return ((BigInteger) v).signum() != 0;
    }
    if (v instanceof Map) {
      return !((Map<?, ?>) v).isEmpty();
    }
    if (v instanceof List) {
      return !((List<?>) v).isEmpty();
    }
    return true;
  }

  /** {@code ConfigReaderUnshared.getOptions}. */
  static LinkedHashMap<String, @Nullable Object> read(
      ConfigSession session,
      ConfigStore store,
      String sec,
      List<OptionTemplate> options,
      @Nullable Map<String, ?> pOptions,
      boolean shouldExist,
      boolean convert) {
    return read(
        session,
        store,
        sec,
        options,
        pOptions,
        ConfigStore.normalize(pOptions),
        shouldExist,
        convert);
  }

  /** {@link #read}, with {@code vars} already {@code ConfigStore.normalize(pOptions)}. */
  static LinkedHashMap<String, @Nullable Object> read(
      ConfigSession session,
      ConfigStore store,
      String sec,
      List<OptionTemplate> options,
      @Nullable Map<String, ?> pOptions,
      ConfigStore.Vars vars,
      boolean shouldExist,
      boolean convert) {
    LinkedHashMap<String, @Nullable Object> values = new LinkedHashMap<>();
    Map<String, ?> p = pOptions == null ? Map.of() : pOptions;
    boolean[] failed = new boolean[1];
    for (OptionTemplate t : options) {
      if (p.containsKey(t.name())) {
        continue;
      }
      Object v;
      try {
        v = store.lookup(sec, t.name(), false, vars);
      } catch (ConfigError e) {
        if (e.kind() != ConfigError.Kind.NO_SECTION || shouldExist) {
          throw e;
        }
        session.error(e.getMessage());
        values.put(t.name(), t.defaultValue());
        continue;
      }
      if (v == ConfigStore.MISSING) {
        // NoOptionError in fail2ban
        if (t.defaultValue() != null) {
          session.warn(
              "'"
                  + t.name()
                  + "' not defined in '"
                  + sec
                  + "'. Using default one: "
                  + PythonText.repr(t.defaultValue()));
          values.put(t.name(), t.defaultValue());
        }
        continue;
      }
      values.put(t.name(), v);
      if (convert && (t.type().equals("bool") || t.type().equals("int"))) {
        if (v == null) {
          continue;
        }
        Object c = convert(t.type(), v, failed);
        if (failed[0]) {
          session.warn(
              "Wrong value for '"
                  + t.name()
                  + "' in '"
                  + sec
                  + "'. Using default one: '"
                  + PythonText.repr(t.defaultValue())
                  + "'");
          values.put(t.name(), t.defaultValue());
        } else {
          values.put(t.name(), c);
        }
      }
    }
    return values;
  }
}
