package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.RecordingExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code status} and {@code unban} on canned tool outputs (a recording executor stands for the
 * local machine): the typed screen, the JSON document, and the exit code of each kind of failure.
 */
class StatusCommandTest {
  private static final List<String> UFW = List.of("ufw", "status", "verbose");
  private static final List<String> PSAD = List.of("psad", "--Status");
  private static final List<String> F2B = List.of("fail2ban-client", "status");
  private static final List<String> F2B_SSHD = List.of("fail2ban-client", "status", "sshd");
  private static final String SERVER = "Status\n|- Number of jail:\t1\n`- Jail list:\tsshd\n";
  private static final String SSHD =
      """
      Status for the jail: sshd
      |- Filter
      |  |- Currently failed:\t2
      |  |- Total failed:\t9
      |  `- File list:\t/var/log/auth.log
      `- Actions
         |- Currently banned:\t1
         |- Total banned:\t4
         `- Banned IP list:\t192.0.2.7
      """;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(RecordingExecutor local, String... args) {
    return HostguardCli.run(
        args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), local);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StatusCommandTest.class.getResourceAsStream("/status/" + name)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static RecordingExecutor.Builder allThree() throws IOException {
    return RecordingExecutor.builder()
        .respond(UFW, 0, resource("ufw-status-verbose.txt"))
        .respond(PSAD, 0, resource("psad-status.txt"))
        .respond(F2B, 0, SERVER)
        .respond(F2B_SSHD, 0, SSHD);
  }

  @Test
  void oneScreenShowsTheThreeToolsTyped() throws IOException {
    RecordingExecutor rec = allThree().build();
    assertThat(run(rec, "status")).isZero();
    String screen = out.toString(UTF_8);
    assertThat(screen)
        .startsWith("host      localhost\n")
        .contains(
            "ufw       active, logging on (low); default deny (incoming), deny (outgoing),"
                + " disabled (routed); 19 rules\n")
        .contains("          22/tcp  LIMIT IN  Anywhere  # allow SSH connections in\n")
        .contains("          80,443/tcp (WWW Full)  DENY IN  192.0.2.1  (log-all)\n")
        .contains(
            "          2001:db8:1::/48 6000:6007/tcp on eth1  ALLOW FWD  2001:db8::/32 on eth0"
                + "  # long route cells\n")
        .contains(
            "psad      running: psad_fw_read (pid 3444), psad (pid 3435); version 2.4.3;"
                + " 0 scan sources; auto-blocked: none\n")
        .endsWith(
            """
            fail2ban  1 jail: sshd
                      sshd: 1 banned (4 in total), 2 failing (9 in total): 192.0.2.7
            """);
    assertThat(err.size()).isZero();
    assertThat(rec.commands())
        .extracting(c -> String.join(" ", c.argv()))
        .containsExactly(
            "ufw status verbose",
            "psad --Status",
            "fail2ban-client status",
            "fail2ban-client status sshd");
    rec.verifyAllResponsesUsed();
  }

  @Test
  void jsonIsOneDocumentWithTheSameState() throws IOException {
    assertThat(run(allThree().build(), "status", "--json")).isZero();
    String json = out.toString(UTF_8);
    assertThat(json)
        .startsWith("{\"host\":\"localhost\",\"ufw\":{\"kind\":\"status\"")
        .endsWith("}\n");
    assertThat(json.lines()).hasSize(1);
    assertThat(json)
        .contains("\"outgoing\":\"deny\"")
        .contains("\"comment\":\"allow SSH connections in\"")
        .contains(
            "\"psad\":{\"running\":true,\"daemons\":[{\"name\":\"psad_fw_read\",\"pid\":3444}")
        .contains("\"version\":\"2.4.3\",\"scanSources\":0,\"autoBlockedIps\":[]")
        .contains(
            "\"fail2ban\":{\"jails\":[{\"name\":\"sshd\",\"currentlyFailed\":2,\"totalFailed\":9,"
                + "\"currentlyBanned\":1,\"totalBanned\":4,\"bannedIps\":[\"192.0.2.7\"],"
                + "\"fileList\":[\"/var/log/auth.log\"]}]}}")
        .doesNotContain("\u001b[");
  }

