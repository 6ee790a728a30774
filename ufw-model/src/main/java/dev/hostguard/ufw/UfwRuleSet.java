package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@code user.rules} and {@code user6.rules} as one immutable value, changed the way
 * ufw 0.36.2 changes them: {@code allow ...} skips a rule already there ({@code Skipping adding
 * existing rule}) and updates one that differs only in action, logging or comment; {@code insert
 * N}, {@code prepend}, {@code delete RULE} and {@code delete N} follow ufw's numbering across both
 * files, application profiles expand to one rule per port, and every change returns the new set
 * with the lines ufw prints. A refusal throws {@link UfwRefusedException} with ufw's message.
 *
 * <p>The wording is that of a real (not dry) run: {@code Rules updated} while the firewall is off,
 * {@code Rule added}/{@code updated}/{@code deleted}/{@code inserted} once it is on.
 *
 * <pre>{@code
 * UfwRuleSet.Change c = UfwRuleSet.empty().apply(UfwRuleParser.fromHost().parse(List.of("allow", "22")));
 * c.message(); // "Rules updated\nRules updated (v6)"; c.after().ipv6Rules().size() == 1
 * }</pre>
 */
public final class UfwRuleSet {
  /**
   * The outcome of one change: the set before and after, what ufw prints on stdout (without the
   * final newline) and its {@code WARN:} lines (without the prefix).
   *
   * <pre>{@code
   * if (change.changed()) write(change.after());
   * }</pre>
   */
  public record Change(
      UfwRuleSet before, UfwRuleSet after, String message, ImmutableList<String> warnings) {
    /** Checks non-null parts. */
    public Change {
      requireNonNull(before, "before");
      requireNonNull(after, "after");
      requireNonNull(message, "message");
      requireNonNull(warnings, "warnings");
    }

    /** True when either rules file differs after the change. */
    public boolean changed() {
      return !before.equals(after);
    }
  }

  private final ImmutableList<UfwRule> ipv4Rules;
  private final ImmutableList<UfwRule> ipv6Rules;
  private final boolean ipv6Enabled;
  private final boolean firewallActive;
  private final boolean ipv6LimitSupported;
  private final AppProfiles profiles;

  private UfwRuleSet(Builder b) {
    this.ipv4Rules = ImmutableList.copyOf(b.ipv4Rules);
    this.ipv6Rules = ImmutableList.copyOf(b.ipv6Rules);
    this.ipv6Enabled = b.ipv6Enabled;
    this.firewallActive = b.firewallActive;
    this.ipv6LimitSupported = b.ipv6LimitSupported;
    this.profiles = b.profiles;
    for (UfwRule r : ipv4Rules) {
      if (r.v6()) {
        throw new IllegalArgumentException("an IPv6 rule in the IPv4 list: " + r);
      }
    }
    for (UfwRule r : ipv6Rules) {
      if (!r.v6()) {
        throw new IllegalArgumentException("an IPv4 rule in the IPv6 list: " + r);
      }
    }
  }

  /** No rules, IPv6 on ({@code IPV6=yes}), no application profiles, firewall inactive. */
  public static UfwRuleSet empty() {
    return builder().build();
  }

  /** A builder starting from {@link #empty()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this set's rules and settings. */
  public Builder toBuilder() {
    return new Builder()
        .ipv4Rules(ipv4Rules)
        .ipv6Rules(ipv6Rules)
        .ipv6Enabled(ipv6Enabled)
        .firewallActive(firewallActive)
        .ipv6LimitSupported(ipv6LimitSupported)
        .applicationProfiles(profiles);
  }

  /** The rules of {@code user.rules}, in order. */
  public ImmutableList<UfwRule> ipv4Rules() {
    return ipv4Rules;
  }

  /** The rules of {@code user6.rules}, in order. */
  public ImmutableList<UfwRule> ipv6Rules() {
    return ipv6Rules;
  }

  /** Whether rules also go to {@code user6.rules} ({@code IPV6=yes} in /etc/default/ufw). */
  public boolean ipv6Enabled() {
    return ipv6Enabled;
  }

  /**
   * Whether the firewall is enabled: ufw then says {@code Rule added}, {@code Rule updated}, {@code
   * Rule deleted} or {@code Rule inserted} where it otherwise says {@code Rules updated}.
   */
  public boolean firewallActive() {
    return firewallActive;
  }

  /**
   * Whether the kernel rate-limits IPv6 ({@code recent} match): when not, ufw skips the IPv6 half
   * of a {@code limit} rule with {@code Skipping unsupported IPv6 'limit' rule}.
   */
  public boolean ipv6LimitSupported() {
    return ipv6LimitSupported;
  }

  /** The profiles application rules expand through. */
  public AppProfiles applicationProfiles() {
    return profiles;
  }

