package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.psad.gen.PsadConfGens;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.RoundTripAssertions;
import dev.hostguard.testing.gen.TextGens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Laws of the psad.conf document: lossless on any bytes, edits local, set twice = set once. */
class PsadConfPropertiesTest {

  @Test
  void anyBytesRoundTrip() {
    qt().withFixedSeed(5L)
        .withExamples(2000)
        .forAll(TextGens.bytes(300))
        .checkAssert(b -> assertThat(PsadConfDocument.parse("p", b).toBytes()).isEqualTo(b));
  }

  @Test
  void anyLinesRoundTripAndEntriesRenderTheirLine() {
    qt().withFixedSeed(6L)
        .withExamples(1000)
        .forAll(TextGens.lines())
        .checkAssert(
            text -> {
              PsadConfDocument doc =
                  RoundTripAssertions.assertLossless(
                      text, t -> PsadConfDocument.parse("p", t), PsadConfDocument::render);
              for (PsadConfEntry e : doc.entries()) {
                assertThat(e.text()).isEqualTo(doc.lines().text(e.lineIndex()));
              }
            });
  }

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void settingAValueChangesOneLineAndIsIdempotent() throws IOException {
    String base = Files.readString(Path.of("/etc/psad/psad.conf"), StandardCharsets.UTF_8);
    // the assumption discards values with ';' or a leading blank: most are kept
    Exploration.Floor checked = Exploration.floor("psad.conf value edits", 150);
    qt().withFixedSeed(7L)
        .withExamples(200)
        .forAll(
            PsadConfGens.variants(base),
            SourceDSL.integers().between(0, 40),
            SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .assuming((text, i, v) -> v.indexOf(';') < 0 && (v.isEmpty() || v.charAt(0) != ' '))
        .checkAssert(
            (text, i, value) -> {
              PsadConfDocument doc = PsadConfDocument.parse("p", text);
              PsadConfEntry target =
                  doc.variables().values().asList().get(i % doc.variables().size());
              PsadConfDocument once = doc.withValue(target.key(), value);
              assertThat(once.rawValue(target.key())).contains(value);
              assertThat(once.withValue(target.key(), value)).isSameAs(once);
              RoundTripAssertions.assertEditLocality(
                  text, once.render(), Set.of(target.lineIndex()));
              checked.count();
            });
    checked.verify();
  }
}
