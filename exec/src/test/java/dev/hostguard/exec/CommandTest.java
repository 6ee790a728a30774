package dev.hostguard.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {
  @Test
  void isImmutableAndEqualByValue() {
    Command a = Command.of("ufw", "status");
    Command b = Command.of(List.of("ufw", "status"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    Command c = a.withTimeout(Duration.ofSeconds(3));
    assertThat(c).isNotEqualTo(a);
    assertThat(a.timeout()).isEqualTo(Command.DEFAULT_TIMEOUT);
    assertThat(c.argv()).containsExactly("ufw", "status");
  }

  @Test
  void stdinIsDefensivelyCopied() {
    byte[] in = {1, 2, 3};
    Command c = Command.of("cat").withStdin(in);
    in[0] = 9;
    assertThat(c.stdin()).containsExactly(1, 2, 3);
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> Command.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Command.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Command.of("echo", "a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> Command.of("true").withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Command.builder().arg("x").putEnv("A=B", "c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exitCodePolicy() {
    Command def = Command.of("x");
    assertThat(def.accepts(0)).isTrue();
    assertThat(def.accepts(1)).isFalse();
    assertThat(def.acceptingAnyExitCode().accepts(255)).isTrue();
    assertThat(def.withAcceptedExitCodes(1, 2).accepts(0)).isFalse();
  }

  @Test
  void failureMessageCutsLongOutputInTheMiddle() {
    String longText = "a".repeat(5000) + "MIDDLE" + "z".repeat(5000);
    String cut = CommandException.cutInMiddle(longText, 100);
    assertThat(cut).startsWith("a".repeat(50)).endsWith("z".repeat(50)).contains("omitted");
    assertThat(cut).doesNotContain("MIDDLE");
  }
}
