package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.internal.PythonText;

/**
 * One ufw rule exactly as ufw stores it in a {@code ### tuple ###} line of {@code user.rules} or
 * {@code user6.rules}: immutable and checked at construction.
 *
 * <p>Addresses are ufw's normalised text ({@code 0.0.0.0/0} or {@code ::/0} for anywhere, host bits
 * masked for IPv4, {@code /32} and {@code /128} dropped); ports are {@code any}, a number, a range
 * {@code lo:hi} or a comma list of those, as ufw writes them after resolving service names (or the
 * application name while a rule is still an unexpanded application template); {@code ""} means no
 * interface, no application, no comment. A rule parsed from a command line that applies to both IP
 * versions is an IPv4 rule ({@code v6() == false}) until {@link UfwRuleSet} adds it to both files.
 *
 * <pre>{@code
 * UfwRule r = UfwRule.builder().action(UfwAction.ALLOW).protocol(UfwProtocol.TCP)
 *     .destinationPort("22").build();
 * }</pre>
 */
public record UfwRule(
    UfwAction action,
    UfwLogType logType,
    UfwProtocol protocol,
    String destinationPort,
    String destination,
    String sourcePort,
    String source,
    String destinationApp,
    String sourceApp,
    UfwDirection direction,
    String interfaceIn,
    String interfaceOut,
    boolean route,
    String comment,
    boolean v6) {

  /** Checks the invariants ufw relies on. */
  public UfwRule {
    requireNonNull(action, "action");
    requireNonNull(logType, "logType");
    requireNonNull(protocol, "protocol");
    requireNonNull(destinationPort, "destinationPort");
    requireNonNull(destination, "destination");
    requireNonNull(sourcePort, "sourcePort");
    requireNonNull(source, "source");
    requireNonNull(destinationApp, "destinationApp");
    requireNonNull(sourceApp, "sourceApp");
    requireNonNull(direction, "direction");
    requireNonNull(interfaceIn, "interfaceIn");
    requireNonNull(interfaceOut, "interfaceOut");
    requireNonNull(comment, "comment");
    checkPort(destinationPort, destinationApp);
    checkPort(sourcePort, sourceApp);
    checkAddress(destination);
    checkAddress(source);
    checkInterface(interfaceIn);
    checkInterface(interfaceOut);
    if (!protocol.hasPorts() && !(destinationPort.equals("any") && sourcePort.equals("any"))) {
      throw new IllegalArgumentException("Invalid port with protocol '" + protocol.word() + "'");
    }
    if (comment.contains("'")) {
      throw new IllegalArgumentException("Comment may not contain \"'\"");
    }
  }

  private static void checkPort(String port, String app) {
    if (port.equals("any") || (!app.isEmpty() && port.equals(app))) {
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
    if (!app.isEmpty()
        || port.isEmpty()
        || (!port.codePoints().allMatch(c -> PythonText.isDigit(c) || c == ',' || c == ':')
            && !UfwRuleParser.isValidProfileName(port))) {
      throw new IllegalArgumentException("Bad port '" + port + "'");
    }
  }

  private static void checkAddress(String addr) {
    if (!IpAddresses.validAddress(addr)) {
      throw new IllegalArgumentException("Bad address '" + addr + "'");
    }
  }

  private static void checkInterface(String name) {
    if (name.isEmpty()) {
      return;
    }
    String problem = RuleDraft.interfaceProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Whether iptables needs {@code -m multiport} (a list or a range on either side). */
  public boolean multi() {
    return isList(destinationPort, destinationApp) || isList(sourcePort, sourceApp);
  }

  private static boolean isList(String port, String app) {
    return (app.isEmpty() || !port.equals(app)) && (port.contains(",") || port.contains(":"));
  }

  /** Whether the rule comes from an application profile on either side. */
  public boolean isAppRule() {
    return !destinationApp.isEmpty() || !sourceApp.isEmpty();
  }

  /** The same rule for the other IP version ({@code any} addresses follow). */
  public UfwRule withV6(boolean newV6) {
    return RuleDraft.of(this).setV6(newV6).toRule();
  }

  /** The same rule with another comment. */
  public UfwRule withComment(String newComment) {
    RuleDraft d = RuleDraft.of(this);
    d.comment = newComment;
    return d.toRule();
  }

  /** The same rule with another action. */
  public UfwRule withAction(UfwAction newAction) {
    RuleDraft d = RuleDraft.of(this);
    d.action = newAction;
    return d.toRule();
  }

  /** A builder with ufw's defaults: deny any, in, anywhere to anywhere, IPv4. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this rule's values. */
  public Builder toBuilder() {
    return new Builder(RuleDraft.of(this));
  }

  /**
   * Builds a {@link UfwRule}; values are taken as given (no normalisation), then checked.
   *
   * <pre>{@code
   * UfwRule.builder().action(UfwAction.DENY).source("10.0.0.0/8").build();
   * }</pre>
   */
  public static final class Builder {
    private final RuleDraft d;

    Builder() {
      this(new RuleDraft());
    }

    Builder(RuleDraft d) {
      this.d = d;
    }

    /** The action. */
    public Builder action(UfwAction v) {
      d.action = requireNonNull(v);
      return this;
    }

    /** The log option. */
    public Builder logType(UfwLogType v) {
      d.logType = requireNonNull(v);
      return this;
    }

    /** The protocol. */
    public Builder protocol(UfwProtocol v) {
      d.protocol = requireNonNull(v);
      return this;
    }

    /** Destination port text ({@code any}, {@code 22}, {@code 80,443}, {@code 6000:6007}). */
    public Builder destinationPort(String v) {
      d.dport = requireNonNull(v);
      return this;
    }

    /** Destination address as ufw writes it. */
    public Builder destination(String v) {
      d.dst = requireNonNull(v);
      return this;
    }

    /** Source port text. */
    public Builder sourcePort(String v) {
      d.sport = requireNonNull(v);
      return this;
    }

    /** Source address as ufw writes it. */
    public Builder source(String v) {
      d.src = requireNonNull(v);
      return this;
    }

    /** Destination application profile name, {@code ""} for none. */
    public Builder destinationApp(String v) {
      d.dapp = requireNonNull(v);
      return this;
    }

    /** Source application profile name, {@code ""} for none. */
    public Builder sourceApp(String v) {
      d.sapp = requireNonNull(v);
      return this;
    }

    /** The direction. */
    public Builder direction(UfwDirection v) {
      d.direction = requireNonNull(v);
      return this;
    }

    /** {@code in on} interface, {@code ""} for none. */
    public Builder interfaceIn(String v) {
      d.interfaceIn = requireNonNull(v);
      return this;
    }

    /** {@code out on} interface, {@code ""} for none. */
    public Builder interfaceOut(String v) {
      d.interfaceOut = requireNonNull(v);
      return this;
    }

    /** Whether this is a {@code route} (FORWARD) rule. */
    public Builder route(boolean v) {
      d.forward = v;
      return this;
    }

    /** The comment text (not hex). */
    public Builder comment(String v) {
      d.comment = requireNonNull(v);
      return this;
    }

    /** Whether the rule lives in {@code user6.rules}; anywhere addresses follow. */
    public Builder v6(boolean v) {
      d.setV6(v);
      return this;
    }

    /** The checked rule. */
    public UfwRule build() {
      return d.toRule();
    }
  }
}
