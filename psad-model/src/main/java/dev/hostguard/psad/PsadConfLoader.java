package dev.hostguard.psad;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * psad 2.4.6's reading of its config, step by step in psad's order: import, {@code FW_SEARCH_ALL},
 * {@code $VAR} expansion, required keys, {@code validate_config}, {@code check_commands}. In strict
 * mode the first problem throws (psad dies); otherwise every problem found is collected.
 *
 * <p>Override documents ({@code -O FILE,...}) are imported before the main one, each with psad's
 * first-definition-wins rule, so the first override defining a key or command wins; {@code
 * FW_MSG_SEARCH} and {@code FW_SEARCH_ALL} lines are still read from the main document only (psad's
 * {@code import_fw_search}). Problems point at the document and line that defined the key.
 *
 * <p>Where psad walks a Perl hash (expansion, {@code ENABLE_*} checks, commands) its order is
 * random per run; this reader walks the file's order. The outcome only differs when a config has
 * more than one error, or chains of {@code $VAR}s deep enough to hit psad's 20-pass limit in some
 * orders but not others.
 */
final class PsadConfLoader {
  static final int MAX_PASSES = 20;

  /** Perl's {@code die} exit status without errno. */
  static final int DIE = 255;

  /** Perl's {@code die} exit status right after a file test failed with ENOENT. */
  static final int ENOENT = 2;

  static final String INSTALL_ROOT = "INSTALL_ROOT";
  private static final ImmutableList<String> PATH_DIRS =
      ImmutableList.of(
          "/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin");

  private final PsadConfDocument doc;
  private final LineDocument lines;
  private final Map<String, Definition> variables = new LinkedHashMap<>();
  private final Map<String, Definition> commands = new LinkedHashMap<>();
  private final String configFileName;
  private final PsadHost host;
  private final boolean strict;
  private final List<Diagnostic> problems = new ArrayList<>();
  final Map<String, String> config = new LinkedHashMap<>();
  final Map<String, String> cmds = new LinkedHashMap<>();
  final List<String> fwSearch = new ArrayList<>();

  /** The entry that gave a key its value, and the lines of the document it is in. */
  private record Definition(PsadConfEntry entry, LineDocument lines) {}

  PsadConfLoader(
      PsadConfDocument doc,
      List<PsadConfDocument> overrides,
      String configFileName,
      PsadHost host,
      boolean strict) {
    this.doc = doc;
    this.lines = doc.lines();
    for (PsadConfDocument d : overrides) {
      define(d);
    }
    define(doc);
    this.configFileName = configFileName;
    this.host = host;
    this.strict = strict;
  }

  private void define(PsadConfDocument d) {
    d.variables().forEach((k, e) -> variables.putIfAbsent(k, new Definition(e, d.lines())));
    d.commands().forEach((k, e) -> commands.putIfAbsent(k, new Definition(e, d.lines())));
  }

  List<Diagnostic> problems() {
    return problems;
  }

  void load() {
    variables.forEach((k, d) -> config.put(k, d.entry().value()));
    commands.forEach((k, d) -> cmds.put(k, d.entry().value()));
    importFwSearch();
    expand();
    requiredVars();
    validate();
    checkCommands();
    if (!strict) {
      dangerLevels();
    }
  }

  /**
   * Checks psad does not make but its scoring needs: {@code DANGER_LEVEL1..5} strictly increasing
   * packet counts, and the danger-level settings within 1-5 (0-5 for {@code MIN_DANGER_LEVEL}).
   */
  private void dangerLevels() {
    long previous = -1;
    String previousKey = null;
    for (int i = 1; i <= 5; i++) {
      String key = "DANGER_LEVEL" + i;
      String v = config.get(key);
      if (v == null || !PerlChars.isDigits(v) || v.length() > 18) {
        advise(key, "[*] " + key + " must be an integer (a packet count)");
        previous = -1;
        continue;
      }
      long n = Long.parseLong(v);
      if (previous >= 0 && n <= previous) {
        advise(key, "[*] " + key + " must be greater than " + previousKey);
      }
      previous = n;
      previousKey = key;
    }
    levelRange("MIN_DANGER_LEVEL", 0);
    levelRange("EMAIL_ALERT_DANGER_LEVEL", 1);
    levelRange("AUTO_IDS_DANGER_LEVEL", 1);
    levelRange("MIN_ARCHIVE_DANGER_LEVEL", 1);
  }

