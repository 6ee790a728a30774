package dev.hostguard.ufw.conf;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code /etc/default/ufw}: IPv6 support, the default input/output/forward policies, the policy for
 * new application profiles, built-in chain management and the iptables backend settings, over a
 * lossless file and validated with ufw's messages.
 *
 * <pre>{@code
 * UfwDefaults d = UfwDefaults.parse("/etc/default/ufw", text);
 * d.inputPolicy(); // DROP   d.withInputPolicy(ConfPolicy.REJECT).render();
 * }</pre>
 */
public final class UfwDefaults {
  private static final String[] CHAINS = {"input", "output", "forward"};

  private final UfwShellFile file;

  private UfwDefaults(UfwShellFile file) {
    this.file = file;
  }

  /**
   * Reads and validates as ufw does: each chain policy present ({@code Missing policy for 'input'})
   * and one of ACCEPT, DROP, REJECT ({@code Invalid policy 'x' for 'input'}); yes/no switches and
   * the application policy checked too.
   */
  public static UfwDefaults parse(String sourceName, String text) {
    return of(UfwShellFile.parse(sourceName, text));
  }

  /** Validates a parsed file. */
  public static UfwDefaults of(UfwShellFile file) {
    file.requireOnlyAssignments();
    for (String chain : CHAINS) {
      String key = "DEFAULT_" + chain.toUpperCase(Locale.ROOT) + "_POLICY";
      Optional<String> v = file.ufwValue(key);
      if (v.isEmpty()) {
        Optional<ConfAssignment> a = file.assignment(key);
        throw ConfParseException.at(
            file.document(),
            a.map(ConfAssignment::lineIndex).orElse(file.document().size()),
            a.map(ConfAssignment::valueColumn).orElse(0),
            "Missing policy for '" + chain + "'");
      }
      ConfPolicy p = ConfPolicy.fromValue(v.get()).orElse(ConfPolicy.SKIP);
      if (p == ConfPolicy.SKIP) {
        ConfAssignment a = file.assignment(key).orElseThrow();
        throw ConfParseException.at(
            file.document(),
            a.lineIndex(),
            a.valueColumn(),
            "Invalid policy '" + v.get() + "' for '" + chain + "'");
      }
    }
    for (String key : new String[] {"IPV6", "MANAGE_BUILTINS"}) {
      file.assignment(key)
          .ifPresent(
              a -> {
                String v = a.value().toLowerCase(Locale.ROOT);
                if (!v.equals("yes") && !v.equals("no")) {
                  throw ConfParseException.at(
                      file.document(),
                      a.lineIndex(),
                      a.valueColumn(),
                      "Invalid value '" + a.value() + "' for '" + key + "' (yes or no)");
                }
              });
    }
    file.assignment("DEFAULT_APPLICATION_POLICY")
        .ifPresent(
            a -> {
              if (ConfPolicy.fromValue(a.value()).isEmpty()) {
                throw ConfParseException.at(
                    file.document(),
                    a.lineIndex(),
                    a.valueColumn(),
                    "Invalid policy '"
                        + a.value().toLowerCase(Locale.ROOT)
                        + "' for 'application'");
              }
            });
    return new UfwDefaults(file);
  }

  /** The lossless file. */
  public UfwShellFile file() {
    return file;
  }

  /** {@code IPV6=yes}, as ufw reads it. */
  public boolean ipv6() {
    return file.ufwValue("IPV6").map("yes"::equals).orElse(false);
  }

  /** {@code DEFAULT_INPUT_POLICY}. */
  public ConfPolicy inputPolicy() {
    return chainPolicy("DEFAULT_INPUT_POLICY");
  }

  /** {@code DEFAULT_OUTPUT_POLICY}. */
  public ConfPolicy outputPolicy() {
    return chainPolicy("DEFAULT_OUTPUT_POLICY");
  }

  /** {@code DEFAULT_FORWARD_POLICY}. */
  public ConfPolicy forwardPolicy() {
    return chainPolicy("DEFAULT_FORWARD_POLICY");
  }

  /** {@code DEFAULT_APPLICATION_POLICY} (SKIP when missing, as ufw treats it). */
  public ConfPolicy applicationPolicy() {
    return file.ufwValue("DEFAULT_APPLICATION_POLICY")
        .flatMap(ConfPolicy::fromValue)
        .orElse(ConfPolicy.SKIP);
  }

  /** {@code MANAGE_BUILTINS=yes}. */
  public boolean manageBuiltins() {
    return file.assignment("MANAGE_BUILTINS")
        .map(a -> a.value().equalsIgnoreCase("yes"))
        .orElse(false);
  }

  /** {@code IPT_SYSCTL}, the sysctl file ufw-init applies (read by the shell, not by ufw). */
  public Optional<String> iptSysctl() {
    return file.assignment("IPT_SYSCTL").map(ConfAssignment::value);
  }

  /** {@code IPT_MODULES}, the extra conntrack modules (read by the shell). */
  public Optional<String> iptModules() {
    return file.assignment("IPT_MODULES").map(ConfAssignment::value);
  }

  private ConfPolicy chainPolicy(String key) {
    return ConfPolicy.fromValue(file.ufwValue(key).orElseThrow()).orElseThrow();
  }

  /** With {@code DEFAULT_INPUT_POLICY} set as {@code ufw default POLICY incoming} writes it. */
  public UfwDefaults withInputPolicy(ConfPolicy p) {
    return withChainPolicy("DEFAULT_INPUT_POLICY", p);
  }

  /** With {@code DEFAULT_OUTPUT_POLICY} set as ufw writes it. */
  public UfwDefaults withOutputPolicy(ConfPolicy p) {
    return withChainPolicy("DEFAULT_OUTPUT_POLICY", p);
  }

  /** With {@code DEFAULT_FORWARD_POLICY} set as ufw writes it. */
  public UfwDefaults withForwardPolicy(ConfPolicy p) {
    return withChainPolicy("DEFAULT_FORWARD_POLICY", p);
  }

  /** With {@code DEFAULT_APPLICATION_POLICY} set as {@code ufw app default} writes it. */
  public UfwDefaults withApplicationPolicy(ConfPolicy p) {
    return new UfwDefaults(file.withValue("DEFAULT_APPLICATION_POLICY", "\"" + p.name() + "\""));
  }

  private UfwDefaults withChainPolicy(String key, ConfPolicy p) {
    if (p == ConfPolicy.SKIP) {
      throw new IllegalArgumentException("SKIP is only an application policy");
    }
    return new UfwDefaults(file.withValue(key, "\"" + p.name() + "\""));
  }

  /** The text exactly as read (plus edits). */
  public String render() {
    return file.render();
  }

  @Override
  public String toString() {
    return render();
  }
}
