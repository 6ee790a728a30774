package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.RecordingExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The argv lists {@code HostFiles.over(executor)} runs: every path one word, no shell. */
class CommandFileOpsArgvTest {
  private static final String FILE = "/etc/ufw/before.rules";
  private static final String TEMP = "/etc/ufw/.before.rules.hostguard-tmp";
  private static final String BACKUP = "/etc/ufw/before.rules-COPY-" + HostFilesContract.STAMP;

  @Test
  void anAtomicWriteWithItsBackup() {
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("stat", "-c", "%f:%u:%g", "--", FILE), 0, "81a0:0:4\n")
            .respond(List.of("stat", "-c", "%f:%u:%g", "--", "/etc/ufw"), 0, "41ed:0:0\n")
            .respond(List.of("stat", "-c", "%f:%u:%g", "--", BACKUP), 1, "", "No such file\n")
            .respond(List.of("test", "-e", BACKUP), 1, "")
            .respond(List.of("stat", "-L", "-c", "%f", "--", FILE), 0, "81a0\n")
            .respond(List.of("cat", "--", FILE), 0, "old\n")
            .respond(c -> true, 0, "", "")
            .build();
    HostFiles files = HostFiles.over(rec).withClock(HostFilesContract.CLOCK);

    AppliedChange c = files.write(Path.of(FILE), "new\n".getBytes(UTF_8));

    assertThat(c).isEqualTo(new AppliedChange(Path.of(FILE), true, Optional.of(Path.of(BACKUP))));
    assertThat(rec.commands().stream().<List<String>>map(Command::argv))
        .containsExactly(
            List.of("stat", "-c", "%f:%u:%g", "--", FILE),
            List.of("stat", "-L", "-c", "%f", "--", FILE),
            List.of("cat", "--", FILE),
            List.of("stat", "-c", "%f:%u:%g", "--", "/etc/ufw"),
            List.of("stat", "-c", "%f:%u:%g", "--", BACKUP),
            List.of("test", "-e", BACKUP),
            List.of("cp", "--archive", "--no-target-directory", "--", FILE, BACKUP),
            List.of("sync", "--", BACKUP),
            List.of("sync", "--", "/etc/ufw"),
            List.of("install", "-m", "0600", "-T", "--", "/dev/stdin", TEMP),
            List.of("chown", "0:4", "--", TEMP),
            List.of("chmod", "0640", "--", TEMP),
            List.of("sync", "--", TEMP),
            List.of("mv", "-f", "-T", "--", TEMP, FILE),
            List.of("sync", "--", "/etc/ufw"));
    Command install = rec.commands().get(9);
    assertThat(install.stdin()).isEqualTo("new\n".getBytes(UTF_8));
    for (int i = 0; i < rec.commands().size(); i++) {
      if (i != 9) {
        assertThat(rec.commands().get(i).stdin()).as("stdin of command %d", i).isEmpty();
      }
    }
  }

  @Test
  void aPathWithSpacesAndShellSyntaxStaysOneWord() {
    String weird = "/etc/fail2ban/jail.d/a b;$(touch x)'\"*.conf";
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("stat", "-L", "-c", "%f", "--", weird), 0, "81a4\n")
            .respond(List.of("cat", "--", weird), 0, "[a]\n")
            .respond(
                List.of(
                    "find",
                    "/etc/fail2ban/jail.d",
                    "-mindepth",
                    "1",
                    "-maxdepth",
                    "1",
                    "-printf",
                    "%f\\0"),
                0,
                "z\0a b;$(touch x)'\"*.conf\0")
            .respond(
                List.of("stat", "-c", "%f:%u:%g", "--", "/etc/fail2ban/jail.d"), 0, "41ed:0:0\n")
            .build();
    HostFiles files = HostFiles.over(rec);
    assertThat(files.read(Path.of(weird)))
        .hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo("[a]\n"));
    assertThat(files.list(Path.of("/etc/fail2ban/jail.d")))
        .containsExactly(Path.of(weird), Path.of("/etc/fail2ban/jail.d/z"));
  }

  @Test
  void aNewFileIsNotChownedAndGetsMode0644() {
    String file = "/etc/fail2ban/jail.local";
    String temp = "/etc/fail2ban/.jail.local.hostguard-tmp";
    RecordingExecutor rec =
        RecordingExecutor.builder()
            .respond(List.of("stat", "-c", "%f:%u:%g", "--", file), 1, "", "No such file\n")
            .respond(List.of("test", "-e", file), 1, "")
            .respond(c -> true, 0, "", "")
            .build();
    HostFiles.over(rec).write(Path.of(file), new byte[0]);
    assertThat(rec.commands().stream().<List<String>>map(Command::argv))
        .containsExactly(
            List.of("stat", "-c", "%f:%u:%g", "--", file),
            List.of("test", "-e", file),
            List.of("install", "-m", "0600", "-T", "--", "/dev/stdin", temp),
            List.of("chmod", "0644", "--", temp),
            List.of("sync", "--", temp),
            List.of("mv", "-f", "-T", "--", temp, file),
            List.of("sync", "--", "/etc/fail2ban"));
  }
}
