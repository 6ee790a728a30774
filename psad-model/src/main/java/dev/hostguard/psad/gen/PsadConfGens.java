package dev.hostguard.psad.gen;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of psad.conf variants derived from a base file (Debian's, read at test time) that psad
 * 2.4.6 still accepts: changed values, moved and duplicated keys, {@code $VAR} chains, comments,
 * blank and ignored lines, odd blanks. Every variant is fully determined by a seed.
 *
 * <pre>{@code
 * qt().withFixedSeed(7).withExamples(60)
 *     .forAll(PsadConfGens.variants(Files.readString(Path.of("/etc/psad/psad.conf")))).check(...);
 * }</pre>
 */
public final class PsadConfGens {
  private static final ImmutableList<String> SWITCHES =
      ImmutableList.of(
          "ENABLE_PERSISTENCE",
          "ENABLE_PSADWATCHD",
          "ENABLE_AUTO_IDS_EMAILS",
          "EXPECT_TCP_OPTIONS",
          "ENABLE_DNS_LOOKUPS",
          "ENABLE_SCAN_ARCHIVE",
          "ALERT_ALL",
          "IMPORT_OLD_SCANS",
          "ENABLE_MAC_ADDR_REPORTING",
          "SHOW_ALL_SIGNATURES",
          "ENABLE_WHOIS_FORCE_ASCII");
  private static final ImmutableList<String> SWITCH_VALUES =
      ImmutableList.of("Y", "N", "y", "n", "yes", "No", "YES");
  private static final ImmutableList<String> FREE_INTEGERS =
      ImmutableList.of(
          "DANGER_LEVEL1",
          "DANGER_LEVEL2",
          "DL1_UNIQUE_HOSTS",
          "CHECK_INTERVAL",
          "SCAN_TIMEOUT",
          "EMAIL_LIMIT",
          "MAX_HOPS",
          "AUTO_BLOCK_TIMEOUT",
          "DISK_MAX_PERCENTAGE",
          "WHOIS_TIMEOUT");
  private static final ImmutableList<String> TEXTS =
      ImmutableList.of(
          "HOSTNAME",
          "SYSLOG_IDENTITY",
          "MAIL_ALERT_PREFIX",
          "HOME_NET",
          "EXTERNAL_NET",
          "IGNORE_PORTS",
          "IGNORE_PROTOCOLS",
          "IGNORE_INTERFACES",
          "SNORT_SID_STR",
          "HTTP_PORTS",
          "SIG_UPDATE_URL",
          "IPT_OUTPUT_PATTERN");
  private static final ImmutableList<String> WORDS =
      ImmutableList.of(
          "host1",
          "fw.example.org",
          "[psad]",
          "tcp/61000-61356, udp/53",
          "udp/53",
          "NONE",
          "192.0.2.0/24, 198.51.100.0/24",
          "any",
          "eth1, lo",
          "icmp,  tcp",
          "a b  c",
          "x\ty",
          "dollar$",
          "$ sign",
          "caf\u00e9",
          "#notacomment",
          "100%");

  private PsadConfGens() {}

  /** Variants of {@code base} that psad accepts. */
  public static Gen<String> variants(String base) {
    return SourceDSL.longs().all().map(seed -> variant(base, seed));
  }

  /** The variant of {@code base} for one seed. */
  public static String variant(String base, long seed) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
    boolean finalNewline = lines.size() > 1 && lines.get(lines.size() - 1).isEmpty();
    if (finalNewline) {
      lines.remove(lines.size() - 1);
    }
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits; i++) {
      switch (r.nextInt(9)) {
        case 0:
          set(lines, pick(r, SWITCHES), pick(r, SWITCH_VALUES), r);
          break;
        case 1:
          set(lines, pick(r, FREE_INTEGERS), Integer.toString(r.nextInt(100000)), r);
          break;
        case 2:
          set(lines, pick(r, TEXTS), pick(r, WORDS), r);
          break;
        case 3:
          moveEntry(lines, r);
          break;
        case 4:
          duplicate(lines, r);
          break;
        case 5:
          chain(lines, r);
          break;
        case 6:
          lines.add(r.nextInt(lines.size() + 1), commentish(r));
          break;
        case 7:
          set(lines, "INSTALL_ROOT", r.nextBoolean() ? "/" : "/opt/psad-root", r);
          break;
        default:
          set(lines, "EMAIL_ADDRESSES", emails(r), r);
          break;
      }
    }
    return String.join("\n", lines) + (finalNewline ? "\n" : "");
  }

  /**
   * Sets of one to three {@code -O} override files (in order) for a main file derived from {@code
   * base}, such that psad accepts the pair; see {@link #overrides(String, long)}.
   */
  public static Gen<List<String>> overrides(String base) {
    return SourceDSL.longs().all().map(seed -> overrides(base, seed));
  }

  /**
   * The override files for one seed: keys of {@code base} set again (switches, integers, texts,
   * {@code INSTALL_ROOT}, {@code EMAIL_ADDRESSES}), keys {@code base} lacks, {@code $VAR}s that
   * refer across files (main to override and override to override), the same key in several files
   * and twice in one, {@code FW_SEARCH_ALL} and {@code FW_MSG_SEARCH} lines (which count only in
   * the main file), commands, comments and lines psad skips.
   */
  public static ImmutableList<String> overrides(String base, long seed) {
    Random r = new Random(seed);
    int files = 1 + r.nextInt(3);
    List<List<String>> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(new ArrayList<>());
    }
    int edits = 1 + r.nextInt(10);
    for (int i = 0; i < edits; i++) {
      List<String> lines = out.get(r.nextInt(files));
      switch (r.nextInt(12)) {
        case 0:
          lines.add(entry(pick(r, SWITCHES), pick(r, SWITCH_VALUES), r));
          break;
        case 1:
          lines.add(entry(pick(r, FREE_INTEGERS), Integer.toString(r.nextInt(100000)), r));
          break;
        case 2:
          lines.add(entry(pick(r, TEXTS), pick(r, WORDS), r));
          break;
        case 3:
          lines.add(entry("HG_OVR_" + r.nextInt(4), pick(r, WORDS), r));
          break;
        case 4:
          // refers to a key some override may (or the main file does) define
          lines.add(
              entry(
                  pick(r, List.of("SYSLOG_IDENTITY", "MAIL_STATUS_PREFIX", "HG_USE")),
                  "x-$" + pick(r, List.of("HG_OVR_0", "HOSTNAME", "PSAD_DIR", "SNORT_SID_STR")),
                  r));
          if (!defines(out, "HG_OVR_0")) {
            out.get(files - 1).add("HG_OVR_0 defined-late;");
          }
          break;
        case 5:
          lines.add(entry("INSTALL_ROOT", r.nextBoolean() ? "/" : "/opt/hg-root", r));
          break;
        case 6:
          lines.add(entry("EMAIL_ADDRESSES", emails(r), r));
          break;
        case 7:
          lines.add(entry(r.nextBoolean() ? "FW_SEARCH_ALL" : "FW_MSG_SEARCH", "N", r));
          break;
        case 8:
          // a path psad finds elsewhere, a tool of our own, one it runs while dumping
          int c = r.nextInt(3);
          lines.add(
              entry(
                  List.of("gzipCmd", "hgtoolCmd", "unameCmd").get(c),
                  List.of("/nonexistent/gzip", "/bin/true", "/usr/bin/uname").get(c),
                  r));
          break;
        case 9:
          lines.add(commentish(r));
          break;
        case 10:
          if (!lines.isEmpty()) {
            lines.add(lines.get(r.nextInt(lines.size())).replaceFirst(";", " again;"));
          }
          break;
        default:
          lines.add(entry("HOSTNAME", pick(r, List.of("ovr-host", "$HG_OVR_1.example", "h")), r));
          if (!defines(out, "HG_OVR_1")) {
            out.get(r.nextInt(files)).add("HG_OVR_1 \tone;");
          }
          break;
      }
    }
    ImmutableList.Builder<String> texts = ImmutableList.builder();
    for (List<String> lines : out) {
      texts.add(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }
    return texts.build();
  }

  private static boolean defines(List<List<String>> files, String key) {
    for (List<String> lines : files) {
      for (String line : lines) {
        String t = line.stripLeading();
        if (t.startsWith(key) && t.length() > key.length() && t.charAt(key.length()) <= ' ') {
          return true;
        }
      }
    }
    return false;
  }

  private static String entry(String key, String value, Random r) {
    return (r.nextInt(5) == 0 ? "  " : "") + key + separator(r) + value + ";" + trailer(r);
  }

  private static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static String separator(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return "\t";
      case 1:
        return " ";
      case 2:
        return " \t  ";
      default:
        return "                ";
    }
  }

  private static String trailer(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return "  ### note";
      case 1:
        return "; more;";
      default:
        return "";
    }
  }

  private static int indexOfKey(List<String> lines, String key) {
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).stripLeading();
      if (t.startsWith(key + " ") || t.startsWith(key + "\t")) {
        return i;
      }
    }
    return -1;
  }

  private static void set(List<String> lines, String key, String value, Random r) {
    String indent = r.nextInt(5) == 0 ? "  " : "";
    String line = indent + key + separator(r) + value + ";" + trailer(r);
    int i = indexOfKey(lines, key);
    if (i < 0) {
      lines.add(line);
    } else {
      lines.set(i, line);
    }
  }

  private static boolean isEntry(String line) {
    String t = line.strip();
    return !t.isEmpty() && !t.startsWith("#") && t.contains(";");
  }

  private static void moveEntry(List<String> lines, Random r) {
    for (int tries = 0; tries < 20; tries++) {
      int from = r.nextInt(lines.size());
      if (isEntry(lines.get(from))) {
        String l = lines.remove(from);
        lines.add(r.nextInt(lines.size() + 1), l);
        return;
      }
    }
  }

  /** A later duplicate (ignored by psad) or an earlier one (wins), of a harmless key. */
  private static void duplicate(List<String> lines, Random r) {
    String key = pick(r, r.nextBoolean() ? TEXTS : FREE_INTEGERS);
    int i = indexOfKey(lines, key);
    String value = TEXTS.contains(key) ? pick(r, WORDS) : Integer.toString(r.nextInt(5000));
    String line = key + separator(r) + value + ";";
    if (i < 0 || r.nextBoolean()) {
      lines.add(line);
    } else {
      lines.add(r.nextInt(i + 1), line);
    }
    if (r.nextInt(3) == 0) {
      lines.add("FW_MSG_SEARCH" + separator(r) + pick(r, List.of("DROP", "REJECT", "psad")) + ";");
    }
  }

  /** New variables referring to each other (at most three deep) used by an existing key. */
  private static void chain(List<String> lines, Random r) {
    int depth = 1 + r.nextInt(3);
    String prefix =
        "HG_" + Integer.toHexString(r.nextInt(0xfff)).toUpperCase(java.util.Locale.ROOT);
    List<String> defs = new ArrayList<>();
    for (int d = 0; d < depth; d++) {
      String value =
          d == depth - 1
              ? pick(r, List.of("base", "/srv", "x y", "$PSAD_DIR", "$HOSTNAME-z"))
              : "$" + prefix + "_" + (d + 1) + pick(r, List.of("", "/sub", "-", " and $HOSTNAME"));
      defs.add(prefix + "_" + d + separator(r) + value + ";");
    }
    for (String def : defs) {
      lines.add(r.nextInt(lines.size() + 1), def);
    }
    String user = pick(r, List.of("SYSLOG_IDENTITY", "MAIL_STATUS_PREFIX", "SNORT_SID_STR"));
    set(
        lines,
        user,
        "pre-$" + prefix + "_0" + pick(r, List.of("", "/post", "$" + prefix + "_0")),
        r);
  }

  private static String commentish(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return "# a comment; with a semicolon";
      case 1:
        return "";
      case 2:
        return "   \t";
      case 3:
        return "  # indented comment";
      case 4:
        return "IGNORED_LINE without semicolon";
      default:
        return "\t#\tHOSTNAME nothing;";
    }
  }

  private static String emails(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return "root@localhost";
      case 1:
        return "a@example.org, b@example.org";
      case 2:
        return "a@example.org,b@example.org c@example.net";
      default:
        return "ops@example.com ,  sec@example.com";
    }
  }
}
