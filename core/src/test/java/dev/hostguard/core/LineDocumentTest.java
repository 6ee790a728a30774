package dev.hostguard.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDocumentTest {
  @Test
  void splitsOnLfAndCrlfAndKeepsAMissingFinalNewline() {
    LineDocument doc = LineDocument.parse("f", "a\nb\r\nc");
    assertThat(doc.size()).isEqualTo(3);
    assertThat(doc.line(0)).isEqualTo(Line.of("a", LineTerminator.LF));
    assertThat(doc.line(1)).isEqualTo(Line.of("b", LineTerminator.CRLF));
    assertThat(doc.line(2)).isEqualTo(Line.of("c", LineTerminator.NONE));
    assertThat(doc.render()).isEqualTo("a\nb\r\nc");
  }

  @Test
  void loneCarriageReturnsTrailingSpacesAndTabsStayInTheText() {
    String text = "x\ry \t\n\t\n\r";
    LineDocument doc = LineDocument.parse("f", text);
    assertThat(doc.text(0)).isEqualTo("x\ry \t");
    assertThat(doc.text(1)).isEqualTo("\t");
    assertThat(doc.text(2)).isEqualTo("\r");
    assertThat(doc.line(2).terminator()).isEqualTo(LineTerminator.NONE);
    assertThat(doc.render()).isEqualTo(text);
  }

  @Test
  void emptyTextHasNoLines() {
    assertThat(LineDocument.parse("f", "").size()).isZero();
    assertThat(LineDocument.parse("f", "\n").lines())
        .containsExactly(Line.of("", LineTerminator.LF));
  }

  @Test
  void malformedUtf8IsKeptByteForByte() {
    byte[] bytes = {'o', 'k', '\n', (byte) 0xC3, '(', ' ', (byte) 0xFF, '\r', '\n', 'z'};
    LineDocument doc = LineDocument.parse("f", bytes);
    assertThat(doc.line(0).isWellFormed()).isTrue();
    assertThat(doc.line(1).isWellFormed()).isFalse();
    assertThat(doc.line(1).terminator()).isEqualTo(LineTerminator.CRLF);
    assertThat(doc.isWellFormed()).isFalse();
    assertThat(doc.toBytes()).isEqualTo(bytes);
  }

  @Test
  void strictParsingRefusesMalformedUtf8WithAPosition() {
    byte[] bytes = "one\ntwo é\nab\u0000".getBytes(UTF_8);
    bytes[bytes.length - 1] = (byte) 0x80;
    assertThatThrownBy(() -> LineDocument.parseUtf8("conf", bytes))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.sourceName()).isEqualTo("conf");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(3);
              assertThat(e.reason()).isEqualTo("invalid UTF-8");
              assertThat(e.getMessage()).isEqualTo("conf:3:3: invalid UTF-8");
            });
  }

  @Test
  void utf8IsDecodedAsUtf8() {
    LineDocument doc = LineDocument.parse("f", "é日本\n".getBytes(UTF_8));
    assertThat(doc.text(0)).isEqualTo("é日本");
    assertThat(doc.toBytes()).isEqualTo("é日本\n".getBytes(UTF_8));
  }

  @Test
  void positionsCountLinesColumnsAndOffsets() {
    LineDocument doc = LineDocument.parse("f", "ab\r\ncde\nf");
    assertThat(doc.position(0, 0)).isEqualTo(SourcePosition.of(1, 1, 0));
    assertThat(doc.position(1, 2)).isEqualTo(SourcePosition.of(2, 3, 6));
    assertThat(doc.position(2, 0)).isEqualTo(SourcePosition.of(3, 1, 8));
    assertThat(doc.position(2, 0).toString()).isEqualTo("3:1");
  }

  @Test
  void insertingKeepsEveryOtherLineAndTheFilesLineEndings() {
    LineDocument doc = LineDocument.parse("f", "*filter\r\n-A x\r\nCOMMIT\r\n");
    LineDocument edited = doc.withLinesInserted(2, List.of("# log", "-A y"));
    assertThat(edited.render()).isEqualTo("*filter\r\n-A x\r\n# log\r\n-A y\r\nCOMMIT\r\n");
    assertThat(doc.render()).isEqualTo("*filter\r\n-A x\r\nCOMMIT\r\n");
  }

  @Test
  void appendingToAnUnterminatedTextKeepsItUnterminated() {
    LineDocument doc = LineDocument.parse("f", "a\nb");
    assertThat(doc.withLinesInserted(2, List.of("c")).render()).isEqualTo("a\nb\nc");
    assertThat(doc.withLinesInserted(1, List.of("c")).render()).isEqualTo("a\nc\nb");
  }

  @Test
  void removingAndReplacing() {
    LineDocument doc = LineDocument.parse("f", "a\nb\nc");
    assertThat(doc.withLinesRemoved(1, 2).render()).isEqualTo("a\nc");
    assertThat(doc.withLinesRemoved(2, 3).render()).isEqualTo("a\nb");
    assertThat(doc.withLine(1, "B").render()).isEqualTo("a\nB\nc");
    assertThat(doc.withLine(2, "C").render()).isEqualTo("a\nb\nC");
    assertThat(doc.withLinesReplaced(0, 2, List.of("x")).render()).isEqualTo("x\nc");
    assertThatThrownBy(() -> doc.withLinesRemoved(2, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void newLineTextsCannotSmuggleNewlines() {
    LineDocument doc = LineDocument.parse("f", "a\n");
    assertThatThrownBy(() -> doc.withLinesInserted(0, List.of("x\ny")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityIsByLines() {
    assertThat(LineDocument.parse("a", "x\n")).isEqualTo(LineDocument.parse("b", "x\n"));
    assertThat(LineDocument.parse("a", "x\n")).isNotEqualTo(LineDocument.parse("a", "x\r\n"));
  }

  @Test
  void aDocumentReadFromBytesAgreesWithOneReadFromItsText() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(300_000);
    String[] pieces = {"a", "b c", "é", "😀", "\n", "\r", "\r\n", "\t"};
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(10); k > 0; k--) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      byte[] bytes = text.getBytes(UTF_8);
      LineDocument fromBytes = LineDocument.parse("f", bytes);
      LineDocument fromText = LineDocument.parse("f", text);
      assertThat(fromBytes.size()).isEqualTo(fromText.size());
      for (int l = 0; l < fromText.size(); l++) {
        assertThat(fromBytes.line(l)).isEqualTo(fromText.line(l));
        assertThat(fromBytes.position(l, 0)).isEqualTo(fromText.position(l, 0));
      }
      assertThat(fromBytes.defaultTerminator()).isEqualTo(fromText.defaultTerminator());
      assertThat(fromBytes.render()).isEqualTo(text);
      assertThat(fromBytes.toBytes()).isEqualTo(bytes);
      assertThat(fromBytes).isEqualTo(fromText);
      assertThat(fromBytes.lines()).isEqualTo(fromText.lines());
      assertThat(fromBytes.withLinesInserted(0, List.of("x")).render())
          .isEqualTo(fromText.withLinesInserted(0, List.of("x")).render());
    }
  }
}
