package dev.hostguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ArgsTest {
  @Test
  void reDecodesTheTailOfTheCmdlineAsUtf8() {
    byte[] cmdline =
        "java\0-jar\0hostguard.jar\0ufw\0comment\0café\0".getBytes(StandardCharsets.UTF_8);
    String[] mangled = {"ufw", "comment", "caf\uFFFD\uFFFD"};
    assertThat(Utf8Args.fromCmdline(cmdline, mangled)).containsExactly("ufw", "comment", "café");
  }

  @Test
  void keepsTheArgsWhenTheCmdlineDoesNotMatch() {
    byte[] cmdline = "java\0other\0".getBytes(StandardCharsets.UTF_8);
    String[] args = {"ufw", "x"};
    assertThat(Utf8Args.fromCmdline(cmdline, args)).containsExactly("ufw", "x");
  }
}
