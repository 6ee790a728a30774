package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripAssertionsTest {
  @Test
  void losslessPassesForTheLineDocumentAndFailsForALossyFormat() {
    String text = "a\r\nb \n\tc";
    assertThatCode(
            () ->
                RoundTripAssertions.assertLossless(
                    text, t -> LineDocument.parse("x", t), LineDocument::render))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> RoundTripAssertions.assertLossless(text, t -> t.replace("\r\n", "\n"), s -> s))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("line 1 differs");
  }

  @Test
  void losslessDocumentFileAssertionComparesBytes(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("user.rules");
    byte[] bytes = {'a', '\r', '\n', (byte) 0xff, 'b', '\n'}; // not UTF-8 on line 2
    Files.write(file, bytes);
    LineDocument doc = RoundTripAssertions.assertLossless(file, LineDocument::parse);
    org.assertj.core.api.Assertions.assertThat(doc.size()).isEqualTo(2);

    // A document that decodes bytes leniently (U+FFFD) and re-encodes them is caught.
    assertThatThrownBy(
            () ->
                RoundTripAssertions.assertLossless(
                    file,
                    (name, b) -> LineDocument.parse(name, new String(b, StandardCharsets.UTF_8))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not lossless");
  }

  @Test
  void losslessDocumentTextAssertionChecksRenderAndBytes() {
    assertThatCode(() -> RoundTripAssertions.assertLossless("x", "é\r\nb", LineDocument::parse))
        .doesNotThrowAnyException();
    LosslessDocument lossy =
        new LosslessDocument() {
          @Override
          public String sourceName() {
            return "x";
          }

          @Override
          public String render() {
            return "a\n";
          }

          @Override
          public byte[] toBytes() {
            return "a\r\n".getBytes(StandardCharsets.UTF_8);
          }
        };
    assertThatThrownBy(() -> RoundTripAssertions.assertLossless("x", "a\n", (n, t) -> lossy))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("toBytes()");
  }

  @Test
  void modelRoundTripDetectsALossyRenderer() {
    assertThatCode(
            () ->
                RoundTripAssertions.assertModelRoundTrip(
                    List.of("a", "b"), l -> String.join(",", l), s -> List.of(s.split(","))))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                RoundTripAssertions.assertModelRoundTrip(
                    List.of("a,b"), l -> String.join(",", l), s -> List.of(s.split(","))))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void editLocalityAllowsOnlyTheNamedLines() {
    String before = "*filter\n-A x\nCOMMIT\n";
    String inserted = "*filter\n-A x\n# log\n-A y\nCOMMIT\n";
    assertThatCode(() -> RoundTripAssertions.assertEditLocality(before, inserted, Set.of(2, 3)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> RoundTripAssertions.assertEditLocality(before, inserted, Set.of(3)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[2]");
    String reformatted = "*filter\n-A  x\n# log\n-A y\nCOMMIT\n";
    assertThatThrownBy(
            () -> RoundTripAssertions.assertEditLocality(before, reformatted, Set.of(2, 3)))
        .isInstanceOf(AssertionError.class);
    String dropped = "*filter\nCOMMIT\n";
    assertThatThrownBy(() -> RoundTripAssertions.assertEditLocality(before, dropped, Set.of()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("removed");
  }

  @Test
  void onlyLinesRemoved() {
    String before = "a\nb\nc\nd\n";
    assertThatCode(() -> RoundTripAssertions.assertOnlyLinesRemoved(before, "a\nd\n", Set.of(1, 2)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> RoundTripAssertions.assertOnlyLinesRemoved(before, "a\nx\nd\n", Set.of(1, 2)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void onlyLinesAdded() {
    String before = "a\nb\nc\n";
    assertThatCode(
            () -> RoundTripAssertions.assertOnlyLinesAdded(before, "a\nx\nb\nc\ny\n", Set.of(1, 4)))
        .doesNotThrowAnyException();
    // the right lines added, but a kept line lost its terminator style
    assertThatThrownBy(
            () -> RoundTripAssertions.assertOnlyLinesAdded(before, "a\nx\nb\r\nc\n", Set.of(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("removed [1]");
    // added elsewhere than said
    assertThatThrownBy(
            () -> RoundTripAssertions.assertOnlyLinesAdded(before, "a\nb\nx\nc\n", Set.of(1)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void onlyLinesChanged() {
    String before = "K=1\nL=2\nM=3";
    assertThatCode(
            () -> RoundTripAssertions.assertOnlyLinesChanged(before, "K=1\nL=9\nM=3", Set.of(1)))
        .doesNotThrowAnyException();
    // a second line changed too
    assertThatThrownBy(
            () -> RoundTripAssertions.assertOnlyLinesChanged(before, "K=1\nL=9\nM=4", Set.of(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[1, 2]");
    // the named line did not change
    assertThatThrownBy(() -> RoundTripAssertions.assertOnlyLinesChanged(before, before, Set.of(1)))
        .isInstanceOf(AssertionError.class);
    // a final newline added to the last line is a change of that line
    assertThatThrownBy(
            () -> RoundTripAssertions.assertOnlyLinesChanged(before, "K=1\nL=9\nM=3\n", Set.of(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[1, 2]");
    assertThatThrownBy(
            () -> RoundTripAssertions.assertOnlyLinesChanged(before, "K=1\nL=2\n", Set.of()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("line count");
  }
}
