package dev.hostguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParseExceptionTest {
  @Test
  void messageReadsLikeACompilers() {
    ParseException e =
        ParseException.at("before.rules", SourcePosition.of(12, 5), "-A x", "unknown chain 'x'");
    assertThat(e).hasMessage("before.rules:12:5: unknown chain 'x'");
    assertThat(e.reason()).isEqualTo("unknown chain 'x'");
    assertThat(e.lineText()).isEqualTo("-A x");
    assertThat(e.position().offset()).isEqualTo(-1);
  }

  @Test
  void inLineTakesThePositionFromTheDocument() {
    LineDocument doc = LineDocument.parse("psad.conf", "A 1;\nB x;\n");
    ParseException e = ParseException.inLine(doc, 1, 2, "bad value");
    assertThat(e).hasMessage("psad.conf:2:3: bad value");
    assertThat(e.position().offset()).isEqualTo(7);
    assertThat(e.lineText()).isEqualTo("B x;");
  }

  @Test
  void positionsAreValidated() {
    assertThatThrownBy(() -> SourcePosition.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourcePosition.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
