package dev.hostguard.ufw.conf;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.ufw.UfwPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /etc/default/ufw}: IPv6 support, the default input/output/forward policies, the policy for
 * new application profiles, built-in chain management and the iptables backend settings, over a
 * lossless {@link UfwShellFile} and validated with ufw's messages.
 *
 * <pre>{@code
 * UfwDefaults d = UfwDefaults.parseValid("/etc/default/ufw", text);
 * d.inputPolicy(); // DENY   d.withInputPolicy(UfwPolicy.REJECT).render();
 * }</pre>
 *
 * <p>{@link #parse} reads any text; {@link #validate()} lists what ufw would refuse, and {@link
 * #parseValid} throws the first of it as a {@link ConfParseException}. The policies are {@link
 * UfwPolicy} values, stored as their {@link UfwPolicy#target() targets} ({@code "DROP"}).
 */
public final class UfwDefaults implements LosslessDocument {
  private static final String[] CHAINS = {"input", "output", "forward"};

  private final UfwShellFile file;

  private UfwDefaults(UfwShellFile file) {
    this.file = file;
  }

  /** Reads any text losslessly; {@link #validate()} says what ufw would refuse. */
  public static UfwDefaults parse(String sourceName, String text) {
    return of(UfwShellFile.parse(sourceName, text));
  }

  /** Reads bytes losslessly (lines that are not UTF-8 kept byte for byte). */
  public static UfwDefaults parse(String sourceName, byte[] bytes) {
    return of(UfwShellFile.parse(sourceName, bytes));
  }

  /**
   * Reads and validates as ufw does: each chain policy present ({@code Missing policy for 'input'})
   * and one of ACCEPT, DROP, REJECT ({@code Invalid policy 'x' for 'input'}); yes/no switches and
   * the application policy checked too. The first error of {@link #validate()} is thrown as a
   * {@link ConfParseException}.
   */
  public static UfwDefaults parseValid(String sourceName, String text) {
    return parse(sourceName, text).requireValid();
  }

  /** Reads and validates bytes, as {@link #parseValid(String, String)}. */
  public static UfwDefaults parseValid(String sourceName, byte[] bytes) {
    return parse(sourceName, bytes).requireValid();
  }

  /** The typed view of a shell-variable file (not validated: see {@link #validate()}). */
  public static UfwDefaults of(UfwShellFile file) {
    return new UfwDefaults(file);
  }

  /** What ufw would refuse in this file, with ufw's messages and positions, in ufw's order. */
  public ImmutableList<Diagnostic> validate() {
    List<Diagnostic> out = new ArrayList<>(file.nonAssignments());
    for (String chain : CHAINS) {
      chainProblem(chain).ifPresent(out::add);
    }
    for (String key : new String[] {"IPV6", "MANAGE_BUILTINS"}) {
      file.assignment(key)
          .ifPresent(
              a -> {
                String v = a.value().toLowerCase(Locale.ROOT);
                if (!v.equals("yes") && !v.equals("no")) {
                  out.add(
                      file.error(
                          a, "Invalid value '" + a.value() + "' for '" + key + "' (yes or no)"));
                }
              });
    }
    file.assignment("DEFAULT_APPLICATION_POLICY")
        .ifPresent(
            a -> {
              if (targetPolicy(a.value()).isEmpty()) {
                out.add(
                    file.error(
                        a,
                        "Invalid policy '"
                            + a.value().toLowerCase(Locale.ROOT)
                            + "' for 'application'"));
              }
            });
    return ImmutableList.copyOf(out);
  }

  /** This file if {@link #validate()} finds nothing, else the first error as an exception. */
  public UfwDefaults requireValid() {
    ImmutableList<Diagnostic> errors = validate();
    if (!errors.isEmpty()) {
      throw ConfParseException.of(errors.get(0));
    }
    return this;
  }

  private static String key(String chain) {
    return "DEFAULT_" + chain.toUpperCase(Locale.ROOT) + "_POLICY";
  }

  /** ufw reads policy values lower-cased: {@code drop} and {@code "DROP"} are the same. */
  private static Optional<UfwPolicy> targetPolicy(String value) {
    return UfwPolicy.fromTarget(value.toUpperCase(Locale.ROOT));
  }

  private Optional<UfwPolicy> chainPolicyValue(String chain) {
    return file.ufwValue(key(chain))
        .flatMap(UfwDefaults::targetPolicy)
        .filter(p -> p != UfwPolicy.SKIP);
  }

  /** Why ufw refuses a chain's policy, if it does. */
  private Optional<Diagnostic> chainProblem(String chain) {
    String key = key(chain);
    Optional<String> v = file.ufwValue(key);
    if (v.isEmpty()) {
      Optional<ConfAssignment> a = file.assignment(key);
      return Optional.of(
          file.error(
              a.map(ConfAssignment::lineIndex).orElse(file.document().size()),
              a.map(ConfAssignment::valueColumn).orElse(0),
              "Missing policy for '" + chain + "'"));
    }
    if (chainPolicyValue(chain).isEmpty()) {
      // the line ufw reads may be no assignment for the shell (behind a lone CR)
      return Optional.of(
          file.ufwError(key, "Invalid policy '" + v.get() + "' for '" + chain + "'"));
    }
    return Optional.empty();
  }

  /** The lossless file. */
  public UfwShellFile file() {
    return file;
  }

  /** {@code IPV6=yes}, as ufw reads it. */
  public boolean ipv6() {
    return file.ufwValue("IPV6").map("yes"::equals).orElse(false);
  }

  /**
   * {@code DEFAULT_INPUT_POLICY}; a {@link ConfParseException} (what {@link #validate()} reports)
   * if it is missing or not a chain policy.
   */
  public UfwPolicy inputPolicy() {
    return chainPolicy("input");
  }

  /** {@code DEFAULT_OUTPUT_POLICY}, as {@link #inputPolicy()}. */
  public UfwPolicy outputPolicy() {
    return chainPolicy("output");
  }

  /** {@code DEFAULT_FORWARD_POLICY}, as {@link #inputPolicy()}. */
  public UfwPolicy forwardPolicy() {
    return chainPolicy("forward");
  }

  /**
   * {@code DEFAULT_APPLICATION_POLICY} ({@link UfwPolicy#SKIP} when missing or not a policy, as ufw
   * treats it).
   */
  public UfwPolicy applicationPolicy() {
    return file.ufwValue("DEFAULT_APPLICATION_POLICY")
        .flatMap(UfwDefaults::targetPolicy)
        .orElse(UfwPolicy.SKIP);
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

  private UfwPolicy chainPolicy(String chain) {
    return chainPolicyValue(chain)
        .orElseThrow(() -> ConfParseException.of(chainProblem(chain).orElseThrow()));
  }

  /** With {@code DEFAULT_INPUT_POLICY} set as {@code ufw default POLICY incoming} writes it. */
  public UfwDefaults withInputPolicy(UfwPolicy p) {
    return withChainPolicy("input", p);
  }

  /** With {@code DEFAULT_OUTPUT_POLICY} set as ufw writes it. */
  public UfwDefaults withOutputPolicy(UfwPolicy p) {
    return withChainPolicy("output", p);
  }

  /** With {@code DEFAULT_FORWARD_POLICY} set as ufw writes it. */
  public UfwDefaults withForwardPolicy(UfwPolicy p) {
    return withChainPolicy("forward", p);
  }

  /** With {@code DEFAULT_APPLICATION_POLICY} set as {@code ufw app default} writes it. */
  public UfwDefaults withApplicationPolicy(UfwPolicy p) {
    return new UfwDefaults(file.withValue("DEFAULT_APPLICATION_POLICY", "\"" + p.target() + "\""));
  }

  private UfwDefaults withChainPolicy(String chain, UfwPolicy p) {
    if (p == UfwPolicy.SKIP) {
      throw new IllegalArgumentException("skip is only an application policy");
    }
    return new UfwDefaults(file.withValue(key(chain), "\"" + p.target() + "\""));
  }

  @Override
  public String sourceName() {
    return file.sourceName();
  }

  /** The text exactly as read (plus edits). */
  @Override
  public String render() {
    return file.render();
  }

  /** The bytes exactly as read (plus edits). */
  @Override
  public byte[] toBytes() {
    return file.toBytes();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UfwDefaults d && d.file.equals(file);
  }

  @Override
  public int hashCode() {
    return file.hashCode();
  }

  @Override
  public String toString() {
    return render();
  }
}
