package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer: the status parser either refuses with a StatusParseException or round-trips. */
class UfwStatusFuzzTest {
  @FuzzTest
  void statusParser(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    UfwStatusOutput out;
    try {
      out = UfwStatusOutput.parse("<fuzz>", text);
    } catch (StatusParseException e) {
      assertThat(e.line()).isPositive();
      return;
    }
    assertThat(out.render()).isEqualTo(text);
    assertThat(UfwStatusOutput.parse("<fuzz>", out.render())).isEqualTo(out);
  }
}
