package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one file the way fail2ban's parser does (Python 3.11 {@code ConfigParser} with {@code =}
 * and {@code :} delimiters, {@code #}/{@code ;} whole-line comments, {@code ;} inline comments
 * after whitespace, empty lines kept inside values, strict duplicates).
 */
final class IniParser {
  private IniParser() {}

  /** One option as read: lowercased key, joined value, 0-based first and last line. */
  record Option(String section, String key, String value, int firstLine, int lastLine) {}

  /** One section header: name and 0-based line. */
  record Header(String name, int line) {}

  /**
   * The result of reading one file, immutable (values are {@code String}s): results are shared
   * between resolutions and threads (see {@code ConfigSession}).
   */
  static final class Result {
    final Map<String, Object> defaults;
    final Map<String, Map<String, Object>> sections;
    final List<Option> options;
    final List<Header> headers;
    final String file;
    final List<String> lines;

    private Result(
        String file,
        List<String> lines,
        Map<String, Object> defaults,
        Map<String, ? extends Map<String, Object>> sections,
        List<Option> options,
        List<Header> headers) {
      this.defaults = Collections.unmodifiableMap(defaults);
      LinkedHashMap<String, Map<String, Object>> s = new LinkedHashMap<>();
      for (Map.Entry<String, ? extends Map<String, Object>> e : sections.entrySet()) {
        s.put(e.getKey(), Collections.unmodifiableMap(e.getValue()));
      }
      this.sections = Collections.unmodifiableMap(s);
      this.options = List.copyOf(options);
      this.headers = List.copyOf(headers);
      this.file = file;
      this.lines = Collections.unmodifiableList(lines);
    }

    /** The option {@code key} of {@code section} that this file sets last, if any. */
    @Nullable Option lastOption(String section, String key) {
      for (int i = options.size() - 1; i >= 0; i--) {
        Option o = options.get(i);
        if (o.key().equals(key) && o.section().equals(section)) {
          return o;
        }
      }
      return null;
    }

    /** The text of a 0-based line, without its line end. */
    String lineText(int line) {
      return line < lines.size() ? chomp(lines.get(line)) : "";
    }
  }

  /** Splits text at universal newlines; each element keeps its {@code \n} like Python's reader. */
  static List<String> pythonLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    // the next '\n' and '\r' by String.indexOf: a charAt loop costs much more when cold
    int nl = text.indexOf('\n');
    int cr = text.indexOf('\r');
    while (nl >= 0 || cr >= 0) {
      int i = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
      out.add(new StringBuilder(i - start + 1).append(text, start, i).append('\n').toString());
      if (i == cr && i + 1 < n && text.charAt(i + 1) == '\n') {
        i++;
      }
      start = i + 1;
      if (nl >= 0 && nl < start) {
        nl = text.indexOf('\n', start);
      }
      if (cr >= 0 && cr < start) {
        cr = text.indexOf('\r', start);
      }
    }
    if (start < n) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static final class Pending {
    final String section;
    final String key;
    final Map<String, Object> target;
    final List<String> parts = new ArrayList<>();
    final int firstLine;
    int lastLine;

    Pending(String section, String key, Map<String, Object> target, String first, int line) {
      this.section = section;
      this.key = key;
      this.target = target;
      this.parts.add(first);
      this.firstLine = line;
      this.lastLine = line;
    }
  }

