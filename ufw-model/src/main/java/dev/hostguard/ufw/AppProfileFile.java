package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of {@code /etc/ufw/applications.d}: the lossless lines and the profiles they declare,
 * read with Python RawConfigParser's rules (strict: a duplicate section or key, a key without
 * {@code =}/{@code :} or text before the first section is an error, as ufw then skips the file).
 *
 * <pre>{@code
 * AppProfileFile f = AppProfileFile.parse("plexmediaserver", text);
 * f.render().equals(text); // true
 * }</pre>
 */
public final class AppProfileFile implements LosslessDocument {
  private final LineDocument document;
  private final ImmutableList<AppProfile> profiles;

  private AppProfileFile(LineDocument document, ImmutableList<AppProfile> profiles) {
    this.document = document;
    this.profiles = profiles;
  }

  /**
   * Parses a profile file.
   *
   * @throws AppProfileParseException where RawConfigParser would raise
   */
  public static AppProfileFile parse(String sourceName, String text) {
    return parse(LineDocument.parse(sourceName, text));
  }

  /** Parses file bytes; text that is not UTF-8 is refused as Python's reader refuses it. */
  public static AppProfileFile parse(String sourceName, byte[] content) {
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
    String curKey = null;
    int curIndent = 0;
    for (int i = 0; i < doc.size(); i++) {
      String line = doc.text(i);
      String stripped = line.strip();
      int indent = line.length() - line.stripLeading().length();
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
        continue;
      }
      if (stripped.startsWith("[")
          && stripped.indexOf(']') > 0
          && line.stripLeading().equals(stripped)) {
        int close = stripped.lastIndexOf(']');
        String name = stripped.substring(1, close);
        if (name.equals("DEFAULT")) {
          cur = defaults;
        } else {
          if (sections.containsKey(name)) {
            throw AppProfileParseException.atLine(
                doc, i, indent, "section '" + name + "' already exists");
          }
          cur = new LinkedHashMap<>();
          sections.put(name, cur);
        }
        curKey = null;
        continue;
      }
      if (cur == null) {
        throw AppProfileParseException.atLine(doc, i, indent, "File contains no section headers.");
      }
      int eq = indexOfDelimiter(stripped);
      if (eq <= 0) {
        throw AppProfileParseException.atLine(doc, i, indent, "Source contains parsing errors");
      }
      String key = PythonText.lower(stripped.substring(0, eq).strip());
      String value = stripped.substring(eq + 1).strip();
      if (cur.containsKey(key)) {
        throw AppProfileParseException.atLine(
            doc, i, indent, "option '" + key + "' already exists");
      }
      cur.put(key, value);
      curKey = key;
      curIndent = indent;
    }
    ImmutableList.Builder<AppProfile> out = ImmutableList.builder();
    for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
      Map<String, String> merged = new LinkedHashMap<>(defaults);
      for (Map.Entry<String, String> kv : e.getValue().entrySet()) {
        merged.put(kv.getKey(), kv.getValue().stripTrailing());
      }
      merged.replaceAll((k, v) -> v.stripTrailing());
      out.add(new AppProfile(e.getKey(), ImmutableMap.copyOf(merged)));
    }
    return new AppProfileFile(doc, out.build());
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

  /** The text of a new file holding these profiles (title, description, ports first). */
  public static String write(List<AppProfile> profiles) {
    List<String> out = new ArrayList<>();
    for (AppProfile p : profiles) {
      if (!out.isEmpty()) {
        out.add("");
      }
      out.add("[" + p.name() + "]");
      for (Map.Entry<String, String> f : p.fields().entrySet()) {
        out.add(f.getKey() + "=" + f.getValue().replace("\n", "\n "));
      }
    }
    return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
  }
}
