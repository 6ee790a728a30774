package dev.hostguard.fail2ban;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.SourcePosition;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.core.internal.PythonText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One resolution run over a configuration directory: fail2ban's shared cache of parsed files,
 * include lists and readers by name, and the log of warnings and errors it would print.
 */
final class ConfigSession {
  final String basedir;
  private final List<String> log = new ArrayList<>();
  private final Map<String, Optional<IniParser.Result>> parsed = new HashMap<>();
  private final Map<String, List<String>> includes = new HashMap<>();
  private final Map<String, NamedConfig> readers = new HashMap<>();
  private final FileView files;

  /** A configuration read by name ({@code jail}, {@code filter.d/sshd}): store and read result. */
  static final class NamedConfig {
    final ConfigStore store = new ConfigStore();
    @Nullable Boolean readResult;
  }

  ConfigSession(String basedir, FileView files) {
    String b = basedir;
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    this.basedir = b;
    this.files = files;
  }

  FileView files() {
    return files;
  }

  List<String> log() {
    return Collections.unmodifiableList(log);
  }

  /**
   * One line of the log ({@code WARNING ...}, {@code NOTICE ...}, {@code ERROR ...}) as a
   * diagnostic about the configuration directory: {@code ERROR} lines are errors, the others
   * warnings.
   */
  static Diagnostic diagnostic(String confDir, String logLine) {
    Diagnostic.Severity severity =
        logLine.startsWith("ERROR") ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
    return new Diagnostic(
        confDir, SourcePosition.of(1, 1), "", severity, PythonText.strip(logLine.substring(8)));
  }

  void warn(String message) {
    log.add("WARNING " + message);
  }

  void notice(String message) {
    log.add("NOTICE  " + message);
  }

  void error(String message) {
    log.add("ERROR   " + message);
  }

  /** fail2ban's {@code Configurator.Reload}: forget shared files and readers. */
  void clearShared() {
    parsed.clear();
    includes.clear();
    readers.clear();
  }