  static Result parse(String fileName, String text) {
    LinkedHashMap<String, Object> defaults = new LinkedHashMap<>();
    LinkedHashMap<String, LinkedHashMap<String, Object>> sections = new LinkedHashMap<>();
    List<Option> options = new ArrayList<>();
    List<Header> headers = new ArrayList<>();
    List<String> lines = pythonLines(text);
    Set<String> sectionsAdded = new HashSet<>();
    Set<String> optionsAdded = new HashSet<>();
    List<Pending> pendings = new ArrayList<>();
    Map<String, Object> cursect = null;
    String sectname = null;
    Pending cur = null;
    int indentLevel = 0;
    StringBuilder parseErrors = null;
    int firstErrorLine = 0;
    String firstErrorText = "";
    for (int idx = 0; idx < lines.size(); idx++) {
      String line = lines.get(idx);
      int lineno = idx + 1;
      int commentStart = Integer.MAX_VALUE;
      // inline ';' comments: first ';' at column 0 or after whitespace
      int from = 0;
      while (true) {
        int p = line.indexOf(';', from);
        if (p < 0) {
          break;
        }
        if (p == 0 || PythonText.isSpace(line.charAt(p - 1))) {
          commentStart = p;
          break;
        }
        from = p + 1;
      }
      String stripped = PythonText.strip(line);
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        commentStart = 0;
      }
      String value =
          PythonText.strip(
              commentStart == Integer.MAX_VALUE ? line : line.substring(0, commentStart));
      if (value.isEmpty()) {
        if (commentStart == Integer.MAX_VALUE
            && cursect != null
            && cur != null
            && !cur.key.isEmpty()) {
          cur.parts.add("");
        }
        continue;
      }
      int curIndent = 0;
      while (curIndent < line.length() && PythonText.isSpace(line.charAt(curIndent))) {
        curIndent++;
      }
      if (curIndent >= line.length()) {
        curIndent = 0;
      }
      if (cursect != null && cur != null && !cur.key.isEmpty() && curIndent > indentLevel) {
        cur.parts.add(value);
        cur.lastLine = idx;
        continue;
      }
      indentLevel = curIndent;
      String header = sectionHeader(value);
      if (header != null) {
        sectname = header;
        headers.add(new Header(header, idx));
        if (sections.containsKey(header)) {
          if (sectionsAdded.contains(header)) {
            throw new ConfigError(
                ConfigError.Kind.DUPLICATE,
                "While reading from "
                    + PythonText.reprString(fileName)
                    + String.format(" [line %2d]", lineno)
                    + ": section "
                    + PythonText.reprString(header)
                    + " already exists",
                fileName,
                lineno,
                chomp(line));
          }
          cursect = sections.get(header);
          sectionsAdded.add(header);
        } else if (header.equals("DEFAULT")) {
          cursect = defaults;
        } else {
          LinkedHashMap<String, Object> s = new LinkedHashMap<>();
          sections.put(header, s);
          cursect = s;
          sectionsAdded.add(header);
        }
        cur = null;
        continue;
      }
      if (cursect == null) {
        throw new ConfigError(
            ConfigError.Kind.PARSING,
            "File contains no section headers.\nfile: "
                + PythonText.reprString(fileName)
                + ", line: "
                + lineno
                + "\n"
                + PythonText.reprString(line),
            fileName,
            lineno,
            chomp(line));
      }
      int delim = -1;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '=' || c == ':') {
          delim = i;
          break;
        }
      }
      if (delim < 0 || delim == 0 || PythonText.strip(value.substring(0, delim)).isEmpty()) {
        if (parseErrors == null) {
          parseErrors =
              new StringBuilder("Source contains parsing errors: ")
                  .append(PythonText.reprString(fileName));
          firstErrorLine = lineno;
          firstErrorText = chomp(line);
        }
        parseErrors
            .append("\n\t")
            .append(String.format("[line %2d]", lineno))
            .append(": ")
            .append(PythonText.reprString(line));
        if (delim < 0) {
          continue;
        }
      }
      String key = PythonText.lower(PythonText.rstrip(value.substring(0, delim)));
      String optval = PythonText.strip(value.substring(delim + 1));
      String dupKey = sectname + "\u0000" + key;
      if (optionsAdded.contains(dupKey)) {
        throw new ConfigError(
            ConfigError.Kind.DUPLICATE,
            "While reading from "
                + PythonText.reprString(fileName)
                + String.format(" [line %2d]", lineno)
                + ": option "
                + PythonText.reprString(key)
                + " in section "
                + PythonText.reprString(sectname)
                + " already exists",
            fileName,
            lineno,
            chomp(line));
      }
      optionsAdded.add(dupKey);
      cur = new Pending(sectname, key, cursect, optval, idx);
      pendings.add(cur);
      cursect.put(key, cur);
    }
    for (Pending p : pendings) {
      String joined = PythonText.rstrip(String.join("\n", p.parts));
      if (p.target.get(p.key) == p) {
        p.target.put(p.key, joined);
      }
      options.add(new Option(p.section, p.key, joined, p.firstLine, p.lastLine));
    }
    if (parseErrors != null) {
      throw new ConfigError(
          ConfigError.Kind.PARSING,
          parseErrors.toString(),
          fileName,
          firstErrorLine,
          firstErrorText);
    }
    return new Result(fileName, lines, defaults, sections, options, headers);
  }

  /** {@code \[(.+)\]} matched at the start of the stripped value, greedy. */
  private static String sectionHeader(String value) {
    if (value.length() < 3 || value.charAt(0) != '[') {
      return null;
    }
    int close = value.lastIndexOf(']');
    if (close < 2) {
      return null;
    }
    return value.substring(1, close);
  }

  private static String chomp(String line) {
    return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
  }
}
