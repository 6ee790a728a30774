package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwCommand;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed chapter "Securing the Network" as parameters: ufw denying both directions (or allowing
 * outgoing), SSH limited in, DNS, NTP, HTTP, HTTPS, FTP, whois and DHCP out (each with the
 * chapter's comment, in its order), extra inbound services, custom application profiles; psad's LOG
 * lines and keys; fail2ban's {@code jail.local} defaults and the sshd jail banning through ufw.
 * {@link #desiredState} turns it into a {@link DesiredState}; {@link #serviceSteps} are the reloads
 * that follow the files.
 *
 * <pre>{@code
 * HardenProfile p = HardenProfile.of("root@localhost", "web1").withLan(List.of("192.168.1.0/24"));
 * Plan plan = Plan.of(p.desiredState(services), HostState.read(files, p.desiredState(services)));
 * }</pre>
 *
 * @param email where psad and fail2ban send mail ({@code EMAIL_ADDRESSES}, {@code destemail},
 *     {@code sender})
 * @param hostname psad's {@code HOSTNAME}
 * @param lan CIDRs fail2ban ignores besides {@code 127.0.0.1/8}
 * @param allowOutgoing whether outgoing traffic is allowed by default (the chapter's less strict
 *     variant) instead of denied
 * @param allowIn extra inbound rules, each the words that follow {@code ufw allow in}
 * @param appProfiles custom application profiles: file name in {@code applications.d} → text
 */
public record HardenProfile(
    String email,
    String hostname,
    ImmutableList<String> lan,
    boolean allowOutgoing,
    ImmutableList<ImmutableList<String>> allowIn,
    ImmutableMap<String, String> appProfiles) {

  /** What fail2ban always ignores: the loopback network. */
  public static final String LOOPBACK = "127.0.0.1/8";

  /** Checks non-null parts and copies the lists. */
  public HardenProfile {
    requireNonNull(email, "email");
    requireNonNull(hostname, "hostname");
    lan = ImmutableList.copyOf(lan);
    List<ImmutableList<String>> in = new ArrayList<>();
    for (List<String> spec : allowIn) {
      in.add(ImmutableList.copyOf(spec));
    }
    allowIn = ImmutableList.copyOf(in);
    appProfiles = ImmutableMap.copyOf(appProfiles);
    for (String cidr : lan) {
      if (cidr.isBlank() || cidr.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("not a CIDR: '" + cidr + "'");
      }
    }
  }

  /** The chapter with this mail address and host name, no LAN, outgoing denied. */
  public static HardenProfile of(String email, String hostname) {
    return new HardenProfile(
        email, hostname, ImmutableList.of(), false, ImmutableList.of(), ImmutableMap.of());
  }

  /** This profile with these LAN CIDRs in fail2ban's ignoreip. */
  public HardenProfile withLan(List<String> cidrs) {
    return new HardenProfile(
        email, hostname, ImmutableList.copyOf(cidrs), allowOutgoing, allowIn, appProfiles);
  }

  /** This profile with outgoing allowed (true) or denied (false) by default. */
  public HardenProfile withAllowOutgoing(boolean allow) {
    return new HardenProfile(email, hostname, lan, allow, allowIn, appProfiles);
  }

  /** This profile with these extra inbound rules (the words after {@code ufw allow in}). */
  public HardenProfile withAllowIn(List<? extends List<String>> specs) {
    List<ImmutableList<String>> in = new ArrayList<>();
    for (List<String> s : specs) {
      in.add(ImmutableList.copyOf(s));
    }
    return new HardenProfile(
        email, hostname, lan, allowOutgoing, ImmutableList.copyOf(in), appProfiles);
  }

  /** This profile with these application profiles (file name → text). */
  public HardenProfile withAppProfiles(Map<String, String> profiles) {
    return new HardenProfile(
        email, hostname, lan, allowOutgoing, allowIn, ImmutableMap.copyOf(profiles));
  }

  /** fail2ban's {@code ignoreip}: {@code 127.0.0.1/8} and the LAN, space-separated. */
  public String ignoreIp() {
    return lan.isEmpty() ? LOOPBACK : LOOPBACK + " " + String.join(" ", lan);
  }

  /**
   * The desired state: ufw policies and the chapter's rules in order (then {@link #allowIn}),
   * owning the rule set, enabled; psad's LOG lines and keys; fail2ban's two {@code .local} files.
   *
   * @param services the target's services table (names such as {@code ssh} and {@code whois})
   * @throws dev.hostguard.ufw.UfwRefusedException when ufw would refuse an {@code --allow-in} spec
   */
  public DesiredState desiredState(ServicesDatabase services) {
    UfwRuleParser parser = UfwRuleParser.of(services);
    DesiredState.Builder b =
        DesiredState.builder()
            .outgoingPolicy(allowOutgoing ? UfwPolicy.ALLOW : UfwPolicy.DENY)
            .incomingPolicy(UfwPolicy.DENY)
            .ufwEnabled(true)
            .ownsRules(true)
            .psadLogging(true);
    b.addRules(rule(parser, "limit", "in", "ssh", "comment", "allow SSH connections in"));
    b.addRules(rule(parser, "allow", "out", "53", "comment", "allow DNS calls out"));
    b.addRules(rule(parser, "allow", "out", "123", "comment", "allow NTP out"));
    b.addRules(rule(parser, "allow", "out", "http", "comment", "allow HTTP traffic out"));
    b.addRules(rule(parser, "allow", "out", "https", "comment", "allow HTTPS traffic out"));
    b.addRules(rule(parser, "allow", "out", "ftp", "comment", "allow FTP traffic out"));
    b.addRules(rule(parser, "allow", "out", "whois", "comment", "allow whois"));
    b.addRules(rule(parser, "allow", "out", "67", "comment", "allow the DHCP client to update"));
    b.addRules(rule(parser, "allow", "out", "68", "comment", "allow the DHCP client to update"));
    for (List<String> spec : allowIn) {
      List<String> words = new ArrayList<>(List.of("allow", "in"));
      words.addAll(spec);
      b.addRules(rule(parser, words.toArray(String[]::new)));
    }
    b.appProfiles(appProfiles);
    b.putPsadSettings("EMAIL_ADDRESSES", email);
    b.putPsadSettings("HOSTNAME", hostname);
    b.putPsadSettings("ENABLE_PSADWATCHD", "Y");
    b.putPsadSettings("ENABLE_AUTO_IDS", "Y");
    b.putPsadSettings("ENABLE_AUTO_IDS_EMAILS", "Y");
    b.putPsadSettings("EXPECT_TCP_OPTIONS", "Y");
    Path jailLocal = Path.of("jail.local");
    Path ssh = Path.of("jail.d/ssh.local");
    b.addFail2banOverrides(
        new Fail2banOverride(jailLocal, "DEFAULT", "ignoreip", ignoreIp()),
        new Fail2banOverride(jailLocal, "DEFAULT", "destemail", email),
        new Fail2banOverride(jailLocal, "DEFAULT", "sender", email),
        new Fail2banOverride(jailLocal, "DEFAULT", "mta", "mail"),
        new Fail2banOverride(jailLocal, "DEFAULT", "action", "%(action_mwl)s"),
        new Fail2banOverride(ssh, "sshd", "enabled", "true"),
        new Fail2banOverride(ssh, "sshd", "banaction", "ufw"),
        new Fail2banOverride(ssh, "sshd", "port", "ssh"),
        new Fail2banOverride(ssh, "sshd", "filter", "sshd"),
        new Fail2banOverride(ssh, "sshd", "logpath", "%(sshd_log)s"),
        new Fail2banOverride(ssh, "sshd", "maxretry", "5"));
    return b.build();
  }

  /**
   * The service steps after the files: {@code ufw reload}, {@code psad -R}, {@code psad
   * --sig-update}, {@code psad -H}, then {@code fail2ban-client reload} (or {@code start} when
   * fail2ban is not running).
   */
  public static ImmutableList<PlanStep> serviceSteps(boolean fail2banRunning) {
    return ImmutableList.of(
        command("ufw", "reload"),
        command("psad", "-R"),
        command("psad", "--sig-update"),
        command("psad", "-H"),
        command("fail2ban-client", fail2banRunning ? "reload" : "start"));
  }

  private static PlanStep command(String... argv) {
    return new PlanStep.RunCommand(ImmutableList.copyOf(argv));
  }

  private static UfwRule rule(UfwRuleParser parser, String... words) {
    UfwCommand c = parser.parse(List.of(words));
    if (!(c instanceof UfwCommand.RuleChange change)) {
      throw new IllegalArgumentException("not a rule: " + String.join(" ", words));
    }
    return change.rule();
  }
}
