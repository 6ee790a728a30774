package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PsadHost#inMemory()}: a psad.conf validated with nothing read from this machine. */
class InMemoryPsadHostTest {
  private static final String CONF =
      PsadConfigTest.minimal() + "psCmd /bin/ps;\niptablesCmd /sbin/iptables;\n";

  private static PsadConfDocument doc(String text) {
    return PsadConfDocument.parse("p.conf", text);
  }

  @Test
  void anEmptyHostHasNeitherPsNorIptables() {
    List<Diagnostic> found = PsadConfig.validate(doc(CONF), PsadHost.inMemory());
    assertThat(found)
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::message)
        .containsExactly(
            "[*] Could not execute /bin/ps auxww: No such file or directory",
            "[*] Could not find ps, edit p.conf",
            "[*] Could not find iptables, edit p.conf");
    assertThat(found.get(0).position().line()).isEqualTo(CONF.split("\n").length - 1);
  }

  @Test
  void theCommandsGivenMakeTheConfigSound() {
    InMemoryPsadHost host =
        PsadHost.inMemory().withExecutables(Path.of("/bin/ps"), Path.of("/sbin/iptables"));
    assertThat(PsadConfig.validate(doc(CONF), host)).noneMatch(Diagnostic::isError);
    assertThat(PsadConfig.of(doc(CONF), host).commands())
        .containsEntry("ps", "/bin/ps")
        .containsEntry("iptables", "/sbin/iptables");
  }

  @Test
  void aCommandIsFoundInPsadsDirectoriesWhenItsPathIsWrong() {
    InMemoryPsadHost host =
        PsadHost.inMemory().withExecutables(Path.of("/bin/ps"), Path.of("/usr/sbin/iptables"));
    assertThat(PsadConfig.of(doc(CONF), host).commands())
        .containsEntry("iptables", "/usr/sbin/iptables");
  }

  @Test
  void aPlainFileIsNotACommand() {
    InMemoryPsadHost host = PsadHost.inMemory().withExecutables(Path.of("/sbin/iptables"));
    assertThatThrownBy(() -> PsadConfig.of(doc(CONF), host.withFiles(Path.of("/bin/ps"))))
        .isInstanceOf(PsadConfParseException.class)
        .hasMessageEndingWith("[*] Could not execute /bin/ps auxww: Permission denied");
  }

  @Test
  void journaldDecidesFwMsgReadCmdWhenAutoDetected() {
    String text = CONF + "AUTO_DETECT_JOURNALCTL Y;\n";
    InMemoryPsadHost host =
        PsadHost.inMemory().withExecutables(Path.of("/bin/ps"), Path.of("/sbin/iptables"));
    assertThat(PsadConfig.of(doc(text), host).value("ENABLE_FW_MSG_READ_CMD")).contains("N");
    assertThat(
            PsadConfig.of(doc(text), host.withJournaldRunning(true))
                .value("ENABLE_FW_MSG_READ_CMD"))
        .contains("Y");
  }

  @Test
  void filesDirectoriesAndExecErrnoAreAnsweredFromMemory() {
    InMemoryPsadHost host =
        PsadHost.inMemory()
            .withFiles(Path.of("/etc/psad/auto_dl"))
            .withExecutables(Path.of("/usr/bin/ps"))
            .withDirectories(Path.of("/var/log/psad"));
    assertThat(host.exists("/etc/psad/auto_dl")).isTrue();
    assertThat(host.exists("/etc/psad")).isTrue();
    assertThat(host.exists("/etc/psad/auto_dl/")).isFalse();
    assertThat(host.exists("/etc/psad//auto_dl")).isTrue();
    assertThat(host.exists("/etc/passwd")).isFalse();
    assertThat(host.isExecutable("/etc/psad/auto_dl")).isFalse();
    assertThat(host.isExecutable("/var/log/psad")).isTrue();
    assertThat(host.execErrno("ps")).isZero();
    assertThat(host.withSearchPath(List.of(Path.of("/bin"))).execErrno("ps"))
        .isEqualTo(LinuxErrno.ENOENT);
    assertThat(host.execErrno("/etc/psad/auto_dl")).isEqualTo(LinuxErrno.EACCES);
    assertThat(host.execErrno("/etc/psad/auto_dl/x")).isEqualTo(LinuxErrno.ENOTDIR);
    assertThat(host.execErrno("/var/log/psad")).isEqualTo(LinuxErrno.EACCES);
    assertThat(host.isJournaldRunning()).isFalse();
    assertThat(PsadHost.inMemory().exists("/")).isFalse();
  }

  @Test
  void aFileCannotHoldAnotherFile() {
    InMemoryPsadHost host = PsadHost.inMemory().withFiles(Path.of("/a"));
    assertThatThrownBy(() -> host.withFiles(Path.of("/a/b")))
        .isInstanceOf(PsadRefusedException.class);
  }
}
