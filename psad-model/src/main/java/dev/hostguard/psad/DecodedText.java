package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a psad file as text: UTF-8 when they are well-formed UTF-8, otherwise ISO-8859-1 (one
 * char a byte, as psad's Perl sees them), so encoding the text with {@link #charset()} gives the
 * same bytes back.
 */
record DecodedText(String text, Charset charset) {

  static DecodedText of(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new DecodedText(text, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      return new DecodedText(
          new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }
  }
}
