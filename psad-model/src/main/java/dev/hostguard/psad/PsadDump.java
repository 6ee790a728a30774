package dev.hostguard.psad;

import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code psad -c FILE -D} prints, kept byte for byte with a typed view: the host facts it
 * starts with (uname, perl, interfaces: kept as text), the configuration block ({@code [+] Dumping
 * psad config from: FILE}, one {@code %-30s %s} line a key, the same text as {@link
 * PsadConfig#dump()}), and the command paths.
 *
 * <pre>{@code
 * PsadDump d = PsadDump.parse("psad -D", stdout);
 * d.configFile(); d.values().get("PSAD_DIR"); d.commands().get("iptables");
 * }</pre>
 */
public final class PsadDump implements LosslessDocument {
  private static final String CONFIG_HEADER = "[+] Dumping psad config from: ";
  private static final String COMMANDS_HEADER = "[+] Command paths:";
  private static final int LABEL_WIDTH = 30;

  private final LineDocument lines;
  private final String configFile;
  private final String configBlock;
  private final ImmutableMap<String, String> values;
  private final ImmutableMap<String, String> commands;

  private PsadDump(
      LineDocument lines,
      String configFile,
      String configBlock,
      ImmutableMap<String, String> values,
      ImmutableMap<String, String> commands) {
    this.lines = lines;
    this.configFile = configFile;
    this.configBlock = configBlock;
    this.values = values;
    this.commands = commands;
  }

  /**
   * Reads {@code psad -D} output.
   *
   * @throws ParseException when the configuration block or the command paths are missing or a line
   *     in them is not one psad prints there
   */
  public static PsadDump parse(String sourceName, String text) {
    LineDocument doc = LineDocument.parse(sourceName, text);
    int header = -1;
    for (int i = 0; i < doc.size(); i++) {
      if (doc.text(i).startsWith(CONFIG_HEADER)) {
        header = i;
        break;
      }
    }
    if (header < 0) {
      throw ParseException.inLine(
          doc, Math.max(doc.size() - 1, 0), 0, "expected '" + CONFIG_HEADER + "FILE'");
    }
    String file = doc.text(header).substring(CONFIG_HEADER.length());
    int i = expectBlank(doc, header + 1);
    Map<String, String> values = new LinkedHashMap<>();
    for (; i < doc.size() && !doc.text(i).isEmpty(); i++) {
      String line = doc.text(i);
      if (!line.startsWith("    ") || line.length() < 5 || line.charAt(4) == ' ') {
        throw ParseException.inLine(doc, i, 0, "expected '    KEY VALUE'");
      }
      int keyEnd = line.indexOf(' ', 4);
      int valueStart = Math.max(LABEL_WIDTH, keyEnd) + 1;
      if (keyEnd < 0
          || line.length() < valueStart
          || !line.substring(keyEnd, valueStart).isBlank()) {
        throw ParseException.inLine(doc, i, Math.max(keyEnd, 0), "expected the value at column 32");
      }
      values.put(line.substring(4, keyEnd), line.substring(valueStart));
    }
    int blockEnd = expectBlank(doc, i);
    if (blockEnd >= doc.size() || !doc.text(blockEnd).equals(COMMANDS_HEADER)) {
      throw ParseException.inLine(
          doc, Math.min(blockEnd, doc.size() - 1), 0, "expected '" + COMMANDS_HEADER + "'");
    }
    StringBuilder block = new StringBuilder();
    for (int k = header; k < blockEnd; k++) {
      block.append(doc.text(k)).append('\n');
    }
    Map<String, String> commands = new LinkedHashMap<>();
    for (int k = expectBlank(doc, blockEnd + 1); k < doc.size(); k++) {
      String line = doc.text(k);
      int nameEnd = line.indexOf(' ', 4);
      if (!line.startsWith("[+] ") || nameEnd < 0) {
        throw ParseException.inLine(doc, k, 0, "expected '[+] NAME PATH'");
      }
      int pathStart = Math.max(LABEL_WIDTH, nameEnd) + 1;
      if (line.length() < pathStart || !line.substring(nameEnd, pathStart).isBlank()) {
        throw ParseException.inLine(doc, k, nameEnd, "expected the path at column 32");
      }
      commands.put(line.substring(4, nameEnd), line.substring(pathStart));
    }
    return new PsadDump(
        doc, file, block.toString(), ImmutableMap.copyOf(values), ImmutableMap.copyOf(commands));
  }

  private static int expectBlank(LineDocument doc, int index) {
    if (index >= doc.size() || !doc.text(index).isEmpty()) {
      throw ParseException.inLine(
          doc, Math.min(index, doc.size() - 1), 0, "expected an empty line");
    }
    return index + 1;
  }

  @Override
  public String sourceName() {
    return lines.sourceName();
  }

  /** The configuration file psad read, as it names it. */
  public String configFile() {
    return configFile;
  }

  /**
   * The configuration block, from {@code [+] Dumping psad config from:} up to (not including)
   * {@code [+] Command paths:}: what {@link PsadConfig#dump()} renders for the same file.
   */
  public String configBlock() {
    return configBlock;
  }

  /**
   * Every key and its value as psad printed it (masked ones read {@code (removed)}), psad's order.
   */
  public ImmutableMap<String, String> values() {
    return values;
  }

  /** The command table psad found: name to path, psad's order. */
  public ImmutableMap<String, String> commands() {
    return commands;
  }

  @Override
  public String render() {
    return lines.render();
  }

  @Override
  public byte[] toBytes() {
    return lines.toBytes();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PsadDump d && lines.equals(d.lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  /** The text psad printed. */
  @Override
  public String toString() {
    return render();
  }
}
