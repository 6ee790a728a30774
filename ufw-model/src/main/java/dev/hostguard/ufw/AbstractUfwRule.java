package dev.hostguard.ufw;

import dev.hostguard.core.HostguardStyle;
import dev.hostguard.core.internal.PythonText;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One ufw rule exactly as ufw stores it in a {@code ### tuple ###} line of {@code user.rules} or
 * {@code user6.rules}; Immutables generates the public {@link UfwRule} (builder, {@code with…}
 * methods, {@code equals} over every attribute, which the rule-set engine relies on).
 *
 * <p>Addresses are ufw's normalised text ({@code 0.0.0.0/0} or {@code ::/0} for anywhere, host bits
 * masked for IPv4, {@code /32} and {@code /128} dropped); ports are {@code any}, a number, a range
 * {@code lo:hi} or a comma list of those, as ufw writes them after resolving service names (or the
 * application name while a rule is still an unexpanded application template). Interfaces,
 * applications and the comment are {@link Optional}. A rule parsed from a command line that applies
 * to both IP versions is an IPv4 rule ({@code v6() == false}) until {@link UfwRuleSet} adds it to
 * both files. Values ufw refuses throw {@link UfwRefusedException} with ufw's message.
 *
 * <pre>{@code
 * UfwRule r = UfwRule.builder().action(UfwAction.LIMIT).protocol(UfwProtocol.TCP)
 *     .destinationPort("22").comment("ssh").build();
 * UfwRule v6 = r.withV6(true); // destination "::/0"
 * }</pre>
 */
// rules are hash keys by the thousand (plans, rule-set diffs): the hash is computed once, when
// first
// asked for
@Value.Immutable(lazyhash = true)
@HostguardStyle
abstract class AbstractUfwRule {
  private static final String ANY = "any";
  private static final String ANYWHERE_V4 = "0.0.0.0/0";
  private static final String ANYWHERE_V6 = "::/0";

  /** The action; {@code deny} by default. */
  @Value.Default
  public UfwAction action() {
    return UfwAction.DENY;
  }

  /** The log option; none by default. */
  @Value.Default
  public UfwLogType logType() {
    return UfwLogType.NONE;
  }

  /** The protocol; {@code any} by default. */
  @Value.Default
  public UfwProtocol protocol() {
    return UfwProtocol.ANY;
  }

  /**
   * Destination port text as ufw stores it: {@code any}, {@code 22}, {@code 80,443}, {@code
   * 6000:6007} (service names already resolved), or the application name while the rule is an
   * unexpanded application template.
   */
  @Value.Default
  public String destinationPort() {
    return ANY;
  }

  /**
   * Destination address as ufw writes it; anywhere ({@code 0.0.0.0/0} or {@code ::/0}) by default.
   */
  @Value.Default
  public String destination() {
    return ANYWHERE_V4;
  }

  /** Source port text (see {@link #destinationPort()}). */
  @Value.Default
  public String sourcePort() {
    return ANY;
  }

  /** Source address as ufw writes it; anywhere by default. */
  @Value.Default
  public String source() {
    return ANYWHERE_V4;
  }

  /** The destination application profile name, if the rule comes from one. */
  public abstract Optional<String> destinationApp();

  /** The source application profile name, if the rule comes from one. */
  public abstract Optional<String> sourceApp();

  /** The direction; {@code in} by default. */
  @Value.Default
  public UfwDirection direction() {
    return UfwDirection.IN;
  }

  /** The {@code in on} interface, if any. */
  public abstract Optional<String> interfaceIn();

  /** The {@code out on} interface, if any. */
  public abstract Optional<String> interfaceOut();

  /** Whether this is a {@code route} (FORWARD) rule. */
  @Value.Default
  public boolean route() {
    return false;
  }

  /** The comment text (not hex), if any; ufw stores an empty comment as none. */
  public abstract Optional<String> comment();

  /** Whether the rule lives in {@code user6.rules}; anywhere addresses follow the version. */
  @Value.Default
  public boolean v6() {
    return false;
  }

