package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.core.internal.InputLimits;
import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One fail2ban ini file ({@code jail.local}, {@code filter.d/x.conf}, ...), lossless: {@link
 * #render()} gives back every byte, and edits touch only the lines of the options they change. The
 * typed view reads the file exactly as fail2ban 1.0.2 (Python's ConfigParser) reads it.
 *
 * <pre>{@code
 * Fail2banIniDocument doc = Fail2banIniDocument.parse("jail.local", text);
 * doc.withOption("sshd", "maxretry", "3").render();
 * }</pre>
 */
public final class Fail2banIniDocument implements LosslessDocument {
  private final LineDocument lines;
  private final ImmutableList<String> sections;
  private final ImmutableList<IniOption> options;
  private final ImmutableList<Integer> headerLines;
  private final boolean linesAlign;

  private Fail2banIniDocument(LineDocument lines, IniParser.Result parsed, boolean linesAlign) {
    this.lines = lines;
    List<String> names = new ArrayList<>();
    List<Integer> headers = new ArrayList<>();
    for (IniParser.Header h : parsed.headers) {
      if (!names.contains(h.name())) {
        names.add(h.name());
      }
      headers.add(h.line());
    }
    this.sections = ImmutableList.copyOf(names);
    this.headerLines = ImmutableList.copyOf(headers);
    List<IniOption> opts = new ArrayList<>();
    for (IniParser.Option o : parsed.options) {
      opts.add(new IniOption(o.section(), o.key(), o.value(), o.firstLine(), o.lastLine()));
    }
    opts.sort((a, b) -> Integer.compare(a.firstLine(), b.firstLine()));
    this.options = ImmutableList.copyOf(opts);
    this.linesAlign = linesAlign;
  }

  /** Parses UTF-8 bytes; bad UTF-8 is refused as fail2ban refuses it. */
  public static Fail2banIniDocument parse(String sourceName, byte[] content) {
    requireNonNull(content, "content");
    InputLimits.check(sourceName, content).ifPresent(Fail2banIniDocument::refuse);
    LineDocument doc;
    try {
      doc = LineDocument.parseUtf8(sourceName, content);
    } catch (ParseException e) {
      throw Fail2banIniParseException.of(
          e.sourceName(), e.position(), e.lineText(), "invalid UTF-8 (fail2ban cannot decode it)");
    }
    return of(doc);
  }

  /** Parses text. */
  public static Fail2banIniDocument parse(String sourceName, String text) {
    InputLimits.check(sourceName, text).ifPresent(Fail2banIniDocument::refuse);
    return of(LineDocument.parse(requireNonNull(sourceName, "sourceName"), text));
  }

  private static void refuse(dev.hostguard.core.Diagnostic d) {
    throw Fail2banIniParseException.of(d.sourceName(), d.position(), d.lineText(), d.message());
  }

  private static Fail2banIniDocument of(LineDocument doc) {
    String text = doc.render();
    IniParser.Result parsed;
    try {
      parsed = IniParser.parse(doc.sourceName(), text);
    } catch (ConfigError e) {
      int line0 = Math.max(0, e.line() - 1);
      boolean inside = line0 < doc.size();
      throw Fail2banIniParseException.of(
          doc.sourceName(),
          inside ? doc.position(line0, 0) : doc.position(Math.max(0, doc.size() - 1), 0),
          e.lineText(),
          e.getMessage());
    }
    boolean align = IniParser.pythonLines(text).size() == doc.size();
    return new Fail2banIniDocument(doc, parsed, align);
  }

  /** The lossless lines. */
  public LineDocument lines() {
    return lines;
  }

  @Override
  public String sourceName() {
    return lines.sourceName();
  }

  /** Every byte of the file, as read. */
  @Override
  public String render() {
    return lines.render();
  }

  /** The bytes of the file. */
  @Override
  public byte[] toBytes() {
    return lines.toBytes();
  }

  /** Section names in order of first appearance ({@code DEFAULT} included; case kept). */
  public ImmutableList<String> sections() {
    return sections;
  }

  /** Every option in file order. */
  public ImmutableList<IniOption> options() {
    return options;
  }

  /** The options of one section, in file order. */
  public ImmutableList<IniOption> options(String section) {
    ImmutableList.Builder<IniOption> b = ImmutableList.builder();
    for (IniOption o : options) {
      if (o.section().equals(section)) {
        b.add(o);
      }
    }
    return b.build();
  }

  /** The value of {@code key} (any case) in {@code section}, as fail2ban reads it (raw). */
  public Optional<String> value(String section, String key) {
    return find(section, key).map(IniOption::value);
  }

  private Optional<IniOption> find(String section, String key) {
    String k = PythonText.lower(key);
    for (IniOption o : options) {
      if (o.section().equals(section) && o.key().equals(k)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private void checkEditable() {
    if (!linesAlign) {
      throw new Fail2banRefusedException(
          lines.sourceName() + ": lone carriage returns; line-based edits are not possible");
    }
  }

  private static List<String> optionLines(String key, String value, String prefix) {
    List<String> out = new ArrayList<>();
    String[] parts = value.split("\n", -1);
    out.add(prefix + parts[0]);
    String indent = " ".repeat(Math.max(1, prefix.length()));
    for (int i = 1; i < parts.length; i++) {
      out.add(parts[i].isEmpty() ? "" : indent + parts[i]);
    }
    return out;
  }

  private static void checkValue(String key, String value) {
    if (key.isEmpty()
        || key.contains("=")
        || key.contains(":")
        || key.contains("\n")
        || !PythonText.strip(key).equals(key)
        || key.startsWith("[")
        || key.startsWith("#")
        || key.startsWith(";")) {
      throw new Fail2banRefusedException("not a fail2ban option name: " + key);
    }
    if (value.contains("\r")) {
      throw new Fail2banRefusedException("value contains a carriage return");
    }
    String[] parts = value.split("\n", -1);
    if (parts.length > 1 && parts[parts.length - 1].isEmpty()) {
      // configparser drops the empty lines that end a value: fail2ban would read it shorter
      throw new Fail2banRefusedException(
          "value cannot end with an empty line (fail2ban drops it): " + value);
    }
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (!PythonText.strip(part).equals(part)
          || part.contains(" ;")
          || part.startsWith(";")
          || (i > 0 && part.startsWith("#"))) {
        throw new Fail2banRefusedException(
            "value line cannot be written so that fail2ban reads it back unchanged: " + part);
      }
    }
  }

  /**
   * This file with {@code key = value} in {@code section}: an existing option is rewritten in place
   * (keeping its key spelling and separator), a new one goes after the section's last option, a new
   * section is appended at the end. Everything else is kept byte for byte.
   *
   * @throws Fail2banRefusedException for a name or value fail2ban would not read back as given, or
   *     where the new lines would change how fail2ban reads the lines around them (an indented line
   *     after them would become part of the value)
   */
  public Fail2banIniDocument withOption(String section, String key, String value) {
    requireNonNull(section, "section");
    checkValue(key, value);
    checkEditable();
    if (section.contains("]") || section.contains("\n") || section.isEmpty()) {
      throw new Fail2banRefusedException("not a section name: " + section);
    }
    Optional<IniOption> existing = find(section, key);
    LineDocument out;
    if (existing.isPresent()) {
      IniOption o = existing.get();
      String first = lines.text(o.firstLine());
      int delim = -1;
      for (int i = 0; i < first.length(); i++) {
        if (first.charAt(i) == '=' || first.charAt(i) == ':') {
          delim = i;
          break;
        }
      }
      int vstart = delim + 1;
      while (vstart < first.length()
          && (first.charAt(vstart) == ' ' || first.charAt(vstart) == '\t')) {
        vstart++;
      }
      String prefix = first.substring(0, vstart);
      if (vstart == delim + 1) {
        prefix = prefix + " ";
      }
      out =
          lines.withLinesReplaced(o.firstLine(), o.lastLine() + 1, optionLines(key, value, prefix));
    } else if (sections.contains(section)) {
      int insertAt = -1;
      for (IniOption o : options) {
        if (o.section().equals(section)) {
          insertAt = Math.max(insertAt, o.lastLine() + 1);
        }
      }
      if (insertAt < 0) {
        for (int i = 0; i < headerLines.size(); i++) {
          if (lines.text(headerLines.get(i)).contains("[" + section + "]")) {
            insertAt = headerLines.get(i) + 1;
          }
        }
      }
      out = lines.withLinesInserted(insertAt, optionLines(key, value, key + " = "));
    } else {
      List<String> add = new ArrayList<>();
      if (lines.size() > 0 && !PythonText.strip(lines.text(lines.size() - 1)).isEmpty()) {
        add.add("");
      }
      add.add("[" + section + "]");
      add.addAll(optionLines(key, value, key + " = "));
      out = lines.withLinesInserted(lines.size(), add);
    }
    Fail2banIniDocument result = of(out);
    if (!result.value(section, key).equals(Optional.of(value))
        || !keepsOtherOptions(result, section, key)) {
      // e.g. an indented line after the insertion point would become a continuation line
      throw new Fail2banRefusedException(
          lines.sourceName()
              + ": "
              + key
              + " cannot be written in ["
              + section
              + "] without changing how fail2ban reads the lines around it");
    }
    return result;
  }

  /** Whether every option but {@code section}/{@code key} reads the same in {@code edited}. */
  private boolean keepsOtherOptions(Fail2banIniDocument edited, String section, String key) {
    String k = PythonText.lower(key);
    for (IniOption o : options) {
      if (o.section().equals(section) && o.key().equals(k)) {
        continue;
      }
      if (!edited.value(o.section(), o.key()).equals(value(o.section(), o.key()))) {
        return false;
      }
    }
    return edited.sections().containsAll(sections);
  }

  /** This file without {@code key} in {@code section} (its continuation lines included). */
  public Fail2banIniDocument withoutOption(String section, String key) {
    checkEditable();
    Optional<IniOption> existing = find(section, key);
    if (existing.isEmpty()) {
      return this;
    }
    return of(lines.withLinesRemoved(existing.get().firstLine(), existing.get().lastLine() + 1));
  }

  @Override
  public String toString() {
    return render();
  }
}