  private static final class Utf8Error extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Utf8Error(String m) {
      super(m);
    }
  }

  /** One file parsed on its own (cached); empty when it cannot be opened. */
  Optional<IniParser.Result> parseFile(String filename) {
    Optional<IniParser.Result> cached = parsed.get(filename);
    if (cached != null) {
      return cached;
    }
    Optional<byte[]> bytes = files.read(filename);
    Optional<IniParser.Result> result;
    if (bytes.isEmpty()) {
      result = Optional.empty();
    } else {
      InputLimits.check(filename, bytes.get())
          .ifPresent(
              d -> {
                throw new ConfigError(
                    ConfigError.Kind.PARSING,
                    d.message(),
                    filename,
                    d.position().line(),
                    d.lineText());
              });
      result = Optional.of(parseBytes(filename, bytes.get()));
    }
    parsed.put(filename, result);
    return result;
  }

  /** Parses shared between resolutions: see {@link ParseCache}. */
  private static final ParseCache SHARED_PARSES = new ParseCache(ParseCache.MAX_WEIGHT);

  private static IniParser.Result parseBytes(String filename, byte[] bytes) {
    IniParser.Result shared = SHARED_PARSES.get(filename, bytes);
    if (shared != null) {
      return shared;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Utf8Error("'utf-8' codec can't decode file " + filename);
    }
    IniParser.Result result = IniParser.parse(filename, text);
    SHARED_PARSES.put(filename, bytes, result);
    return result;
  }

  private List<String> expandWithLocal(List<String> filenames) {
    List<String> out = new ArrayList<>();
    for (String f : filenames) {
      out.add(f);
      String local = PythonPaths.stripExtension(f) + ".local";
      if (!filenames.contains(local) && files.isFile(local)) {
        out.add(local);
      }
    }
    return out;
  }

  private List<String> getIncludes(List<String> filenames, List<String> seen) {
    List<String> expanded = expandWithLocal(filenames);
    String key = String.join("\u0001", expanded);
    List<String> cached = includes.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> full = new ArrayList<>();
    for (String f : expanded) {
      full.addAll(getIncludesUncached(f, seen));
    }
    includes.put(key, full);
    return full;
  }

  /**
   * The deepest chain of {@code before}/{@code after} includes fail2ban 1.0.2 reads below {@code
   * jail.conf} ({@code fail2ban-client -d}): one more and Python's recursion limit stops it with
   * {@link #TOO_DEEP}. Deeper chains are refused the same way here, long before the Java stack or
   * the {@code seen} lists could grow without bound.
   */
  static final int MAX_INCLUDE_DEPTH = 489;

  /** What fail2ban says when an include chain exhausts Python's recursion limit. */
  static final String TOO_DEEP = "maximum recursion depth exceeded while calling a Python object";

  private List<String> getIncludesUncached(String resource, List<String> seen) {
    if (seen.size() > MAX_INCLUDE_DEPTH) {
      throw new ConfigError(ConfigError.Kind.RECURSION, TOO_DEEP);
    }
    Optional<IniParser.Result> parser;
    try {
      parser = parseFile(resource);
    } catch (Utf8Error e) {
      error("Error decoding config file '" + resource + "': " + e.getMessage());
      return List.of();
    }
    if (parser.isEmpty()) {
      return List.of();
    }
    String resourceDir = PythonPaths.dirname(resource);
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    IniParser.Result p = parser.get();
    Map<String, Object> includesSection = p.sections.get("INCLUDES");
    if (includesSection != null) {
      ConfigStore single = null;
      for (String optionName : List.of("before", "after")) {
        List<String> target = optionName.equals("before") ? before : after;
        Object raw =
            includesSection.containsKey(optionName)
                ? includesSection.get(optionName)
                : p.defaults.getOrDefault(optionName, MISSING_INCLUDE);
        if (raw != MISSING_INCLUDE) {
          String value;
          if (raw instanceof String && ((String) raw).indexOf('%') < 0) {
            value = (String) raw; // what interpolation yields for a value without '%'
          } else {
            if (single == null) {
              single = storeOf(p);
            }
            value = single.getString("INCLUDES", optionName, null);
          }
          for (String newResource : value.split("\n", -1)) {
            String r = PythonPaths.join(resourceDir, newResource);
            if (seen.contains(r)) {
              continue;
            }
            List<String> s = new ArrayList<>(seen);
            s.add(resource);
            target.addAll(getIncludes(List.of(r), s));
          }
        }
      }
    }
    List<String> out = new ArrayList<>(before);
    out.add(resource);
    out.addAll(after);
    return out;
  }

  private static final Object MISSING_INCLUDE = new Object();

  /** One file on its own as a store, for interpolating its {@code [INCLUDES]}. */
  private static ConfigStore storeOf(IniParser.Result p) {
    ConfigStore single = new ConfigStore();
    single.defaults.putAll(p.defaults);
    for (Map.Entry<String, Map<String, Object>> e : p.sections.entrySet()) {
      single.sections.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
    }
    return single;
  }

  /** {@code SafeConfigParserWithIncludes.read(filenames)} into {@code store}; the files read. */
  List<String> readWithIncludes(ConfigStore store, List<String> filenames) {
    List<String> full = getIncludes(filenames, List.of());
    List<String> ret = new ArrayList<>();
    for (String f : full) {
      Optional<IniParser.Result> r = parseFile(f);
      if (r.isPresent()) {
        ret.add(f);
        store.mergeFile(r.get());
      }
    }
    return ret;
  }

  /** {@code ConfigReader.read(name)} with sharing by name: the reader, read once. */
  NamedConfig reader(String name) {
    NamedConfig c = readers.computeIfAbsent(name, k -> new NamedConfig());
    if (c.readResult == null) {
      c.readResult = readUnshared(c.store, name);
    }
    return c;
  }

  /** {@code ConfigReaderUnshared.read(filename)}. */
  boolean readUnshared(ConfigStore store, String filename) {
    if (!files.exists(basedir)) {
      throw ConfigError.value("Base configuration directory " + basedir + " does not exist ");
    }
    String basename = PythonPaths.join(basedir, filename);
    List<String> configFiles = new ArrayList<>();
    configFiles.add(basename + ".conf");
    String configDir = basename + ".d";
    configFiles.addAll(sorted(PythonPaths.glob(files, configDir + "/*.conf")));
    configFiles.add(basename + ".local");
    configFiles.addAll(sorted(PythonPaths.glob(files, configDir + "/*.local")));
    configFiles.removeIf(f -> !files.exists(f));
    if (!configFiles.isEmpty()) {
      List<String> read = readWithIncludes(store, configFiles);
      List<String> missed = new ArrayList<>();
      for (String f : configFiles) {
        if (!read.contains(f)) {
          missed.add(f);
        }
      }
      if (!missed.isEmpty()) {
        error("Could not read config files: " + String.join(", ", missed));
      }
      if (!read.isEmpty()) {
        return true;
      }
      error(
          "Found no accessible config files for "
              + PythonText.reprString(filename)
              + " under "
              + basedir);
      return false;
    }
    error(
        "Found no accessible config files for "
            + PythonText.reprString(filename)
            + " under "
            + basedir);
    return false;
  }

  private static List<String> sorted(List<String> in) {
    List<String> out = new ArrayList<>(in);
    out.sort(ConfigSession::compareCodePoints);
    return out;
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
