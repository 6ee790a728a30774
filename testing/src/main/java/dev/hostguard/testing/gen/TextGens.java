package dev.hostguard.testing.gen;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Format-agnostic QuickTheories generators: raw bytes, single lines, whole texts with mixed line
 * endings, comments and whitespace. Format generators live in each model module's {@code gen}
 * package and build on these.
 *
 * <pre>{@code
 * qt().forAll(TextGens.bytes(4096)).check(b -> Arrays.equals(LineDocument.parse("x", b).toBytes(), b));
 * qt().forAll(TextGens.lines()).check(t -> LineDocument.parse("x", t).render().equals(t));
 * }</pre>
 */
public final class TextGens {
  private static final String SPECIALS = " \t\r#;=:[]%$'\"\\/,.-_*";
  private static final String UNICODE = "éüß日本語🙂\u00a0\u2028";

  private TextGens() {}

  /** Arbitrary byte arrays up to {@code maxLength}, biased towards line-ending bytes. */
  public static Gen<byte[]> bytes(int maxLength) {
    Gen<Byte> anyByte = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
    Gen<Byte> lineish = Generate.pick(List.of((byte) '\n', (byte) '\r', (byte) ' ', (byte) '#'));
    return Generate.byteArrays(Generate.range(0, maxLength), anyByte.mix(lineish, 30));
  }

  /**
   * One line's text without terminator (at most 60 code points): ASCII, tabs, separators,
   * non-ASCII.
   */
  public static Gen<String> line() {
    return chars(0, 60);
  }

  /** Whitespace runs of spaces and tabs, possibly empty. */
  public static Gen<String> whitespace() {
    return Generate.range(0, 6)
        .zip(
            Generate.longRange(0, Long.MAX_VALUE),
            (len, bits) -> {
              StringBuilder sb = new StringBuilder();
              for (int i = 0; i < len; i++) {
                sb.append(((bits >> i) & 1) == 0 ? ' ' : '\t');
              }
              return sb.toString();
            });
  }

  /** A comment line: optional indentation, {@code prefix}, then text. */
  public static Gen<String> comment(String prefix) {
    return whitespace().zip(line(), (ws, text) -> ws + prefix + text.replace("\r", ""));
  }

  /** Whole texts: up to 20 lines joined by LF or CRLF, with or without a final newline. */
  public static Gen<String> lines() {
    Gen<List<String>> lineLists = listOf(line(), 20);
    return lineLists.zip(
        Generate.longRange(0, Long.MAX_VALUE),
        Generate.booleans(),
        (ls, bits, finalNewline) -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < ls.size(); i++) {
            String l = ls.get(i);
            boolean last = i == ls.size() - 1;
            if (last && !finalNewline) {
              sb.append(l);
            } else {
              sb.append(l).append(((bits >> (i % 63)) & 1) == 0 ? "\n" : "\r\n");
            }
          }
          return sb.toString();
        });
  }

  /** Lists of up to {@code max} elements of {@code element}. */
  public static <T> Gen<List<T>> listOf(Gen<T> element, int max) {
    return Generate.range(0, max)
        .flatMap(
            n ->
                rnd -> {
                  List<T> out = new ArrayList<>(n);
                  for (int i = 0; i < n; i++) {
                    out.add(element.generate(rnd));
                  }
                  return out;
                });
  }

  private static Gen<String> chars(int min, int max) {
    Gen<String> ascii = Generate.characters(' ', '~').map((Character c) -> String.valueOf(c));
    Gen<String> special = Generate.pick(codePoints(SPECIALS));
    Gen<String> unicode = Generate.pick(codePoints(UNICODE));
    Gen<String> any = ascii.mix(special, 30).mix(unicode, 10);
    return listOf(any, max)
        .map(cs -> String.join("", cs))
        .assuming(s -> s.codePointCount(0, s.length()) >= min);
  }

  /** Each code point of {@code s} as its own string (so no surrogate is ever split). */
  private static List<String> codePoints(String s) {
    List<String> out = new ArrayList<>();
    s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
    return out;
  }
}