  private void levelRange(String key, int min) {
    String v = config.get(key);
    if (v == null) {
      return;
    }
    if (!PerlChars.isDigits(v) || v.length() > 1 || v.charAt(0) - '0' < min || v.charAt(0) > '5') {
      advise(key, "[*] " + key + " must be an integer >= " + min + " and <= 5");
    }
  }

  private void advise(String key, String message) {
    Definition d = variables.get(key);
    problems.add(problem(d, d == null ? 0 : d.entry().valueColumn(), message, false));
  }

  private Diagnostic problem(@Nullable Definition at, int column, String message, boolean fatal) {
    Diagnostic.Severity severity = fatal ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
    if (at == null) {
      return new Diagnostic(
          lines.sourceName(), lines.position(lines.size(), 0), "", severity, message);
    }
    LineDocument in = at.lines();
    int line = at.entry().lineIndex();
    return new Diagnostic(
        in.sourceName(), in.position(line, column), in.text(line), severity, message);
  }

  private void fail(@Nullable Definition at, int column, String message) {
    fail(at, column, message, DIE);
  }

  private void fail(@Nullable Definition at, int column, String message, int exitStatus) {
    if (strict) {
      throw at == null
          ? PsadConfParseException.atEnd(lines, message, exitStatus)
          : PsadConfParseException.atLine(
              at.lines(), at.entry().lineIndex(), column, message, exitStatus);
    }
    problems.add(problem(at, column, message, true));
  }

  private void failAtKey(String key, String message) {
    failAtKey(key, message, DIE);
  }

  private void failAtKey(String key, String message, int exitStatus) {
    Definition d = variables.get(key);
    fail(d, d == null ? 0 : d.entry().valueColumn(), message, exitStatus);
  }

  private void importFwSearch() {
    boolean found = false;
    for (PsadConfEntry e : doc.entries()) {
      if (e.key().equals(PsadConfDocument.FW_MSG_SEARCH)) {
        fwSearch.add(e.value());
        found = true;
      } else if (e.key().equals("FW_SEARCH_ALL")
          && PerlChars.isWordString(e.value())
          && (e.value().equals("Y") || e.value().equals("N"))) {
        config.put("FW_SEARCH_ALL", e.value());
      }
    }
    String all = config.get("FW_SEARCH_ALL");
    if (all == null || !(all.equals("Y") || all.equals("N"))) {
      config.put("FW_SEARCH_ALL", "Y");
    }
    if (config.get("FW_SEARCH_ALL").equals("N") && !found) {
      fwSearch.add("DROP");
    }
  }

  /** The first {@code $word} in a value: [index of '$', end of the word), or null. */
  static int @Nullable [] firstVariable(String value) {
    int from = 0;
    while (true) {
      int d = value.indexOf('$', from);
      if (d < 0 || d + 1 >= value.length()) {
        return null;
      }
      int end = d + 1;
      while (end < value.length() && PerlChars.isWord(value.charAt(end))) {
        end++;
      }
      if (end > d + 1) {
        return new int[] {d, end};
      }
      from = d + 1;
    }
  }

  private void expand() {
    Set<String> failed = new HashSet<>();
    boolean substituted = true;
    int pass = 0;
    while (substituted) {
      pass++;
      substituted = false;
      if (pass >= MAX_PASSES) {
        Definition at = null;
        for (Map.Entry<String, String> v : config.entrySet()) {
          if (firstVariable(v.getValue()) != null && !failed.contains(v.getKey())) {
            at = variables.get(v.getKey());
            break;
          }
        }
        fail(
            at,
            at == null ? 0 : at.entry().valueColumn(),
            "[*] Exceeded maximum variable resolution counter.");
        return;
      }
      substituted |= expandPass(config, variables, failed, "");
      substituted |= expandPass(cmds, commands, failed, "cmd:");
    }
  }

  private boolean expandPass(
      Map<String, String> table, Map<String, Definition> entries, Set<String> failed, String tag) {
    boolean substituted = false;
    for (String var : new ArrayList<>(table.keySet())) {
      if (failed.contains(tag + var)) {
        continue;
      }
      String val = table.get(var);
      int[] ref = firstVariable(val);
      if (ref == null) {
        continue;
      }
      String sub = val.substring(ref[0] + 1, ref[1]);
      Definition entry = entries.get(var);
      int column = entry == null ? 0 : columnOf(entry.entry(), "$" + sub);
      if (sub.equals(var)) {
        failed.add(tag + var);
        fail(entry, column, "[*] sub-ver " + sub + " not allowed within same variable " + var);
        continue;
      }
      String replacement = config.get(sub);
      if (replacement == null) {
        failed.add(tag + var);
        fail(
            entry,
            column,
            "[*] sub-var \"" + sub + "\" not defined in config for var: " + var + ".");
        continue;
      }
      if (sub.equals(INSTALL_ROOT) && replacement.equals("/")) {
        replacement = "";
      }
      table.put(var, val.substring(0, ref[0]) + replacement + val.substring(ref[1]));
      substituted = true;
    }
    return substituted;
  }

