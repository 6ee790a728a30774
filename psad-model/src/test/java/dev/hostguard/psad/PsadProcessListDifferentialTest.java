package dev.hostguard.psad;

import static dev.hostguard.psad.PsadDumpDifferentialTest.edit;
import static dev.hostguard.psad.PsadDumpDifferentialTest.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.psad.PsadDumpDifferentialTest.Edit;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * psad runs {@code $cmds{ps} auxww} in {@code validate_config} (to look for systemd-journald),
 * whatever {@code AUTO_DETECT_JOURNALCTL} says: a {@code psCmd} Perl cannot start kills it with
 * {@code Could not execute PS auxww: REASON} and the errno as exit status, after the syslog checks
 * and before {@code FW_MSG_READ_CMD}, the custom regex, {@code FW_CMD} and the command paths. Each
 * case is compared with the real {@code psad -c FILE -D}: message and exit status where psad dies,
 * the config block where it does not.
 */
@RequiresRealTool(RealTool.PSAD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsadProcessListDifferentialTest {
  @TempDir Path tmp;

  /** Files the {@code psCmd} values below point at. */
  Path notExecutable;

  Path loop;
  Path badInterpreter;
  Path shellScript;
  Path noShebang;

  @BeforeAll
  void files(@TempDir Path dir) throws IOException {
    notExecutable = Files.writeString(dir.resolve("ps-644"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    loop = dir.resolve("loop1");
    Files.createSymbolicLink(dir.resolve("loop2"), loop);
    Files.createSymbolicLink(loop, dir.resolve("loop2"));
    badInterpreter = executable(dir.resolve("ps-bad-interp"), "#!/nonexistent/interp\n");
    shellScript = executable(dir.resolve("ps-sh"), "#!/bin/sh\nexit 0\n");
    noShebang = executable(dir.resolve("ps-plain"), "exit 0\n");
  }

  private static Path executable(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private static Edit ps(String value) {
    return edit("psCmd", value);
  }

  /** Takes journald out of the dump, so cases that dump compare on any machine. */
  private static final Edit NO_JOURNAL_AUTODETECT = edit("AUTO_DETECT_JOURNALCTL", "N");

  Stream<Arguments> fatal() {
    Path dir = notExecutable.getParent();
    return Stream.of(
        Arguments.of("missing, autodetect Y", ps("/nonexistent/ps")),
        Arguments.of("missing, autodetect N", ps("/nonexistent/ps").andThen(NO_JOURNAL_AUTODETECT)),
        Arguments.of("not executable", ps(notExecutable.toString())),
        Arguments.of("a directory", ps(dir.toString())),
        Arguments.of("a path through a file", ps(notExecutable + "/ps")),
        Arguments.of("a file with a trailing slash", ps("/bin/sh/")),
        Arguments.of("a symbolic link loop", ps(loop.toString())),
        Arguments.of("a missing #! interpreter", ps(badInterpreter.toString())),
        Arguments.of("arguments in the value", ps("/nonexistent/ps -e")),
        Arguments.of("via INSTALL_ROOT", ps("$INSTALL_ROOT/nonexistent/ps")),
        Arguments.of("no psCmd at all", remove("psCmd")),
        Arguments.of("psCmd without a path is not a command", ps("ps")),
        Arguments.of(
            "before FW_MSG_READ_CMD",
            ps("/nonexistent/ps")
                .andThen(NO_JOURNAL_AUTODETECT)
                .andThen(edit("ENABLE_FW_MSG_READ_CMD", "Y"))
                .andThen(edit("FW_MSG_READ_CMD", "/nonexistent/journalctl"))),
        Arguments.of(
            "before the custom syslog regex",
            ps("/nonexistent/ps")
                .andThen(edit("ENABLE_CUSTOM_SYSLOG_TS_RE", "Y"))
                .andThen(edit("CUSTOM_SYSLOG_TS_RE", "(abc"))),
        Arguments.of(
            "before FW_CMD", ps("/nonexistent/ps").andThen(edit("ENABLE_OVERRIDE_FW_CMD", "Y"))),
        Arguments.of(
            "before the command paths",
            ps("/nonexistent/ps").andThen(edit("iptablesCmd", "/nonexistent/iptables"))),
        Arguments.of(
            "after SYSLOG_PRIORITY", ps("/nonexistent/ps").andThen(edit("SYSLOG_PRIORITY", "x"))),
        Arguments.of(
            "after the ENABLE_ values",
            ps("/nonexistent/ps").andThen(edit("ENABLE_AUTO_IDS", "x"))),
        Arguments.of("after required keys", ps("/nonexistent/ps").andThen(remove("HOSTNAME"))),
        Arguments.of("after expansion", ps("$NOPE/ps")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fatal")
  void unstartablePsCommandsFailLikePsad(String name, Edit edit) throws IOException {
    PsadOracle.assertLoadFailsLikePsad(write(edit));
  }

  Stream<Arguments> started() {
    return Stream.of(
        Arguments.of("Debian's /bin/ps", (Edit) t -> t),
        Arguments.of("a shell metacharacter: /bin/sh runs it", ps("/nonexistent/ps*")),
        Arguments.of("an exec prefix: /bin/sh runs it", ps("exec /nonexistent/ps")),
        Arguments.of("VAR=value: /bin/sh runs it", ps("A=1 /nonexistent/ps")),
        Arguments.of("a #!/bin/sh script", ps(shellScript.toString())),
        Arguments.of("a script without #!: Perl retries with /bin/sh", ps(noShebang.toString())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("started")
  void startablePsCommandsDumpLikePsad(String name, Edit edit) throws IOException {
    Path conf = write(edit.andThen(NO_JOURNAL_AUTODETECT));
    PsadOracle.Outcome real = PsadOracle.dump(conf);
    assertThat(real.exitStatus()).as(real.message()).isZero();
    assertThat(PsadOracle.lines(PsadConfig.of(doc(conf), PsadHost.local()).dump()))
        .containsExactlyElementsOf(real.configBlock());
  }

  @Test
  void anOverridePsCommandIsTheOneRun() throws IOException {
    Path conf = write(t -> t);
    Path override = tmp.resolve("override.conf");
    Files.writeString(override, "psCmd /nonexistent/ops;\n", StandardCharsets.UTF_8);
    PsadOracle.Outcome real = PsadOracle.dump(conf, override.toString());
    assertThat(real.message())
        .isEqualTo("[*] Could not execute /nonexistent/ops auxww: No such file or directory");
    assertThatThrownBy(() -> PsadConfig.of(doc(conf), List.of(doc(override)), PsadHost.local()))
        .isInstanceOfSatisfying(
            PsadConfParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(real.message());
              assertThat(e.exitStatus()).isEqualTo(real.exitStatus());
              assertThat(e.sourceName()).isEqualTo(override.toString());
            });
  }

  private Path write(Edit edit) throws IOException {
    String base = Files.readString(PsadDumpDifferentialTest.DEBIAN_CONF, StandardCharsets.UTF_8);
    Path p = tmp.resolve("ps.conf");
    Files.writeString(p, edit.apply(base), StandardCharsets.UTF_8);
    return p;
  }

  private static PsadConfDocument doc(Path p) throws IOException {
    return PsadConfDocument.parse(p.toString(), Files.readAllBytes(p));
  }
}