  /**
   * The rule {@code ufw delete N} would remove: the N-th of {@code ufw status numbered}, counting
   * IPv4 rules first and each application tuple once.
   */
  public Optional<UfwRule> numbered(long number) {
    RuleDraft d = engine(RuleSetEngine.Mode.INACTIVE, (v6, r) -> {}, w -> {}).numbered(number);
    return d == null ? Optional.empty() : Optional.of(d.toRule());
  }

  /**
   * Applies a parsed command: a {@link UfwCommand.RuleChange} or a {@link UfwCommand.DeleteNumber}
   * (answered yes, as with {@code --force}).
   *
   * @throws UfwRefusedException with ufw's message when ufw refuses the change
   * @throws IllegalArgumentException for other commands
   */
  public Change apply(UfwCommand command) {
    requireNonNull(command, "command");
    if (command instanceof UfwCommand.RuleChange rc) {
      return change(rc);
    } else if (command instanceof UfwCommand.DeleteNumber dn) {
      return delete(dn.number());
    }
    throw new IllegalArgumentException("not a rule change: " + command);
  }

  /**
   * {@code ufw RULE}: appends the rule unless it is there; a rule differing only in action, log
   * type or comment is replaced in place.
   */
  public Change add(UfwRule rule) {
    return change(new UfwCommand.RuleChange(UfwCommand.Operation.ADD, rule, versionOf(rule), 0));
  }

  /** {@code ufw insert POSITION RULE}; positions count as {@code status numbered} shows them. */
  public Change insert(int position, UfwRule rule) {
    UfwCommand.RuleChange c =
        new UfwCommand.RuleChange(UfwCommand.Operation.INSERT, rule, versionOf(rule), position);
    if (position < 1) {
      throw new UfwRefusedException("Cannot insert rule at position '" + position + "'");
    }
    return change(c);
  }

  /** {@code ufw prepend RULE}: first among the rules of its IP version. */
  public Change prepend(UfwRule rule) {
    return change(
        new UfwCommand.RuleChange(UfwCommand.Operation.PREPEND, rule, versionOf(rule), -1));
  }

  /** {@code ufw delete RULE}; an absent rule gives {@code Could not delete non-existent rule}. */
  public Change delete(UfwRule rule) {
    return change(new UfwCommand.RuleChange(UfwCommand.Operation.DELETE, rule, versionOf(rule), 0));
  }

  /** {@code ufw --force delete NUMBER}. */
  public Change delete(long number) {
    List<String> warnings = new ArrayList<>();
    RuleSetEngine e = engine(mode(), (v6, r) -> {}, warnings::add);
    RuleDraft rule = e.numbered(number);
    if (rule == null) {
      // ufw prints nothing for a negative number, as its command line reads one
      String shown = number < 0 ? "" : Long.toString(number);
      throw new UfwRefusedException("Could not find rule '" + shown + "'");
    }
    try {
      return finish(e, e.deleteNumbered(rule), warnings);
    } catch (UfwError | RuleSetEngine.Fatal x) {
      throw new UfwRefusedException(requireNonNull(x.getMessage()));
    } catch (RuleSetEngine.Crash x) {
      throw new UfwRefusedException(crashReason(x));
    }
  }

  /**
   * Equal when both hold the same rules in the same order with the same settings; the application
   * profiles they expand through are not compared.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UfwRuleSet s
        && s.ipv4Rules.equals(ipv4Rules)
        && s.ipv6Rules.equals(ipv6Rules)
        && s.ipv6Enabled == ipv6Enabled
        && s.firewallActive == firewallActive
        && s.ipv6LimitSupported == ipv6LimitSupported;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ipv4Rules, ipv6Rules, ipv6Enabled, firewallActive, ipv6LimitSupported);
  }

  /** The canonical commands of the rules, as {@code ufw show added} lists them, one a line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("UfwRuleSet[");
    for (UfwRule r : ipv4Rules) {
      sb.append("\n  ").append(UfwRuleFormat.command(r));
    }
    for (UfwRule r : ipv6Rules) {
      sb.append("\n  ").append(UfwRuleFormat.command(r)).append(" (v6)");
    }
    return sb.append(ipv4Rules.isEmpty() && ipv6Rules.isEmpty() ? "]" : "\n]").toString();
  }

  /** The {@code user.rules} (or {@code user6.rules}) file ufw writes for this set. */
  public UserRulesFile rulesFile(boolean v6, UserRulesOptions options) {
    return UserRulesFile.of(v6 ? ipv6Rules : ipv4Rules, v6, options);
  }

  /**
   * The text of {@link #rulesFile}, {@code rulesFile(v6, options).render()}, without reading it
   * back into a document (half the work for a big set whose text is all the caller needs).
   */
  public String rulesFileText(boolean v6, UserRulesOptions options) {
    return UserRulesFile.writeText(v6 ? ipv6Rules : ipv4Rules, v6, options);
  }

