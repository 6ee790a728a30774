package dev.hostguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static final CharsetDecoder STRICT =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private static boolean strictDecoderAccepts(byte[] b) {
    try {
      STRICT.reset().decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void agreesWithJavasStrictDecoderOnEveryShortSequence() {
    // every 1- and 2-byte array; 3-byte arrays led by a 3- or 4-byte start, the next bytes around
    // the continuation range
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (int a = 0; a < 256; a++) {
      n += check(new byte[] {(byte) a}, wrong);
      for (int b = 0; b < 256; b++) {
        n += check(new byte[] {(byte) a, (byte) b}, wrong);
        if (a >= 0xe0 && a <= 0xf5 && b >= 0x70 && b < 0xc8) {
          for (int c = 0x70; c < 0xc8; c++) {
            n += check(new byte[] {(byte) a, (byte) b, (byte) c}, wrong);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(n).isGreaterThan(100_000);
  }

  @Test
  void agreesWithJavasStrictDecoderOnRandomTextsAndParts() {
    SplittableRandom r = new SplittableRandom(15);
    String[] pieces = {"a", "é", "€", "😀", "\n", "\r", " "};
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      if (b.length > 0 && r.nextBoolean()) {
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      }
      List<String> wrong = new ArrayList<>();
      check(b, wrong);
      assertThat(wrong).isEmpty();
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      int to = from + r.nextInt(b.length - from + 1);
      assertThat(Utf8.isWellFormed(b, from, to))
          .isEqualTo(strictDecoderAccepts(java.util.Arrays.copyOfRange(b, from, to)));
    }
  }

  /** Adds the bytes' hex to {@code wrong} when the two tests disagree; returns 1. */
  private static int check(byte[] b, List<String> wrong) {
    if (Utf8.isWellFormed(b, 0, b.length) != strictDecoderAccepts(b)) {
      wrong.add(java.util.HexFormat.of().formatHex(b));
    }
    return 1;
  }
}
