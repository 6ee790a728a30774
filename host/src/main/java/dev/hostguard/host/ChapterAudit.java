package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import dev.hostguard.fail2ban.Fail2banConfig;
import dev.hostguard.fail2ban.Jail;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwTree;
import dev.hostguard.ufw.iptables.IptablesLine;
import dev.hostguard.ufw.iptables.IptablesLineKind;
import dev.hostguard.ufw.iptables.IptablesPsadLogging;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a host departs from the seed chapter ("Securing the Network": ufw denying both ways with
 * SSH limited, psad fed by LOG rules in {@code before.rules}, fail2ban banning SSH through ufw), as
 * pure functions over the models: each finding is one line naming the file and what to do. Paths
 * are relative to the root ({@code etc/ufw/before.rules}) unless a document names itself otherwise.
 *
 * <pre>{@code
 * List<AuditFinding> f = ChapterAudit.ufw(UfwTree.from(files, services));
 * f.get(0).line(); // "etc/default/ufw: outgoing not denied (allow): run ufw default deny outgoing"
 * }</pre>
 */
public final class ChapterAudit {
  /** {@code etc/ufw/before.rules}. */
  public static final String BEFORE_RULES = "etc/ufw/before.rules";

  /** {@code etc/ufw/before6.rules}. */
  public static final String BEFORE6_RULES = "etc/ufw/before6.rules";

  /** {@code etc/psad/psad.conf}. */
  public static final String PSAD_CONF = "etc/psad/psad.conf";

  /** {@code etc/fail2ban/jail.d/ssh.local}: where the chapter configures the sshd jail. */
  public static final String SSH_JAIL = "etc/fail2ban/jail.d/ssh.local";

  /** The psad.conf switches the chapter sets to {@code Y}, in the chapter's order. */
  public static final ImmutableList<String> PSAD_SWITCHES =
      ImmutableList.of(
          "ENABLE_PSADWATCHD", "ENABLE_AUTO_IDS", "ENABLE_AUTO_IDS_EMAILS", "EXPECT_TCP_OPTIONS");

  /** The sshd jail's {@code maxretry} in the chapter. */
  public static final int MAX_RETRY = 5;

  private static final String DEFAULTS = UfwTree.DEFAULTS.toString();

  private ChapterAudit() {}

  /**
   * The ufw departures: ufw not enabled, incoming or outgoing not denied, a new SSH connection
   * (port 22, IPv4 and, with IPv6 on, IPv6) not decided by a {@code limit} rule; the psad LOG rules
   * of {@link #BEFORE_RULES} and {@link #BEFORE6_RULES} ({@link #psadLogging}). A tree without
   * {@link #BEFORE_RULES}, or without {@link #BEFORE6_RULES} while IPv6 is on, gets a finding for
   * the missing file (ufw does not start without it, and the LOG rules are missing with it).
   */
  public static ImmutableList<AuditFinding> ufw(UfwTree tree) {
    requireNonNull(tree, "tree");
    List<AuditFinding> f = new ArrayList<>();
    if (!tree.conf().enabled()) {
      f.add(
          AuditFinding.chapter(
              UfwTree.CONF.toString(), "ufw not enabled (ENABLED=no): run ufw enable"));
    }
    UfwPolicy in = tree.defaults().inputPolicy();
    UfwPolicy out = tree.defaults().outputPolicy();
    if (in != UfwPolicy.DENY) {
      f.add(
          AuditFinding.chapter(
              DEFAULTS, "incoming not denied (" + in.word() + "): run ufw default deny incoming"));
    }
    if (out != UfwPolicy.DENY) {
      f.add(
          AuditFinding.chapter(
              DEFAULTS, "outgoing not denied (" + out.word() + "): run ufw default deny outgoing"));
    }
    sshLimit(tree).ifPresent(f::add);
    for (String name : List.of(BEFORE_RULES, BEFORE6_RULES)) {
      String text = tree.files().get(java.nio.file.Path.of(name));
      if (text != null) {
        f.addAll(psadLogging(IptablesRestoreDocument.parse(name, text)));
      } else if (name.equals(BEFORE_RULES) || tree.rules().ipv6Enabled()) {
        f.add(
            AuditFinding.chapter(
                name,
                "missing (ufw cannot start without it, and psad's LOG rules are not loaded):"
                    + " restore it from /usr/share/ufw/iptables/ and put the LOG rules before"
                    + " its *filter table's COMMIT line (hostguard harden does)"));
      }
    }
    return ImmutableList.copyOf(f);
  }