  @Test
  void aToolThatRefusesExitsOneWithItsMessageAndTheRestIsShown() throws IOException {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(UFW, 1, "", "ERROR: You need to be root to run this script\n")
            .respond(PSAD, 0, resource("psad-status.txt"))
            .respond(F2B, 0, SERVER)
            .respond(F2B_SSHD, 0, SSHD)
            .build();
    assertThat(run(rec, "status")).isEqualTo(1);
    assertThat(out.toString(UTF_8)).contains("ufw       refused\n").contains("fail2ban  1 jail");
    assertThat(err.toString(UTF_8))
        .isEqualTo(
            "hostguard status: ufw status verbose on localhost refused:"
                + " You need to be root to run this script\n");
  }

  @Test
  void outputThatDoesNotParseExitsTwoWithItsPosition() throws IOException {
    RecordingExecutor bad =
        RecordingExecutor.builder()
            .respond(UFW, 0, "Status: active\nLogging: sideways\n")
            .respond(PSAD, 0, resource("psad-status.txt"))
            .respond(F2B, 0, SERVER)
            .respond(F2B_SSHD, 0, SSHD)
            .build();
    assertThat(run(bad, "status")).isEqualTo(2);
    String e = err.toString(UTF_8);
    assertThat(e).startsWith("hostguard status: ufw status verbose:2:");
    assertThat(e.lines()).hasSize(1);
    assertThat(e).doesNotContain("\tat ");
  }

  @Test
  void aToolThatIsNotInstalledExitsTwoAndSaysWhatToInstall() throws IOException {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(UFW, 0, resource("ufw-status-verbose.txt"))
            .failToStart(PSAD, "No such file or directory")
            .respond(F2B, 0, SERVER)
            .respond(F2B_SSHD, 0, SSHD)
            .build();
    assertThat(run(rec, "status", "--json")).isEqualTo(2);
    assertThat(out.toString(UTF_8)).contains("\"psad\":{\"error\":{\"exitCode\":2,");
    String e = err.toString(UTF_8);
    assertThat(e.lines()).hasSize(1);
    assertThat(e).startsWith("hostguard status: localhost: ").contains("apt-get install psad");
  }

  @Test
  void unbanOfABannedAddressExitsZero() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(
                List.of(
                    "fail2ban-client", "set", "sshd", "unbanip", "--report-absent", "192.0.2.7"),
                0,
                "1\n")
            .build();
    assertThat(run(rec, "unban", "sshd", "192.0.2.7")).isZero();
    assertThat(out.toString(UTF_8)).isEqualTo("unbanned 192.0.2.7 in jail sshd on localhost\n");
    assertThat(err.size()).isZero();
  }

  @Test
  void unbanWhenFail2banCannotBeStartedExitsTwo() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .failToStart(c -> c.argv().get(0).equals("fail2ban-client"), "not found")
            .build();
    assertThat(run(rec, "unban", "sshd", "192.0.2.7")).isEqualTo(2);
    String e = err.toString(UTF_8);
    assertThat(e.lines()).hasSize(1);
    assertThat(e).startsWith("hostguard unban: localhost: ").contains("apt-get install fail2ban");
  }

  @Test
  void targetOptionsAreCheckedBeforeAnythingRuns() {
    RecordingExecutor rec = RecordingExecutor.builder().build();
    assertThat(run(rec, "status", "--executor", "ssh")).isEqualTo(2);
    assertThat(err.toString(UTF_8))
        .isEqualTo(
            "hostguard status: --executor ssh needs --host [USER@]H[:PORT]"
                + " (see hostguard status --help)\n");
    err.reset();
    assertThat(run(rec, "unban", "--host", "web1", "sshd", "192.0.2.7")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).startsWith("hostguard unban: --host and --identity need");
    err.reset();
    assertThat(run(rec, "status", "--executor", "ssh", "--host", "admin@web1:99999")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("PORT is a number from 1 to 65535");
    assertThat(rec.commands()).isEmpty();
  }
}