  /**
   * ufw's invariants; anywhere addresses follow the IP version (ufw's fix_anywhere), an empty
   * comment is none.
   *
   * @throws UfwRefusedException with ufw's message where ufw refuses the value
   */
  @Value.Check
  AbstractUfwRule check() {
    String anywhere = v6() ? ANYWHERE_V6 : ANYWHERE_V4;
    String other = v6() ? ANYWHERE_V4 : ANYWHERE_V6;
    if (destination().equals(other)) {
      return UfwRule.copyOf(this).withDestination(anywhere);
    }
    if (source().equals(other)) {
      return UfwRule.copyOf(this).withSource(anywhere);
    }
    if (comment().isPresent() && comment().get().isEmpty()) {
      return UfwRule.copyOf(this).withComment(Optional.empty());
    }
    checkPort(destinationPort(), destinationApp());
    checkPort(sourcePort(), sourceApp());
    checkAddress(destination());
    checkAddress(source());
    interfaceIn().ifPresent(AbstractUfwRule::checkInterface);
    interfaceOut().ifPresent(AbstractUfwRule::checkInterface);
    if (!protocol().hasPorts() && !(destinationPort().equals(ANY) && sourcePort().equals(ANY))) {
      throw new UfwRefusedException("Invalid port with protocol '" + protocol().word() + "'");
    }
    if (comment().isPresent() && comment().get().contains("'")) {
      throw new UfwRefusedException("Comment may not contain \"'\"");
    }
    return this;
  }

  private static void checkPort(String port, Optional<String> app) {
    if (app.isPresent() && app.get().isEmpty()) {
      throw new UfwRefusedException("Invalid application name ''");
    }
    if (port.equals(ANY) || (app.isPresent() && port.equals(app.get()))) {
      return;
    }
    // ufw keeps the name as typed when it differs in case from the profile's (find_application_name
    // sets the source profile's name as a destination port: `from any app openssh to any app WWW`
    // stores sport "openssh" with sapp "OpenSSH")
    if (app.isPresent() && UfwRuleParser.isValidProfileName(port)) {
      return;
    }
    boolean numeric = !port.isEmpty();
    for (int i = 0; i < port.length() && numeric; i++) {
      char c = port.charAt(i);
      numeric = (c >= '0' && c <= '9') || c == ',' || c == ':';
    }
    if (numeric) {
      return;
    }
    // an application name kept as a port before expansion, or a non-ASCII digit ufw accepted
    if (app.isPresent()
        || port.isEmpty()
        || (!port.codePoints().allMatch(c -> PythonText.isDigit(c) || c == ',' || c == ':')
            && !UfwRuleParser.isValidProfileName(port))) {
      throw new UfwRefusedException("Bad port '" + port + "'");
    }
  }

  private static void checkAddress(String addr) {
    if (addr.equals(ANYWHERE_V4) || addr.equals(ANYWHERE_V6)) {
      return;
    }
    if (!IpAddresses.validAddress(addr)) {
      throw new UfwRefusedException("Bad address '" + addr + "'");
    }
  }

  private static void checkInterface(String name) {
    String problem = RuleDraft.interfaceProblem(name);
    if (problem != null) {
      throw new UfwRefusedException(problem);
    }
  }

  /** Whether iptables needs {@code -m multiport} (a list or a range on either side). */
  public boolean multi() {
    return isList(destinationPort(), destinationApp()) || isList(sourcePort(), sourceApp());
  }

  private static boolean isList(String port, Optional<String> app) {
    return (app.isEmpty() || !port.equals(app.get()))
        && (port.indexOf(',') >= 0 || port.indexOf(':') >= 0);
  }

  /**
   * An upper estimate of the characters of the rule's texts (ports, addresses, names, twice the
   * comment for its hex form) that renderers size their buffers with, so they do not grow.
   */
  int textLength() {
    int n =
        destinationPort().length()
            + destination().length()
            + sourcePort().length()
            + source().length();
    n += destinationApp().orElse("").length() + sourceApp().orElse("").length();
    n += interfaceIn().orElse("").length() + interfaceOut().orElse("").length();
    return n + 2 * comment().orElse("").length();
  }

  /** Whether the rule comes from an application profile on either side. */
  public boolean isAppRule() {
    return destinationApp().isPresent() || sourceApp().isPresent();
  }

  /** A builder holding this rule's values. */
  public UfwRule.Builder toBuilder() {
    return UfwRule.builder().from(this);
  }
}