  private static Optional<AuditFinding> sshLimit(UfwTree tree) {
    UfwEvaluator e;
    try {
      e = UfwEvaluator.of(tree.rules(), policy(tree.defaults().inputPolicy()), UfwPolicy.ALLOW);
    } catch (IllegalArgumentException unexpandedApplication) {
      return Optional.empty();
    }
    List<String> versions = new ArrayList<>();
    for (boolean v6 : tree.rules().ipv6Enabled() ? List.of(false, true) : List.of(false)) {
      Packet p =
          Packet.builder()
              .direction(UfwDirection.IN)
              .interfaceName("eth0")
              .protocol(PacketProtocol.TCP)
              .source(InetAddresses.forString(v6 ? "2001:db8::7" : "203.0.113.7"))
              .sourcePort(40000)
              .destination(InetAddresses.forString(v6 ? "2001:db8::1" : "192.0.2.1"))
              .destinationPort(UfwRuleSetAudit.SSH_PORT)
              .build();
      UfwDecision d = e.evaluate(p);
      if (d.verdict() != UfwVerdict.LIMIT) {
        String by =
            d.ruleNumber()
                .map(n -> "rule " + AuditFinding.number(n))
                .orElse(d.policy().map(x -> "the default " + x.word()).orElse("a built-in rule"));
        versions.add((v6 ? "IPv6" : "IPv4") + ": " + d.verdict().word() + " by " + by);
      }
    }
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        AuditFinding.chapter(
            UfwTree.USER_RULES.toString(),
            "SSH not limited ("
                + String.join(", ", versions)
                + "): run ufw limit in ssh comment 'allow SSH connections in'"
                + " (before any rule that decides 22/tcp first)"));
  }

  private static UfwPolicy policy(UfwPolicy p) {
    return p == UfwPolicy.ALLOW || p == UfwPolicy.REJECT ? p : UfwPolicy.DENY;
  }

  /**
   * The psad LOG rules ({@link IptablesPsadLogging#LINES}, the two {@code -A ... -j LOG} lines) of
   * a {@code before.rules} or {@code before6.rules}: missing, or not inside the {@code *filter}
   * table before its {@code COMMIT}. The file is the document's source name.
   */
  public static ImmutableList<AuditFinding> psadLogging(IptablesRestoreDocument doc) {
    requireNonNull(doc, "doc");
    List<String> wanted = IptablesPsadLogging.LINES.subList(1, IptablesPsadLogging.LINES.size());
    List<AuditFinding> f = new ArrayList<>();
    String table = "";
    boolean open = false;
    List<String> inside = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (IptablesLine l : doc.lines()) {
      if (l.kind() == IptablesLineKind.TABLE) {
        table = l.tableName();
        open = true;
      } else if (l.kind() == IptablesLineKind.COMMIT) {
        open = false;
      } else if (wanted.contains(l.text())) {
        (open && table.equals(IptablesPsadLogging.TABLE) ? inside : outside).add(l.text());
      }
    }
    String fix = "put them before the *filter table's COMMIT line (hostguard harden does)";
    for (String w : wanted) {
      if (inside.contains(w)) {
        continue;
      }
      String chain = w.substring(3, w.indexOf(' ', 3));
      f.add(
          AuditFinding.chapter(
              doc.sourceName(),
              outside.contains(w)
                  ? "psad LOG rule for "
                      + chain
                      + " is after COMMIT (iptables-restore does not load it there): "
                      + fix
                  : "psad LOG rule for " + chain + " missing (" + w + "): " + fix));
    }
    return ImmutableList.copyOf(f);
  }

  /**
   * The psad departures: a switch of {@link #PSAD_SWITCHES} not {@code Y}, {@code HOSTNAME} still
   * psad's {@code _CHANGEME_}. The file is {@link #PSAD_CONF}.
   */
  public static ImmutableList<AuditFinding> psad(PsadConfig config) {
    requireNonNull(config, "config");
    List<AuditFinding> f = new ArrayList<>();
    for (String key : PSAD_SWITCHES) {
      if (!config.flag(key).orElse(false)) {
        String now = config.value(key).map(v -> "'" + v + "'").orElse("unset");
        f.add(AuditFinding.chapter(PSAD_CONF, key + " is " + now + ": set " + key + " Y;"));
      }
    }
    if (config.value("HOSTNAME").map(h -> h.equals("_CHANGEME_")).orElse(true)) {
      f.add(
          AuditFinding.chapter(
              PSAD_CONF, "HOSTNAME is not set: set HOSTNAME to this server's hostname"));
    }
    return ImmutableList.copyOf(f);
  }

  /**
   * The fail2ban departures: no {@code sshd} jail, or one not enabled, not banning through ufw
   * ({@code banaction = ufw}) or with {@code maxretry} other than {@value #MAX_RETRY}. The file is
   * {@link #SSH_JAIL}, where the chapter sets these.
   */
  public static ImmutableList<AuditFinding> fail2ban(Fail2banConfig config) {
    requireNonNull(config, "config");
    List<AuditFinding> f = new ArrayList<>();
    if (!config.jailNames().contains("sshd")) {
      f.add(
          AuditFinding.chapter(
              SSH_JAIL,
              "no sshd jail: add [sshd] with enabled = true, banaction = ufw, maxretry = 5"));
      return ImmutableList.copyOf(f);
    }
    Jail sshd = config.jail("sshd");
    if (!sshd.enabled()) {
      f.add(AuditFinding.chapter(SSH_JAIL, "sshd jail not enabled: set enabled = true"));
    }
    String ban = sshd.banAction().orElse("");
    if (!ban.equals("ufw")) {
      f.add(
          AuditFinding.chapter(
              SSH_JAIL,
              "sshd jail does not ban through ufw (banaction = "
                  + (ban.isEmpty() ? "unset" : ban)
                  + "): set banaction = ufw"));
    }
    if (!sshd.maxRetry().equals(Optional.of(MAX_RETRY))) {
      f.add(
          AuditFinding.chapter(
              SSH_JAIL,
              "sshd jail maxretry is "
                  + sshd.maxRetry().map(String::valueOf).orElse("unset")
                  + ": set maxretry = "
                  + MAX_RETRY));
    }
    return ImmutableList.copyOf(f);
  }
}
