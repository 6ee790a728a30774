package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Perl's choice between {@code execvp} and {@code /bin/sh -c} for a piped open. */
class PerlPipeCommandTest {
  @Test
  void plainLinesGiveTheirFirstWordToExecvp() {
    assertThat(PerlPipeCommand.program("/bin/ps auxww")).isEqualTo("/bin/ps");
    assertThat(PerlPipeCommand.program(" auxww")).isEqualTo("auxww");
    assertThat(PerlPipeCommand.program("\t/x/ps -e auxww")).isEqualTo("/x/ps");
  }

  @Test
  void shellLinesStartThroughTheShell() {
    assertThat(PerlPipeCommand.program("/x/ps* auxww")).isNull();
    assertThat(PerlPipeCommand.program("/x/p's auxww")).isNull();
    assertThat(PerlPipeCommand.program("exec /x/ps auxww")).isNull();
    assertThat(PerlPipeCommand.program(". /x/ps auxww")).isNull();
    assertThat(PerlPipeCommand.program("A=1 /x/ps auxww")).isNull();
    assertThat(PerlPipeCommand.program("executable/ps auxww")).isEqualTo("executable/ps");
  }
}
