package dev.hostguard.ufw.status;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Python's {@code bytes.decode("utf-8", "backslashreplace")}, which ufw uses for comments. */
final class PythonText {
  private PythonText() {}

  static String decodeUtf8BackslashReplace(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (r.isOverflow()) {
        throw new AssertionError("buffer sized for the worst case");
      }
      if (r.isError()) {
        for (int i = 0; i < r.length(); i++) {
          out.put(String.format(Locale.ROOT, "\\x%02x", in.get() & 0xff));
        }
      }
    }
    out.flip();
    return out.toString();
  }
}
