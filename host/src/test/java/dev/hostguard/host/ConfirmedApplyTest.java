package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.RecordingExecutor;
import dev.hostguard.exec.SshExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConfirmedApply on a rooted local {@link HostFiles}, its commands and the fresh ssh connection
 * answered by recording executors: the systemd timer's argv (no systemd runs here), the proof, and
 * the rollback of the files. {@link ConfirmedApplyRealSshTest} does it for real over ssh.
 */
class ConfirmedApplyTest {
  @TempDir Path root;

  private static final Path USER_RULES = Path.of("/etc/ufw/user.rules");
  private static final Path UFW_CONF = Path.of("/etc/ufw/ufw.conf");
  private static final Path NEW_RULES = Path.of("/etc/ufw/new.rules");
  private static final Path JAIL = Path.of("/etc/fail2ban/jail.local");
  private static final List<Path> PROTECTED = List.of(USER_RULES, UFW_CONF, NEW_RULES);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T18:45:07Z"), ZoneOffset.UTC);

  private HostFiles files;

  @BeforeEach
  void tree() throws Exception {
    Files.createDirectories(root.resolve("etc/ufw"));
    Files.createDirectories(root.resolve("etc/fail2ban"));
    Files.writeString(root.resolve("etc/ufw/user.rules"), "old rules\n", UTF_8);
    Files.writeString(root.resolve("etc/ufw/ufw.conf"), "ENABLED=yes\nLOGLEVEL=low\n", UTF_8);
    Files.writeString(root.resolve("etc/fail2ban/jail.local"), "[sshd]\n", UTF_8);
    files = HostFiles.local().withRoot(root);
  }

  private static SshExecutor ssh(RecordingExecutor client) {
    return SshExecutor.builder("web1").user("root").via(client).build();
  }

  private static RecordingExecutor freshConnection(int exit, String stderr) {
    return RecordingExecutor.builder()
        .respond(c -> c.argv().contains("ControlPath=none"), exit, "", stderr)
        .build();
  }

  private static RecordingExecutor anyCommand() {
    return RecordingExecutor.builder().respond(c -> true, 0, "", "").build();
  }

  private List<AppliedChange> badChange() {
    List<AppliedChange> out = new ArrayList<>();
    out.add(files.write(USER_RULES, "blocking rules\n".getBytes(UTF_8)));
    out.add(files.write(UFW_CONF, "ENABLED=yes\nLOGLEVEL=high\n".getBytes(UTF_8)));
    out.add(files.write(NEW_RULES, "new\n".getBytes(UTF_8)));
    out.add(files.write(JAIL, "[sshd]\nenabled = true\n".getBytes(UTF_8)));
    return out;
  }

  private String read(String relative) throws Exception {
    return Files.readString(root.resolve(relative), UTF_8);
  }

  private static List<List<String>> argvs(RecordingExecutor rec) {
    return rec.commands().stream().map(Command::argv).map(a -> (List<String>) a).toList();
  }

  @Test
  void withSystemdATimerIsArmedBeforeTheApplyAndStoppedAfterTheProof() throws Exception {
    Files.createDirectories(root.resolve("run/systemd/system"));
    RecordingExecutor commands = anyCommand();
    RecordingExecutor client = freshConnection(0, "");
    List<String> seenDuringApply = new ArrayList<>();
    ConfirmedApply.Result r;
    try (SshExecutor ssh = ssh(client)) {
      r =
          ConfirmedApply.around(ssh, files, Duration.ofSeconds(5))
              .withCommands(commands)
              .protecting(PROTECTED)
              .withTimerDelay(Duration.ofSeconds(90))
              .withClock(CLOCK)
              .run(
                  () -> {
                    seenDuringApply.addAll(
                        commands.commands().stream().map(c -> c.argv().get(0)).toList());
                    return badChange();
                  });
    }
    assertThat(r.outcome()).isEqualTo(ConfirmedApply.Outcome.CONFIRMED);
    assertThat(r.applied()).hasSize(4);
    assertThat(r.restored()).isEmpty();
    assertThat(read("etc/ufw/user.rules")).isEqualTo("blocking rules\n");
    assertThat(seenDuringApply).containsExactly("cp", "cp", "systemd-run");

    String unit = r.timerUnit().orElseThrow();
    assertThat(unit).matches("hostguard-rollback-20261130184507-[0-9a-f]{4}");
    String snap = "/var/backups/hostguard/" + unit.substring("hostguard-".length());
    assertThat(root.resolve(snap.substring(1) + "/etc/ufw")).isDirectory();
    assertThat(argvs(commands))
        .containsExactly(
            List.of("cp", "--archive", "--", "/etc/ufw/user.rules", snap + "/etc/ufw/user.rules"),
            List.of("cp", "--archive", "--", "/etc/ufw/ufw.conf", snap + "/etc/ufw/ufw.conf"),
            List.of(
                "systemd-run",
                "--on-active=90",
                "--unit=" + unit,
                "--description=hostguard: roll back an unconfirmed firewall change",
                "--service-type=oneshot",
                "--property=ExecStartPre=/bin/cp \"--archive\" \"--\" \""
                    + snap
                    + "/etc/ufw/user.rules\" \"/etc/ufw/user.rules\"",
                "--property=ExecStartPre=/bin/cp \"--archive\" \"--\" \""
                    + snap
                    + "/etc/ufw/ufw.conf\" \"/etc/ufw/ufw.conf\"",
                "--property=ExecStartPre=/bin/rm \"-f\" \"--\" \"/etc/ufw/new.rules\"",
                "--",
                "/usr/sbin/ufw",
                "reload"),
            List.of("systemctl", "stop", unit + ".timer"));
    // one fresh connection, not through the master
    assertThat(client.commands()).hasSize(1);
    assertThat(client.commands().get(0).argv())
        .contains("ControlPath=none", "ControlMaster=no", "ConnectTimeout=5")
        .endsWith("root@web1", "--", "true");
  }