  private Change change(UfwCommand.RuleChange c) {
    List<String> warnings = new ArrayList<>();
    RuleSetEngine e = engine(mode(), (v6, r) -> {}, warnings::add);
    try {
      return finish(e, run(e, c), warnings);
    } catch (UfwError | RuleSetEngine.Fatal x) {
      throw new UfwRefusedException(requireNonNull(x.getMessage()));
    } catch (RuleSetEngine.Crash x) {
      throw new UfwRefusedException(crashReason(x));
    }
  }

  private static String crashReason(RuntimeException x) {
    return "ufw 0.36.2 stops with a Python traceback on this change (" + x.getMessage() + ")";
  }

  /** Runs a rule change on an engine, as ufw's do_action does (shared with {@link UfwDryRun}). */
  static String run(RuleSetEngine e, UfwCommand.RuleChange c) {
    RuleDraft d = RuleDraft.of(c.rule());
    d.position = c.position();
    d.remove = c.operation() == UfwCommand.Operation.DELETE;
    return e.doRuleAction(d, c.ipVersion());
  }

  RuleSetEngine engine(
      RuleSetEngine.Mode mode, RuleSetEngine.Writer writer, java.util.function.Consumer<String> w) {
    return new RuleSetEngine(
        ipv4Rules, ipv6Rules, ipv6Enabled, ipv6LimitSupported, profiles, mode, writer, w);
  }

  private RuleSetEngine.Mode mode() {
    return firewallActive ? RuleSetEngine.Mode.ACTIVE : RuleSetEngine.Mode.INACTIVE;
  }

  private Change finish(RuleSetEngine e, String message, List<String> warnings) {
    UfwRuleSet after =
        toBuilder()
            .ipv4Rules(RuleSetEngine.freeze(e.rules))
            .ipv6Rules(RuleSetEngine.freeze(e.rules6))
            .build();
    return new Change(this, after, message, ImmutableList.copyOf(warnings));
  }

  /** The files a rule goes to, decided from its addresses and protocol as ufw's parser does. */
  static UfwCommand.IpVersion versionOf(UfwRule rule) {
    if (rule.v6()) {
      return UfwCommand.IpVersion.V6;
    }
    String from = addressType(rule.source());
    String to = addressType(rule.destination());
    String type = from.equals("any") ? to : from;
    if (type.equals("any")) {
      return rule.protocol().isIpv4Only() ? UfwCommand.IpVersion.V4 : UfwCommand.IpVersion.BOTH;
    }
    return type.equals("v6") ? UfwCommand.IpVersion.V6 : UfwCommand.IpVersion.V4;
  }

  private static String addressType(String address) {
    if (address.equals("0.0.0.0/0") || address.equals("::/0")) {
      return "any";
    }
    return address.indexOf(':') >= 0 ? "v6" : "v4";
  }

  /** The default profiles, made once: every builder (each change makes one) starts from them. */
  private static final class NoProfiles {
    static final AppProfiles NONE =
        AppProfiles.of(List.of(), ServicesDatabase.parse("<no services>", ""));

    private NoProfiles() {}
  }

  /**
   * Builds a {@link UfwRuleSet}.
   *
   * <pre>{@code
   * UfwRuleSet s = UfwRuleSet.builder().ipv4Rules(UserRulesFile.parse("user.rules", text).rules())
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private List<UfwRule> ipv4Rules = List.of();
    private List<UfwRule> ipv6Rules = List.of();
    private boolean ipv6Enabled = true;
    private boolean firewallActive;
    private boolean ipv6LimitSupported = true;
    private AppProfiles profiles = NoProfiles.NONE;

    private Builder() {}

    /** The rules of {@code user.rules} (each with {@code v6() == false}). */
    public Builder ipv4Rules(List<UfwRule> rules) {
      this.ipv4Rules = ImmutableList.copyOf(rules);
      return this;
    }

    /** The rules of {@code user6.rules} (each with {@code v6() == true}). */
    public Builder ipv6Rules(List<UfwRule> rules) {
      this.ipv6Rules = ImmutableList.copyOf(rules);
      return this;
    }

    /** {@code IPV6=yes} (the default) or {@code no}. */
    public Builder ipv6Enabled(boolean enabled) {
      this.ipv6Enabled = enabled;
      return this;
    }

    /** Whether the firewall is enabled (changes ufw's wording only); default false. */
    public Builder firewallActive(boolean active) {
      this.firewallActive = active;
      return this;
    }

    /**
     * Whether the kernel supports IPv6 rate limiting (default true, as on any current Linux; ufw
     * probes it when run as root, and a dry run assumes false).
     */
    public Builder ipv6LimitSupported(boolean supported) {
      this.ipv6LimitSupported = supported;
      return this;
    }

    /** The application profiles (default none). */
    public Builder applicationProfiles(AppProfiles profiles) {
      this.profiles = requireNonNull(profiles, "profiles");
      return this;
    }

    /** The set. */
    public UfwRuleSet build() {
      return new UfwRuleSet(this);
    }
  }
}