  private static int columnOf(PsadConfEntry entry, String ref) {
    int i = entry.value().indexOf(ref);
    return entry.valueColumn() + Math.max(i, 0);
  }

  private void requiredVars() {
    for (String key : PsadRequiredKeys.KEYS) {
      if (!config.containsKey(key)) {
        fail(
            null,
            0,
            "[*] The config file \""
                + configFileName
                + "\" does not contain the\nvariable: \""
                + key
                + "\". Exiting!");
      }
    }
  }

  private String get(String key) {
    String v = config.get(key);
    return v == null ? "" : v;
  }

  private boolean is(String key, String value) {
    String v = config.get(key);
    return v != null && v.equals(value);
  }

  private void validate() {
    for (Map.Entry<String, String> v : config.entrySet()) {
      if (!v.getKey().startsWith("ENABLE_")) {
        continue;
      }
      String up = PerlChars.upper(v.getValue());
      v.setValue(up);
      if (!(up.equals("Y") || up.equals("N") || up.equals("YES") || up.equals("NO"))) {
        failAtKey(v.getKey(), "[*] " + v.getKey() + " variable must be 'Y' or 'N'");
      }
    }
    digitRange("PORT_RANGE_SCAN_THRESHOLD", 0, 65535);
    digitRange("TOP_SCANS_CTR_THRESHOLD", 0, 500);
    digitRange("DSHIELD_ALERT_INTERVAL", 1, 24);
    digitRange("TOP_PORTS_LOG_THRESHOLD", 0, 65535);
    digitRange("STATUS_PORTS_THRESHOLD", 0, 65535);
    digitRange("TOP_IP_LOG_THRESHOLD", 0, 10000);
    digitRange("STATUS_IP_THRESHOLD", 0, 10000);
    digitRange("TOP_SIGS_LOG_THRESHOLD", 0, 100000);
    digitRange("STATUS_SIGS_THRESHOLD", 0, 10000);

    String email = get("EMAIL_ADDRESSES");
    if (!PerlChars.hasNonSpaceAtNonSpace(email)) {
      failAtKey("EMAIL_ADDRESSES", "[*] Invalid EMAIL_ADDRESSES value: \"" + email + "\"");
    }
    if (config.containsKey("EMAIL_ADDRESSES")) {
      config.put("EMAIL_ADDRESSES", PsadEmailAddresses.translateCommas(email));
    }
    if (is("ENABLE_AUTO_IDS", "Y")
        && is("IPTABLES_BLOCK_METHOD", "N")
        && is("TCPWRAPPERS_BLOCK_METHOD", "N")) {
      failAtKey(
          "ENABLE_AUTO_IDS",
          "config warning, ENABLE_AUTO_IDS=Y, but both IPTABLES_BLOCK_METHOD and"
              + " TCPWRAPPERS_BLOCK_METHOD are set to N.");
    }
    if (is("ENABLE_SYSLOG_FILE", "Y") && get("IPT_SYSLOG_FILE").equals(get("FW_DATA_FILE"))) {
      failAtKey(
          "IPT_SYSLOG_FILE",
          "[*] Cannot set IPT_SYSLOG_FILE and FW_DATA_FILE to point at the same file.");
    }
    if (PsadSyslog.facilityIn(get("SYSLOG_FACILITY")) == null) {
      failAtKey("SYSLOG_FACILITY", "[*] Unrecognized SYSLOG_FACILITY, see psad.conf");
    }
    if (PsadSyslog.priorityIn(get("SYSLOG_PRIORITY")) == null) {
      failAtKey("SYSLOG_PRIORITY", "[*] Unrecognized SYSLOG_PRIORITY, see psad.conf");
    }
    processList();
    if (is("AUTO_DETECT_JOURNALCTL", "Y")) {
      config.put("ENABLE_FW_MSG_READ_CMD", host.isJournaldRunning() ? "Y" : "N");
    } else if (is("ENABLE_FW_MSG_READ_CMD", "Y")) {
      String cmd = get("FW_MSG_READ_CMD");
      if (!(host.exists(cmd) && host.isExecutable(cmd))) {
        failAtKey(
            "FW_MSG_READ_CMD",
            "[*] Could not find/execute FW_MSG_READ_CMD: " + cmd,
            host.exists(cmd) ? DIE : ENOENT);
      }
    }
    if (is("ENABLE_CUSTOM_SYSLOG_TS_RE", "Y")) {
      customSyslogRegex();
    }
    if (is("ENABLE_OVERRIDE_FW_CMD", "Y")) {
      if (is("FW_CMD", "NONE")) {
        failAtKey("FW_CMD", "[*] Must set a path to a firewall binary with FW_CMD");
      }
      cmds.put("iptables", get("FW_CMD"));
    }
  }