  @Test
  void aFailedProofPutsTheFilesBackAndReloadsThroughTheSession() throws Exception {
    Files.createDirectories(root.resolve("run/systemd/system"));
    RecordingExecutor commands = anyCommand();
    RecordingExecutor client =
        freshConnection(255, "ssh: connect to host web1 port 22: Connection refused\n");
    ConfirmedApply.Result r;
    long start = System.nanoTime();
    try (SshExecutor ssh = ssh(client)) {
      r =
          ConfirmedApply.around(ssh, files, Duration.ofSeconds(2))
              .withCommands(commands)
              .protecting(PROTECTED)
              .withClock(CLOCK)
              .run(this::badChange);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(seconds).isBetween(1.9, 10.0);
    assertThat(r.outcome()).isEqualTo(ConfirmedApply.Outcome.ROLLED_BACK);
    assertThat(r.proofFailure().orElseThrow()).contains("Connection refused");
    assertThat(r.restored()).containsExactly(USER_RULES, UFW_CONF, NEW_RULES, JAIL);
    assertThat(r.notRestored()).isEmpty();
    assertThat(read("etc/ufw/user.rules")).isEqualTo("old rules\n");
    assertThat(read("etc/ufw/ufw.conf")).isEqualTo("ENABLED=yes\nLOGLEVEL=low\n");
    assertThat(read("etc/fail2ban/jail.local")).isEqualTo("[sshd]\n");
    assertThat(root.resolve("etc/ufw/new.rules")).doesNotExist();
    // refused at once, so tried again until the proof timeout
    assertThat(client.commands().size()).isGreaterThan(1);
    List<List<String>> run = argvs(commands);
    assertThat(run).hasSize(5);
    assertThat(run.get(2).get(0)).isEqualTo("systemd-run");
    assertThat(run.subList(3, 5))
        .containsExactly(
            List.of("ufw", "reload"),
            List.of("systemctl", "stop", r.timerUnit().orElseThrow() + ".timer"));
  }

  @Test
  void withoutSystemdNothingIsArmedAndAFirewallThatWasOffIsDisabledAgain() throws Exception {
    Files.writeString(root.resolve("etc/ufw/ufw.conf"), "ENABLED=no\nLOGLEVEL=low\n", UTF_8);
    RecordingExecutor commands = anyCommand();
    RecordingExecutor client =
        freshConnection(255, "ssh: connect to host web1 port 22: Connection timed out\n");
    ConfirmedApply.Result r;
    try (SshExecutor ssh = ssh(client)) {
      r =
          ConfirmedApply.around(ssh, files, Duration.ofMillis(300))
              .withCommands(commands)
              .protecting(PROTECTED)
              .run(
                  () ->
                      List.of(
                          files.write(UFW_CONF, "ENABLED=yes\nLOGLEVEL=low\n".getBytes(UTF_8))));
    }
    assertThat(r.outcome()).isEqualTo(ConfirmedApply.Outcome.ROLLED_BACK);
    assertThat(r.timerUnit()).isEmpty();
    assertThat(r.restored()).containsExactly(UFW_CONF);
    assertThat(read("etc/ufw/ufw.conf")).isEqualTo("ENABLED=no\nLOGLEVEL=low\n");
    assertThat(argvs(commands)).containsExactly(List.of("ufw", "disable"));
  }

  @Test
  void anApplyThatThrowsIsProvedAndRolledBackToo() {
    RecordingExecutor commands = anyCommand();
    RecordingExecutor client =
        freshConnection(255, "ssh: connect to host web1 port 22: Connection refused\n");
    IllegalStateException boom = new IllegalStateException("step 3 failed");
    try (SshExecutor ssh = ssh(client)) {
      ConfirmedApply confirmed =
          ConfirmedApply.around(ssh, files, Duration.ofMillis(300))
              .withCommands(commands)
              .protecting(PROTECTED);
      assertThatThrownBy(
              () ->
                  confirmed.run(
                      () -> {
                        files.write(USER_RULES, "half\n".getBytes(UTF_8));
                        throw boom;
                      }))
          .isSameAs(boom);
    }
    assertThat(boom.getSuppressed()).hasSize(1);
    assertThat(boom.getSuppressed()[0]).hasMessageContaining("rolled back");
    assertThat(root.resolve("etc/ufw/user.rules")).hasContent("old rules\n");
    assertThat(argvs(commands)).containsExactly(List.of("ufw", "reload"));
  }

  @Test
  void unitCommandsQuoteArgumentsAndRefuseWhatSystemdWouldExpand() {
    assertThat(ConfirmedApply.unitCommand("/bin/cp", "a b", "x\"y\\z"))
        .isEqualTo("/bin/cp \"a b\" \"x\\\"y\\\\z\"");
    assertThatThrownBy(() -> ConfirmedApply.unitCommand("/bin/rm", "/etc/%n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfirmedApply.unitCommand("/bin/rm", "$HOME"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfirmedApply.unitCommand("rm", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
