package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.fail2ban.Fail2banConfig;
import dev.hostguard.fail2ban.Fail2banConfigSource;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadHost;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UfwTree;
import dev.hostguard.ufw.UserRulesOptions;
import dev.hostguard.ufw.iptables.IptablesPsadLogging;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChapterAuditTest {
  private static final ServicesDatabase SERVICES =
      ServicesDatabase.builder().add("ssh", 22, "tcp").build();
  private static final String BEFORE =
      """
      *filter
      :ufw-before-input - [0:0]
      -A ufw-before-input -i lo -j ACCEPT

      # don't delete the 'COMMIT' line or these rules won't be processed
      COMMIT
      """;
  private static final UfwRule SSH_LIMIT =
      UfwRule.builder()
          .action(UfwAction.LIMIT)
          .protocol(UfwProtocol.TCP)
          .destinationPort("22")
          .comment("allow SSH connections in")
          .build();

  private static Map<Path, String> ufwFiles(
      String input, String output, boolean enabled, List<UfwRule> rules) {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(
        UfwTree.DEFAULTS,
        "IPV6=yes\nDEFAULT_INPUT_POLICY=\""
            + input
            + "\"\nDEFAULT_OUTPUT_POLICY=\""
            + output
            + "\"\nDEFAULT_FORWARD_POLICY=\"DROP\"\nDEFAULT_APPLICATION_POLICY=\"SKIP\"\n");
    files.put(UfwTree.CONF, "ENABLED=" + (enabled ? "yes" : "no") + "\nLOGLEVEL=low\n");
    UfwRuleSet set = UfwRuleSet.empty();
    for (UfwRule r : rules) {
      set = set.add(r).after();
    }
    files.put(UfwTree.USER_RULES, set.rulesFile(false, UserRulesOptions.stock()).render());
    files.put(UfwTree.USER6_RULES, set.rulesFile(true, UserRulesOptions.stock()).render());
    return files;
  }

  private static List<String> lines(List<AuditFinding> findings) {
    return findings.stream().map(AuditFinding::line).toList();
  }

  @Test
  void theChaptersUfwHasNothingToReport() {
    Map<Path, String> files = ufwFiles("DROP", "DROP", true, List.of(SSH_LIMIT));
    String logged = IptablesPsadLogging.apply(IptablesRestoreDocument.parse("b", BEFORE)).render();
    files.put(Path.of(ChapterAudit.BEFORE_RULES), logged);
    files.put(Path.of(ChapterAudit.BEFORE6_RULES), logged);
    assertThat(ChapterAudit.ufw(UfwTree.from(files, SERVICES))).isEmpty();
  }

  @Test
  void eachUfwDepartureIsOneLineNamingTheFileAndTheFix() {
    UfwRule allowSsh = SSH_LIMIT.withAction(UfwAction.ALLOW);
    Map<Path, String> files = ufwFiles("ACCEPT", "ACCEPT", false, List.of(allowSsh));
    files.put(Path.of(ChapterAudit.BEFORE_RULES), BEFORE);
    assertThat(lines(ChapterAudit.ufw(UfwTree.from(files, SERVICES))))
        .containsExactly(
            "etc/ufw/ufw.conf: ufw not enabled (ENABLED=no): run ufw enable",
            "etc/default/ufw: incoming not denied (allow): run ufw default deny incoming",
            "etc/default/ufw: outgoing not denied (allow): run ufw default deny outgoing",
            "etc/ufw/user.rules: SSH not limited (IPv4: allow by rule [ 1], IPv6: allow by rule"
                + " [ 2]): run ufw limit in ssh comment 'allow SSH connections in' (before any"
                + " rule that decides 22/tcp first)",
            "etc/ufw/before.rules: psad LOG rule for INPUT missing (-A INPUT -j LOG"
                + " --log-tcp-options --log-prefix \"[IPTABLES] \"): put them before the *filter"
                + " table's COMMIT line (hostguard harden does)",
            "etc/ufw/before.rules: psad LOG rule for FORWARD missing (-A FORWARD -j LOG"
                + " --log-tcp-options --log-prefix \"[IPTABLES] \"): put them before the *filter"
                + " table's COMMIT line (hostguard harden does)",
            MISSING_BEFORE6);
  }

  private static final String MISSING_BEFORE6 =
      "etc/ufw/before6.rules: missing (ufw cannot start without it, and psad's LOG rules are not"
          + " loaded): restore it from /usr/share/ufw/iptables/ and put the LOG rules before its"
          + " *filter table's COMMIT line (hostguard harden does)";

  /** A tree without its before files is not passed over in silence: they are ufw's, and psad's. */
  @Test
  void aMissingBeforeFileIsAFinding() {
    Map<Path, String> files = ufwFiles("DROP", "DROP", true, List.of(SSH_LIMIT));
    String logged = IptablesPsadLogging.apply(IptablesRestoreDocument.parse("b", BEFORE)).render();
    files.put(Path.of(ChapterAudit.BEFORE_RULES), logged);
    assertThat(lines(ChapterAudit.ufw(UfwTree.from(files, SERVICES))))
        .containsExactly(MISSING_BEFORE6);

    // with IPv6 off ufw never reads before6.rules; before.rules it always needs
    files.remove(Path.of(ChapterAudit.BEFORE_RULES));
    files.put(UfwTree.DEFAULTS, files.get(UfwTree.DEFAULTS).replace("IPV6=yes", "IPV6=no"));
    assertThat(lines(ChapterAudit.ufw(UfwTree.from(files, SERVICES))))
        .containsExactly(MISSING_BEFORE6.replace("before6.rules", "before.rules"));
  }

  @Test
  void logRulesAfterCommitAreNotLoadedAndSaySo() {
    String after = BEFORE + String.join("\n", IptablesPsadLogging.LINES) + "\n";
    List<AuditFinding> f =
        ChapterAudit.psadLogging(IptablesRestoreDocument.parse(ChapterAudit.BEFORE6_RULES, after));
    assertThat(lines(f))
        .containsExactly(
            "etc/ufw/before6.rules: psad LOG rule for INPUT is after COMMIT (iptables-restore does"
                + " not load it there): put them before the *filter table's COMMIT line (hostguard"
                + " harden does)",
            "etc/ufw/before6.rules: psad LOG rule for FORWARD is after COMMIT (iptables-restore"
                + " does not load it there): put them before the *filter table's COMMIT line"
                + " (hostguard harden does)");
    assertThat(f.get(0).kind()).isEqualTo(AuditFindingKind.CHAPTER);
    assertThat(f.get(0).file()).contains(ChapterAudit.BEFORE6_RULES);
  }

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void psadSwitchesAndHostnameAsTheChapterSetsThem() throws Exception {
    // Debian's psad.conf and psad's commands as installed on this machine: ENABLE_PSADWATCHD N,
    // ENABLE_AUTO_IDS N, HOSTNAME _CHANGEME_
    String stock = Files.readString(Path.of("/etc/psad/psad.conf"), StandardCharsets.ISO_8859_1);
    PsadHost host = PsadHost.local();
    PsadConfig config = PsadConfig.of(PsadConfDocument.parse("psad.conf", stock), host);
    assertThat(lines(ChapterAudit.psad(config)))
        .containsExactly(
            "etc/psad/psad.conf: ENABLE_PSADWATCHD is 'N': set ENABLE_PSADWATCHD Y;",
            "etc/psad/psad.conf: ENABLE_AUTO_IDS is 'N': set ENABLE_AUTO_IDS Y;",
            "etc/psad/psad.conf: HOSTNAME is not set: set HOSTNAME to this server's hostname");
    String chapter =
        stock
            .replaceAll("(?m)^ENABLE_PSADWATCHD(\\s+)N;", "ENABLE_PSADWATCHD$1Y;")
            .replaceAll("(?m)^ENABLE_AUTO_IDS(\\s+)N;", "ENABLE_AUTO_IDS$1Y;")
            .replaceAll("(?m)^HOSTNAME(\\s+)_CHANGEME_;", "HOSTNAME$1web1.example.org;");
    PsadConfig set = PsadConfig.of(PsadConfDocument.parse("psad.conf", chapter), host);
    assertThat(ChapterAudit.psad(set)).isEmpty();
  }

  private static Fail2banConfig fail2ban(String sshLocal) {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("fail2ban.conf"), "[Definition]\n");
    files.put(
        Path.of("jail.conf"),
        """
        [DEFAULT]
        banaction = iptables-multiport
        maxretry = 3
        sshd_log = /var/log/auth.log
        [sshd]
        port = ssh
        logpath = %(sshd_log)s
        """);
    files.put(Path.of("filter.d/sshd.conf"), "[Definition]\nfailregex = ^fail <HOST>$\n");
    files.put(Path.of("action.d/ufw.conf"), "[Definition]\nactionban = ufw <ip>\n");
    files.put(Path.of("action.d/iptables-multiport.conf"), "[Definition]\nactionban = ban <ip>\n");
    files.put(Path.of("jail.d/ssh.local"), sshLocal);
    return Fail2banConfig.from(Fail2banConfigSource.inMemory(files));
  }

  @Test
  void theSshdJailAsTheChapterSetsItHasNothingToReport() {
    String chapter =
        """
        [sshd]
        enabled = true
        banaction = ufw
        port = ssh
        filter = sshd
        logpath = %(sshd_log)s
        maxretry = 5
        """;
    assertThat(ChapterAudit.fail2ban(fail2ban(chapter))).isEmpty();
  }

  @Test
  void anSshdJailThatIsOffBansElsewhereOrAllowsMoreTriesIsReported() {
    assertThat(lines(ChapterAudit.fail2ban(fail2ban("[sshd]\nfilter = sshd\n"))))
        .containsExactly(
            "etc/fail2ban/jail.d/ssh.local: sshd jail not enabled: set enabled = true",
            "etc/fail2ban/jail.d/ssh.local: sshd jail does not ban through ufw (banaction ="
                + " iptables-multiport): set banaction = ufw",
            "etc/fail2ban/jail.d/ssh.local: sshd jail maxretry is 3: set maxretry = 5");
  }
}
