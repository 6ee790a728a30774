package dev.hostguard.ufw.gen;

import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of ufw's shell-variable files ({@code /etc/ufw/ufw.conf}, {@code
 * /etc/default/ufw}): comments with wide characters, blank lines, {@code KEY=value} lines for ufw's
 * keys and drawn upper-case keys, values quoted or not, lines ufw's reader skips (indented
 * assignments, {@code export} lines), LF or CRLF endings, with or without a final newline.
 *
 * <pre>{@code
 * qt().forAll(UfwConfGens.shellFiles()).checkAssert(text ->
 *     assertThat(UfwConf.parse("ufw.conf", text).withEnabled(true).enabled()).isTrue());
 * }</pre>
 *
 * <p>Keys are upper case, as in ufw's own files: ufw's reader also takes {@code enabled=no} as
 * {@code ENABLED}, while its writer ({@code set_default}) rewrites only {@code ENABLED=} lines.
 */
public final class UfwConfGens {
  /** Keys ufw reads from its two files. */
  static final String[] KEYS = {
    "ENABLED",
    "LOGLEVEL",
    "IPV6",
    "DEFAULT_INPUT_POLICY",
    "DEFAULT_OUTPUT_POLICY",
    "DEFAULT_FORWARD_POLICY",
    "DEFAULT_APPLICATION_POLICY",
    "MANAGE_BUILTINS",
    "IPT_SYSCTL",
    "IPT_MODULES"
  };

  private static final String[] VALUES = {
    "yes", "no", "low", "medium", "high", "full", "off", "DROP", "ACCEPT", "REJECT", "SKIP"
  };
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_";

  private UfwConfGens() {}

  /** Whole files of 0 to 15 lines. */
  public static Gen<String> shellFiles() {
    return in -> {
      Draws d = new Draws(in);
      int n = d.n(16);
      boolean crlf = d.percent(10);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(line(d));
        if (i < n - 1 || d.percent(85)) {
          sb.append(crlf && d.percent(50) ? "\r\n" : "\n");
        }
      }
      return sb.toString();
    };
  }

  private static String line(Draws d) {
    switch (d.n(10)) {
      case 0:
        return "";
      case 1:
      case 2:
        return "# " + d.text(30);
      case 3:
        return (d.percent(50) ? "  " : "export ") + d.pick(KEYS) + "=" + value(d);
      default:
        String key;
        if (d.percent(70)) {
          key = d.pick(KEYS);
        } else {
          StringBuilder k = new StringBuilder();
          int len = 1 + d.n(12);
          for (int i = 0; i < len; i++) {
            k.append(UPPER.charAt(d.n(UPPER.length())));
          }
          key = k.toString();
        }
        return key + "=" + value(d);
    }
  }

  private static String value(Draws d) {
    String v =
        switch (d.n(4)) {
          case 0 -> d.text(12).replace("\"", "").replace("\\", "");
          case 1 -> d.pick(VALUES).toLowerCase(java.util.Locale.ROOT);
          default -> d.pick(VALUES);
        };
    return d.percent(40) ? "\"" + v + "\"" : v;
  }
}
