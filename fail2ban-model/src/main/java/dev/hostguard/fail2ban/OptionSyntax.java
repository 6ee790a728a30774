package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fail2ban's option syntax {@code name[k=v, k2="v,2"][k3='x']} ({@code extractOptions}) and the
 * splitting of an {@code action} value into actions ({@code splitWithOptions}).
 */
final class OptionSyntax {
  private static final int FLAGS =
      Pattern.DOTALL | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
  private static final Pattern OPTION = Pattern.compile("^([^\\[]+)(?:\\[(.*)\\])?\\s*$", FLAGS);
  private static final Pattern OPTION_EXTRACT =
      Pattern.compile(
          "\\s*([\\w\\-_\\.]+)=(?:\"([^\"]*)\"|'([^']*)'|([^,\\]]*))(?:,|\\]\\s*\\[|$|(?<wrngA>.+))"
              + "|,?\\s*$|(?<wrngB>.+)",
          FLAGS);
  private static final Pattern OPTION_SPLIT =
      Pattern.compile(
          "(?:[^\\[\\s]+(?:\\s*\\[\\s*(?:[\\w\\-_\\.]+=(?:\"[^\"]*\"|'[^']*'|[^,\\]]*)\\s*"
              + "(?:,|\\]\\s*\\[)?\\s*)*\\])?\\s*|\\S+)(?=\\n\\s*|\\s+|$)",
          FLAGS);

  private OptionSyntax() {}

  /** A parsed {@code name[options]}. */
  record Extracted(String name, LinkedHashMap<String, String> options) {}

  static Extracted extract(String option) {
    Matcher m = OPTION.matcher(option);
    if (!m.find()) {
      throw ConfigError.value("unexpected option syntax");
    }
    String name = m.group(1);
    String optstr = m.group(2);
    LinkedHashMap<String, String> opts = new LinkedHashMap<>();
    if (optstr != null && !optstr.isEmpty()) {
      Matcher om = OPTION_EXTRACT.matcher(optstr);
      while (om.find()) {
        if (om.group("wrngA") != null && !om.group("wrngA").isEmpty()) {
          String w = om.group("wrngA");
          throw ConfigError.value(
              "unexpected syntax at "
                  + om.start("wrngA")
                  + " after option "
                  + PythonText.reprString(om.group(1))
                  + ": "
                  + w.substring(0, Math.min(25, w.length())));
        }
        if (om.group("wrngB") != null && !om.group("wrngB").isEmpty()) {
          String w = om.group("wrngB");
          throw ConfigError.value(
              "expected option, wrong syntax at "
                  + om.start("wrngB")
                  + ": "
                  + w.substring(0, Math.min(25, w.length())));
        }
        String opt = om.group(1);
        if (opt == null || opt.isEmpty()) {
          continue;
        }
        String value =
            om.group(2) != null ? om.group(2) : om.group(3) != null ? om.group(3) : om.group(4);
        opts.put(PythonText.strip(opt), PythonText.strip(value));
      }
    }
    return new Extracted(name, opts);
  }

  static List<String> split(String option) {
    List<String> out = new ArrayList<>();
    Matcher m = OPTION_SPLIT.matcher(option);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static Map<String, String> copy(Map<String, String> m) {
    return new LinkedHashMap<>(m);
  }
}
