package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.core.internal.PythonText;
import dev.hostguard.core.internal.UniversalNewlines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file of {@code /etc/ufw/applications.d}: the lossless lines and the profiles they declare,
 * read with Python RawConfigParser's rules (strict: a duplicate section or key, a key without
 * {@code =}/{@code :} or text before the first section is an error, as ufw then skips the file).
 *
 * <p>Profiles are added, changed and removed with {@link #withProfile} and {@link #withoutProfile}:
 * only the lines of that profile change, every other byte stays as parsed.
 *
 * <pre>{@code
 * AppProfileFile f = AppProfileFile.parse("plexmediaserver", text);
 * f.withProfile(f.profiles().get(0).withPorts(List.of("32400/tcp")), services).render();
 * }</pre>
 */
public final class AppProfileFile implements LosslessDocument {
  private final LineDocument document;
  private final ImmutableList<AppProfile> profiles;
  private final ImmutableMap<String, int[]> spans;

  private AppProfileFile(
      LineDocument document, ImmutableList<AppProfile> profiles, Map<String, int[]> spans) {
    this.document = document;
    this.profiles = profiles;
    this.spans = ImmutableMap.copyOf(spans);
  }

  /**
   * Parses a profile file.
   *
   * @throws AppProfileParseException where RawConfigParser would raise
   */
  public static AppProfileFile parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw AppProfileParseException.of(d);
            });
    return parse(LineDocument.parse(sourceName, text));
  }

  /** Parses file bytes; text that is not UTF-8 is refused as Python's reader refuses it. */
  public static AppProfileFile parse(String sourceName, byte[] content) {
    InputLimits.check(sourceName, content)
        .ifPresent(
            d -> {
              throw AppProfileParseException.of(d);
            });
    LineDocument doc = LineDocument.parse(sourceName, content);
    for (int i = 0; i < doc.size(); i++) {
      if (!doc.line(i).isWellFormed()) {
        int col = doc.text(i).indexOf('\uFFFD');
        throw AppProfileParseException.atLine(doc, i, Math.max(col, 0), "invalid UTF-8");
      }
    }
    return parse(doc);
  }

  /** The file's bytes, exactly as parsed (edits change only the lines of the profile edited). */
  @Override
  public byte[] toBytes() {
    return document.toBytes();
  }

  private static AppProfileFile parse(LineDocument doc) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    Map<String, String> cur = null;
    Map<String, int[]> spans = new LinkedHashMap<>();
    int[] curSpan = null;
    String curKey = null;
    int curIndent = 0;
    // ufw reads the file in Python's text mode: a lone CR ends a line as LF and CRLF do, so one
    // line of the document may hold several of RawConfigParser's lines
    for (UniversalNewlines.Line logical : UniversalNewlines.lines(doc)) {
      int i = logical.lineIndex();
      int column = logical.column();
      String line = logical.text();
      // RawConfigParser strips with Python's notion of white space (str.strip, regex \S)
      String stripped = PythonText.strip(line);
      int indent = indentOf(line);
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (stripped.isEmpty()) {
        if (cur != null && curKey != null) {
          cur.put(curKey, cur.get(curKey) + "\n");
        }
        continue;
      }
      if (cur != null && curKey != null && indent > curIndent) {
        cur.put(curKey, cur.get(curKey) + "\n" + stripped);
        if (curSpan != null) {
          curSpan[1] = i + 1;
        }
        continue;
      }
      // SECTCRE \[(?P<header>.+)\] matched at the start: a '[' and a last ']' with text between
      int close = stripped.lastIndexOf(']');
      if (stripped.startsWith("[") && close >= 2) {
        String name = stripped.substring(1, close);
        if (name.equals("DEFAULT")) {
          cur = defaults;
          curSpan = null;
        } else {
          if (sections.containsKey(name)) {
            throw AppProfileParseException.atLine(
                doc, i, column + indent, "section '" + name + "' already exists");
          }
          cur = new LinkedHashMap<>();
          sections.put(name, cur);
          curSpan = new int[] {i, i + 1};
          spans.put(name, curSpan);
        }
        curKey = null;
        continue;
      }
      if (cur == null) {
        throw AppProfileParseException.atLine(
            doc, i, column + indent, "File contains no section headers.");
      }
      int eq = indexOfDelimiter(stripped);
      if (eq <= 0) {
        throw AppProfileParseException.atLine(
            doc, i, column + indent, "Source contains parsing errors");
      }
      String key = PythonText.lower(PythonText.rstrip(stripped.substring(0, eq)));
      String value = PythonText.strip(stripped.substring(eq + 1));
      if (cur.containsKey(key)) {
        throw AppProfileParseException.atLine(
            doc, i, column + indent, "option '" + key + "' already exists");
      }
      cur.put(key, value);
      if (curSpan != null) {
        curSpan[1] = i + 1;
      }
      curKey = key;
      curIndent = indent;
    }
    ImmutableList.Builder<AppProfile> out = ImmutableList.builder();
    for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
      Map<String, String> merged = new LinkedHashMap<>(defaults);
      for (Map.Entry<String, String> kv : e.getValue().entrySet()) {
        merged.put(kv.getKey(), PythonText.rstrip(kv.getValue()));
      }
      merged.replaceAll((k, v) -> PythonText.rstrip(v));
      out.add(new AppProfile(e.getKey(), ImmutableMap.copyOf(merged)));
    }
    return new AppProfileFile(doc, out.build(), spans);
  }

  /** Where the first character that is not Python white space is, else 0 (NONSPACECRE). */
  private static int indentOf(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!PythonText.isSpace(line.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  private static int indexOfDelimiter(String s) {
    int a = s.indexOf('=');
    int b = s.indexOf(':');
    if (a < 0) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    return Math.min(a, b);
  }

  /** The profiles in file order. */
  public ImmutableList<AppProfile> profiles() {
    return profiles;
  }

  /** The file's lines. */
  public LineDocument document() {
    return document;
  }

  /** The name the file was parsed under. */
  @Override
  public String sourceName() {
    return document.sourceName();
  }

  /**
   * The file's text, byte for byte as parsed (edits change only the lines of the profile edited).
   */
  @Override
  public String render() {
    return document.render();
  }

  /**
   * A new file holding these profiles, one section each in the order given, separated by a blank
   * line; the same checks as {@link #withProfile}.
   *
   * @throws UfwRefusedException as {@link #withProfile} does, or for two profiles of one name
   */
  public static AppProfileFile of(
      String sourceName, List<AppProfile> profiles, ServicesDatabase services) {
    AppProfileFile f = parse(sourceName, "");
    for (AppProfile p : profiles) {
      if (f.profile(p.name()).isPresent()) {
        throw new UfwRefusedException("Duplicate profile '" + p.name() + "'");
      }
      f = f.withProfile(p, services);
    }
    return f;
  }

  /** The profile of this name (exact, as ufw matches section names), if the file has one. */
  public Optional<AppProfile> profile(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * This file with {@code profile} in it: a section of the same name is replaced in place (its
   * header through its last option line; comments and blank lines around it stay), otherwise the
   * section is appended after a blank line. Every other line is kept byte for byte.
   *
   * <p>The profile is checked as ufw checks the profiles it loads, and refused with the warning ufw
   * prints when it skips one ({@code Skipping 'ssh': also in /etc/services}, {@code Invalid ports
   * in profile 'x'}, ...); names, keys and values that cannot be written as RawConfigParser lines
   * (a line break in a name, a key with {@code =}, a value with surrounding blanks) are refused
   * too.
   *
   * @param services the services table ufw resolves service-name ports and names with
   * @throws UfwRefusedException what ufw would refuse, with its message
   */
  public AppProfileFile withProfile(AppProfile profile, ServicesDatabase services) {
    Optional<String> refusal = unwritable(profile).or(() -> AppProfiles.refusal(profile, services));
    if (refusal.isPresent()) {
      throw new UfwRefusedException(refusal.get());
    }
    List<String> section = sectionLines(profile);
    Optional<int[]> span = span(profile.name());
    span.ifPresent(this::checkEditable);
    LineDocument edited;
    if (span.isPresent()) {
      edited = document.withLinesReplaced(span.get()[0], span.get()[1], section);
    } else {
      List<String> lines = new ArrayList<>();
      int n = document.size();
      if (n > 0 && !document.text(n - 1).isBlank()) {
        lines.add("");
      }
      lines.addAll(section);
      edited = document.withLinesInserted(n, lines);
    }
    return parse(edited);
  }

  /**
   * This file without the profile {@code name}: its section's lines go (header through its last
   * option line, with the blank lines that follow it, or those before it when it ends the file).
   *
   * @throws UfwRefusedException {@code Could not find profile 'NAME'} (ufw's message)
   */
  public AppProfileFile withoutProfile(String name) {
    int[] span =
        span(name)
            .orElseThrow(() -> new UfwRefusedException("Could not find profile '" + name + "'"));
    checkEditable(span);
    int from = span[0];
    int to = span[1];
    while (to < document.size() && document.text(to).isBlank()) {
      to++;
    }
    if (to == document.size()) {
      while (from > 0 && document.text(from - 1).isBlank()) {
        from--;
      }
    }
    return parse(document.withLinesRemoved(from, to));
  }

  /** Why a profile cannot be written as lines RawConfigParser reads back as this profile. */
  private static Optional<String> unwritable(AppProfile p) {
    String name = p.name();
    if (name.equals("DEFAULT") || name.contains("\n") || name.contains("\r")) {
      return Optional.of("Profile name '" + name + "' cannot be a section");
    }
    for (Map.Entry<String, String> f : p.fields().entrySet()) {
      String key = f.getKey();
      String[] lines = f.getValue().split("\n", -1);
      String first = key + "=" + lines[0];
      if (key.isEmpty()
          || !key.equals(PythonText.lower(key))
          || !key.equals(PythonText.strip(key))
          || key.chars().anyMatch(c -> "=:\r\n".indexOf(c) >= 0)
          || key.startsWith("#")
          || key.startsWith(";")
          // the line would read back as a section header
          || (key.startsWith("[") && first.lastIndexOf(']') >= 2)) {
        return Optional.of("Profile '" + name + "': field '" + key + "' cannot be written");
      }
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        boolean bad =
            !l.equals(PythonText.strip(l))
                || l.contains("\r")
                || (i > 0 && (l.startsWith("#") || l.startsWith(";")))
                // an empty first line is "key=" then the continuation; an empty last one would
                // be stripped away on reading
                || (i == lines.length - 1 && l.isEmpty() && lines.length > 1);
        if (bad) {
          return Optional.of("Profile '" + name + "': value of '" + key + "' cannot be written");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The lines of a section: {@code [name]}, then {@code key=value}; further lines of a value are
   * continuation lines indented by one blank.
   */
  private static List<String> sectionLines(AppProfile p) {
    List<String> out = new ArrayList<>();
    out.add("[" + p.name() + "]");
    for (Map.Entry<String, String> f : p.fields().entrySet()) {
      String[] lines = f.getValue().split("\n", -1);
      out.add(f.getKey() + "=" + lines[0]);
      for (int i = 1; i < lines.length; i++) {
        out.add(lines[i].isEmpty() ? "" : " " + lines[i]);
      }
    }
    return out;
  }

  /**
   * [header, end) of the section {@code name}: end is after its last option or continuation line.
   */
  /**
   * Refuses to edit a section that shares a line of the file with another one: a lone CR ends a
   * line for ufw but not for the document, so replacing that line would change the other too.
   */
  private void checkEditable(int[] span) {
    for (int i = span[0]; i < span[1]; i++) {
      if (UniversalNewlines.holdsLoneCarriageReturn(document, i)) {
        throw new UfwRefusedException(
            "Profile lines at line "
                + (i + 1)
                + " are separated by a lone carriage return; edit the file as text");
      }
    }
  }

  private Optional<int[]> span(String name) {
    int[] span = spans.get(name);
    return span == null ? Optional.empty() : Optional.of(span.clone());
  }
}
