package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Options are enums with a builder: ufw's stock values by default, chain policies checked. */
class UserRulesOptionsTest {
  @Test
  void stockIsDebiansDryRun() {
    UserRulesOptions o = UserRulesOptions.stock();
    assertThat(o.logLevel()).isEqualTo(UfwLogLevel.LOW);
    assertThat(List.of(o.inputPolicy(), o.outputPolicy(), o.forwardPolicy()))
        .containsExactly(UfwPolicy.DENY, UfwPolicy.ALLOW, UfwPolicy.DENY);
    assertThat(o.rateLimitV4()).isTrue();
    assertThat(o.rateLimitV6()).isFalse();
  }

  @Test
  void skipIsNoChainPolicy() {
    assertThatThrownBy(() -> UserRulesOptions.builder().outputPolicy(UfwPolicy.SKIP).build())
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Unsupported policy 'skip'");
  }

  @Test
  void policiesChooseTheLoggingLines() {
    UserRulesOptions allowOut = UserRulesOptions.stock();
    UserRulesOptions denyOut = allowOut.withOutputPolicy(UfwPolicy.DENY);
    String allow = UserRulesFile.of(List.of(), false, allowOut).render();
    String deny = UserRulesFile.of(List.of(), false, denyOut).render();
    assertThat(allow).doesNotContain("-A ufw-after-logging-output");
    assertThat(deny)
        .contains(
            "-A ufw-after-logging-output -j LOG --log-prefix \"[UFW BLOCK] \" -m limit --limit"
                + " 3/min --limit-burst 10\n");
    assertThat(UserRulesFile.of(List.of(), false, allowOut.withLogLevel(UfwLogLevel.OFF)).render())
        .contains("-I ufw-user-logging-input -j RETURN\n");
  }

  @Test
  void logLevelWords() {
    assertThat(UfwLogLevel.fromWord("medium")).contains(UfwLogLevel.MEDIUM);
    assertThat(UfwLogLevel.fromWord("Medium")).isEmpty();
    assertThat(UfwLogLevel.FULL.word()).isEqualTo("full");
  }
}
