package dev.hostguard.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The lossless law and edit locality of {@link LineDocument}, as QuickTheories properties. */
class LineDocumentPropertiesTest {

  /** Bytes biased towards CR, LF and the lead bytes of multi-byte UTF-8 sequences. */
  static Gen<byte[]> bytes() {
    Gen<Byte> any = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
    Gen<Byte> tricky =
        Generate.pick(List.of((byte) '\n', (byte) '\r', (byte) 0xC3, (byte) 0xA9, (byte) 0xF0));
    return Generate.byteArrays(Generate.range(0, 300), any.mix(tricky, 40));
  }

  @Test
  void renderOfParseIsTheInputForArbitraryBytes() {
    qt().withFixedSeed(20261125L)
        .withExamples(10_000)
        .forAll(bytes())
        .check(b -> Arrays.equals(LineDocument.parse("p", b).toBytes(), b));
  }

  @Test
  void renderOfParseIsTheInputForArbitraryText() {
    qt().withFixedSeed(42L)
        .withExamples(10_000)
        .forAll(bytes().map(b -> new String(b, UTF_8)))
        .check(t -> LineDocument.parse("p", t).render().equals(t));
  }

  @Test
  void replacingOneLineChangesOnlyThatLine() {
    qt().withFixedSeed(7L)
        .withExamples(2_000)
        .forAll(bytes().map(b -> new String(b, UTF_8)), Generate.range(0, 1000))
        .check(
            (t, i) -> {
              LineDocument doc = LineDocument.parse("p", t);
              if (doc.size() == 0) {
                return true; // nothing to replace (QuickTheories' assuming() gives up here)
              }
              int index = i % doc.size();
              LineDocument edited = doc.withLine(index, "edited");
              if (edited.size() != doc.size()) {
                return false;
              }
              for (int k = 0; k < doc.size(); k++) {
                boolean same = doc.line(k).equals(edited.line(k));
                if (k == index ? same && !doc.text(k).equals("edited") : !same) {
                  return false;
                }
              }
              return edited.line(index).terminator() == doc.line(index).terminator();
            });
  }

  @Test
  void insertingThenRemovingRestoresTheText() {
    qt().withFixedSeed(9L)
        .withExamples(2_000)
        .forAll(bytes().map(b -> new String(b, UTF_8)), Generate.range(0, 1000))
        .check(
            (t, i) -> {
              LineDocument doc = LineDocument.parse("p", t);
              int index = i % (doc.size() + 1);
              LineDocument edited = doc.withLinesInserted(index, List.of("# a", "# b"));
              LineDocument back = edited.withLinesRemoved(index, index + 2);
              return back.render().equals(t) && edited.size() == doc.size() + 2;
            });
  }
}
