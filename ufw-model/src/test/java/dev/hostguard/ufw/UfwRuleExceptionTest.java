package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refused command line says what is wrong and which word; {@code ufwMessage()} stays what ufw
 * prints (checked against the real ufw by UfwDryRunDifferentialTest).
 */
class UfwRuleExceptionTest {
  private static final UfwRuleParser PARSER =
      UfwRuleParser.of(ServicesDatabase.parse("services", "ssh 22/tcp\n"));

  private static UfwRuleException refusal(String... argv) {
    return catchThrowableOfType(() -> PARSER.parse(List.of(argv)), UfwRuleException.class);
  }

  @Test
  void aQuoteInACommentNamesTheWordAndTheReason() {
    UfwRuleException e = refusal("allow", "in", "22", "comment", "x'y");
    assertThat(e.getMessage()).isEqualTo("<argv>: word 5 'x'y': Comment may not contain \"'\"");
    assertThat(e.reason()).isEqualTo("Comment may not contain \"'\"");
    assertThat(e.ufwMessage()).isEqualTo("Invalid syntax");
    assertThat(e.isSyntaxError()).isTrue();
    assertThat(e.wordIndex()).isEqualTo(4);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(5);
  }

  @Test
  void ufwsOwnMessageIsTheReasonWhereUfwSaysWhatIsWrong() {
    UfwRuleException e = refusal("allow", "to", "any", "port", "99999");
    assertThat(e.ufwMessage()).isEqualTo("Bad port '99999'");
    assertThat(e.reason()).isEqualTo("Bad port '99999'");
    assertThat(e.isSyntaxError()).isFalse();
    assertThat(e.getMessage()).isEqualTo("<argv>: word 5 '99999': Bad port '99999'");
  }

  @Test
  void aBareActionIsInvalidSyntaxAtItsWord() {
    UfwRuleException e = refusal("allow");
    assertThat(e.ufwMessage()).isEqualTo("Invalid syntax");
    assertThat(e.wordIndex()).isZero();
    assertThat(e.getMessage()).startsWith("<argv>: word 1 'allow': ");
  }
}
