package dev.hostguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link PythonText} against the real Python 3 ({@code /usr/bin/python3}, the interpreter ufw
 * and fail2ban run on) on generated strings: every method, every string, one Python process.
 */
@Tag("real-tool")
class PythonTextDifferentialTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final HexFormat HEX = HexFormat.of();
  private static final int STRINGS = 3000;
  private static final int BYTE_STRINGS = 500;

  /** Code points that tell Python's string behaviour apart from Java's defaults. */
  private static final int[] PALETTE = {
    ' ', '\t', '\n', '\r', 0x0b, 0x0c, 0x1c, 0x1f, 0x85, 0xa0, 0x1680, 0x2000, 0x2007, 0x200a,
    0x200b, 0x2028, 0x202f, 0x205f, 0x3000, 0xfeff, 0x00ad, '0', '7', '9', '+', '-', '_', '\'', '"',
    '\\', 0x7f, 0x00, 0x01, 0x0660, 0x0669, 0x06f5, 0x0966, 0xff10, 0xff19, 0x00b2, 0x00bd, 0x2460,
    0x2163, 0x3007, 0x1d7ce, 0x104a0, 'A', 'Z', 'a', 'z', 0xc9, 0xdf, 0x130, 0x131, 0x3a3, 0x3c3,
    0x1c5, 0x1e9e, 0x2126, 0x212a, 0x0301, 0x0345, 0x4e2d, 0x1f600, 0xe000, 0x10ffff, 0xfffd, 0x2c,
    0x3a, 0xd7ff, 0x2d, 0x2e, 0x1f
  };

  @Test
  void everyHelperAgreesWithPython3OnGeneratedStrings() throws Exception {
    assertThat(PYTHON)
        .as("/usr/bin/python3 (installed with ufw and fail2ban: apt-get install python3)")
        .exists();
    long seed = Long.getLong("hostguard.seed", 20261130L);
    Random random = new Random(seed);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < STRINGS; i++) {
      strings.add(randomString(random, i));
    }
    List<byte[]> byteStrings = new ArrayList<>();
    for (int i = 0; i < BYTE_STRINGS; i++) {
      byte[] b = new byte[random.nextInt(12)];
      random.nextBytes(b);
      if (i % 3 == 0 && b.length > 0) {
        byte[] utf8 = randomString(random, i).getBytes(StandardCharsets.UTF_8);
        b = concat(utf8, b);
      }
      byteStrings.add(b);
    }

    StringBuilder input = new StringBuilder();
    for (String s : strings) {
      input.append("s ").append(HEX.formatHex(s.getBytes(StandardCharsets.UTF_8))).append('\n');
    }
    for (byte[] b : byteStrings) {
      input.append("b ").append(HEX.formatHex(b)).append('\n');
    }
    List<String> out = runPython(input.toString());
    assertThat(out).hasSize(STRINGS + BYTE_STRINGS);

    int checked = 0;
    for (int i = 0; i < STRINGS; i++) {
      String s = strings.get(i);
      String[] py = out.get(i).split(" ", -1);
      String where = "seed " + seed + ", string " + i + " " + PythonText.reprString(s);
      assertThat(hex(PythonText.strip(s))).as("strip: " + where).isEqualTo(py[0]);
      assertThat(hex(PythonText.rstrip(s))).as("rstrip: " + where).isEqualTo(py[1]);
      assertThat(hex(PythonText.lower(s))).as("lower: " + where).isEqualTo(py[2]);
      assertThat(PythonText.parseInt(s).map(BigInteger::toString).orElse("E"))
          .as("int(): " + where)
          .isEqualTo(py[3]);
      assertThat(hex(PythonText.reprString(s))).as("repr: " + where).isEqualTo(py[4]);
      assertThat(flags(s)).as("isspace/\\d/\\w/isprintable per char: " + where).isEqualTo(py[5]);
      assertThat(PythonText.isDigits(s)).as("re ^\\d+$: " + where).isEqualTo(py[6].equals("1"));
      checked++;
    }
    for (int i = 0; i < BYTE_STRINGS; i++) {
      byte[] b = byteStrings.get(i);
      assertThat(hex(PythonText.decodeUtf8BackslashReplace(b)))
          .as("decode backslashreplace: seed " + seed + ", bytes " + HEX.formatHex(b))
          .isEqualTo(out.get(STRINGS + i));
      checked++;
    }
    System.out.println(
        "PythonTextDifferentialTest: N="
            + checked
            + " inputs checked against python3, seed "
            + seed);
  }

  @Test
  void reprOfNestedValuesIsPythons() {
    // Fixed expectations written from Python 3.11's documented repr, not from the code.
    assertThat(PythonText.repr(List.of("a", BigInteger.TEN, true))).isEqualTo("['a', 10, True]");
    assertThat(PythonText.repr(null)).isEqualTo("None");
    assertThat(PythonText.str(Boolean.FALSE)).isEqualTo("False");
    assertThat(PythonText.reprString("it's")).isEqualTo("\"it's\"");
    assertThat(PythonText.reprString("'\"")).isEqualTo("'\\'\"'");
  }

  @Test
  void clampToLongKeepsSmallValuesAndClampsHugeOnes() {
    assertThat(PythonText.clampToLong(BigInteger.valueOf(-5))).isEqualTo(-5);
    assertThat(PythonText.clampToLong(new BigInteger("99999999999999999999")))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(PythonText.clampToLong(new BigInteger("-99999999999999999999")))
        .isEqualTo(Long.MIN_VALUE);
  }

  private static String flags(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            cp ->
                b.append(PythonText.isSpace(cp) ? '1' : '0')
                    .append(PythonText.isDigit(cp) ? '1' : '0')
                    .append(PythonText.isWord(cp) ? '1' : '0')
                    .append(PythonText.isPrintable(cp) ? '1' : '0'));
    return b.toString();
  }

  private static String randomString(Random random, int i) {
    StringBuilder b = new StringBuilder();
    int len = random.nextInt(8);
    if (i % 4 == 0) {
      // number-like: int() must see signs, underscores, spaces and foreign digits
      String[] parts = {" ", "+", "-", "_", "1", "0", "9", "\u0663", "\uff15", "\u2003", "\n", "x"};
      for (int k = 0; k < len; k++) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      if (i % 8 == 0) {
        b.append("123456789012345678901234567890".substring(random.nextInt(25)));
      }
      return b.toString();
    }
    for (int k = 0; k < len; k++) {
      int cp;
      if (random.nextInt(3) == 0) {
        cp = randomDefinedCodePoint(random);
      } else {
        cp = PALETTE[random.nextInt(PALETTE.length)];
      }
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  private static int randomDefinedCodePoint(Random random) {
    while (true) {
      int cp = random.nextInt(4) == 0 ? random.nextInt(0x30000) : random.nextInt(0x3000);
      // Java 17 knows Unicode 13, Python 3.11 Unicode 14: compare only what both know.
      if (Character.isDefined(cp) && Character.getType(cp) != Character.SURROGATE) {
        return cp;
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String hex(String s) {
    return HEX.formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  private static final String SCRIPT =
      String.join(
          "\n",
          "import re, sys",
          "def h(s): return s.encode('utf-8', 'surrogatepass').hex()",
          "def num(s):",
          "    try: return str(int(s))",
          "    except ValueError: return 'E'",
          "def flags(s):",
          "    return ''.join(('1' if c.isspace() else '0') + ('1' if re.match(r'\\d', c) else '0')"
              + " + ('1' if re.match(r'\\w', c) else '0') + ('1' if c.isprintable() else '0')"
              + " for c in s)",
          "for line in sys.stdin.buffer.read().decode('ascii').splitlines():",
          "    kind, data = line.split(' ')",
          "    raw = bytes.fromhex(data)",
          "    if kind == 'b':",
          "        print(h(raw.decode('utf-8', 'backslashreplace')))",
          "        continue",
          "    s = raw.decode('utf-8')",
          "    print(' '.join([h(s.strip()), h(s.rstrip()), h(s.lower()), num(s), h(repr(s)),"
              + " flags(s), '1' if re.match(r'^\\d+$', s) else '0']))");

  private static List<String> runPython(String input) throws Exception {
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    CompletableFuture<byte[]> stdout =
        CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.US_ASCII));
    }
    byte[] bytes = stdout.get(60, TimeUnit.SECONDS);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("python3 exit code").isZero();
    return List.of(new String(bytes, StandardCharsets.US_ASCII).split("\n", -1))
        .subList(0, STRINGS + BYTE_STRINGS);
  }

  private static byte[] readAll(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