  /**
   * psad always runs {@code $cmds{ps} auxww} here (to look for {@code systemd-journald}), whatever
   * {@code AUTO_DETECT_JOURNALCTL} says, before any command path is checked: a {@code psCmd} Perl
   * cannot start kills psad with the errno as exit status. Without a {@code psCmd} the line is
   * {@code " auxww"}. A line with shell metacharacters goes through {@code /bin/sh}, which starts.
   */
  private void processList() {
    String ps = cmds.get("ps");
    String line = (ps == null ? "" : ps) + " auxww";
    String program = PerlPipeCommand.program(line);
    if (program == null) {
      return;
    }
    int errno = host.execErrno(program);
    if (errno != 0) {
      Definition d = commands.get("ps");
      fail(
          d,
          d == null ? 0 : d.entry().valueColumn(),
          "[*] Could not execute " + line + ": " + LinuxErrno.text(errno),
          errno);
    }
  }

  /** psad compiles the regex ({@code qr//}, no {@code eval}): Perl's error kills it. */
  private void customSyslogRegex() {
    String key = "CUSTOM_SYSLOG_TS_RE";
    String re = get(key);
    PerlRegexCheck.Failure f = PerlRegexCheck.check(re);
    if (f == null) {
      return;
    }
    Definition d = variables.get(key);
    int column = d == null ? 0 : d.entry().valueColumn();
    if (d != null && f.offset() >= 0 && d.entry().value().equals(re)) {
      column += f.offset() - 1;
    }
    fail(d, column, f.message());
  }

  private void digitRange(String key, int min, int max) {
    String v = config.get(key);
    boolean ok = false;
    if (v != null && PerlChars.isDigits(v)) {
      String trimmed = v.replaceFirst("^0+(?=.)", "");
      ok =
          trimmed.length() <= 9
              && Integer.parseInt(trimmed) >= min
              && Integer.parseInt(trimmed) <= max;
    }
    if (!ok) {
      failAtKey(key, "[*] " + key + " must be an integer >= " + min + " and <= " + max);
    }
  }

  private void checkCommands() {
    Set<String> exceptions = new HashSet<>();
    exceptions.add("wget");
    if (PerlChars.containsIgnoreCase(get("IFCFGTYPE"), "iproute2")) {
      exceptions.add("ifconfig");
    }
    if (is("ENABLE_WHOIS_LOOKUPS", "N")) {
      exceptions.add("whois");
    } else {
      String whois = cmds.get("whois");
      if (whois == null || !host.isExecutable(whois)) {
        cmds.put("whois", "/usr/bin/whois");
      }
    }
    boolean noEmail = PsadAlerting.noEmail(get("ALERTING_METHODS"));
    for (Map.Entry<String, String> c : cmds.entrySet()) {
      String cmd = c.getKey();
      if (exceptions.contains(cmd)
          || (cmd.equals("mail") && noEmail)
          || (cmd.equals("sendmail")
              && !(is("ENABLE_DSHIELD_ALERTS", "Y") && !is("DSHIELD_ALERT_EMAIL", "NONE")))
          || (cmd.equals("ip6tables") && !is("ENABLE_IPV6_DETECTION", "Y"))) {
        continue;
      }
      if (host.isExecutable(c.getValue())) {
        continue;
      }
      String found = null;
      for (String dir : PATH_DIRS) {
        if (host.isExecutable(dir + "/" + cmd)) {
          found = dir + "/" + cmd;
          break;
        }
      }
      if (found != null) {
        c.setValue(found);
      } else {
        Definition d = commands.get(cmd);
        fail(
            d,
            d == null ? 0 : d.entry().valueColumn(),
            "[*] Could not find " + cmd + ", edit " + configFileName,
            ENOENT);
      }
    }
  }
}
