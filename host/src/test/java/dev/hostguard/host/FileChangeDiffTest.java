package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileChange#unifiedDiff()} against GNU {@code diff -u} on the same two files. */
class FileChangeDiffTest {
  @TempDir Path tmp;

  @Test
  void generatedEditsDiffAsGnuDiffDoes() {
    qt().withExamples(150)
        .withFixedSeed(20261130L)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<String> a = new ArrayList<>();
              int n = r.nextInt(30);
              for (int i = 0; i < n; i++) {
                a.add("line " + i);
              }
              List<String> b = new ArrayList<>();
              int fresh = 0;
              for (String line : a) {
                int op = r.nextInt(20);
                if (op < 2) {
                  b.add("new " + fresh++); // inserted before
                  b.add(line);
                } else if (op < 4) {
                  b.add("new " + fresh++); // replaced
                } else if (op >= 6) {
                  b.add(line);
                } // else deleted
              }
              for (int i = r.nextInt(3); i > 0; i--) {
                b.add("new " + fresh++);
              }
              assertSameAsGnu(text(a, r.nextInt(5) > 0), text(b, r.nextInt(5) > 0));
            });
  }

  @Test
  void fixedCasesDiffAsGnuDiffDoes() {
    assertSameAsGnu("a\n", "a");
    assertSameAsGnu("a", "a\n");
    assertSameAsGnu("a", "b");
    assertSameAsGnu("", "x\ny\n");
    assertSameAsGnu("x\ny\n", "");
    assertSameAsGnu("1\n2\n3\n4\n5\n6\n7\n8\n9\nlast", "1\nTWO\n3\n4\n5\n6\n7\n8\n9\nlast");
    assertSameAsGnu("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n");
    assertSameAsGnu("tab\there\r\n  spaces  \n", "tab\there\n  spaces  \n");
  }

  @Test
  void headersAreGitsAndANewFileComesFromDevNull() throws IOException {
    Path f = Path.of("/etc/ufw/before.rules");
    FileChange change =
        FileChange.of(f, Optional.of("a\nb\n".getBytes(UTF_8)), "a\nc\n".getBytes(UTF_8));
    assertThat(change.unifiedDiff())
        .isEqualTo(
            "--- a/etc/ufw/before.rules\n+++ b/etc/ufw/before.rules\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
    FileChange created = FileChange.of(f, Optional.empty(), "x\ny\n".getBytes(UTF_8));
    Path file = tmp.resolve("new");
    Files.writeString(file, "x\ny\n");
    String gnu = gnuDiff(Path.of("/dev/null"), file);
    assertThat(created.unifiedDiff())
        .startsWith("--- /dev/null\n+++ b/etc/ufw/before.rules\n")
        .isEqualTo(
            "--- /dev/null\n+++ b/etc/ufw/before.rules\n" + gnu.substring(nthNewline(gnu, 2) + 1));
    assertThat(FileChange.of(f, Optional.empty(), new byte[0]).unifiedDiff())
        .isEqualTo("--- /dev/null\n+++ b/etc/ufw/before.rules\n");
    FileChange none = FileChange.of(f, Optional.of("a\n".getBytes(UTF_8)), "a\n".getBytes(UTF_8));
    assertThat(none.isChange()).isFalse();
    assertThat(none.unifiedDiff()).isEmpty();
  }

  @Test
  void applyWritesOnlyOverWhatWasPlanned() throws IOException {
    HostFiles files = HostFiles.local().withRoot(tmp).withClock(HostFilesContract.CLOCK);
    Files.createDirectories(tmp.resolve("etc/ufw"));
    Files.writeString(tmp.resolve("etc/ufw/user.rules"), "one\n");
    Path f = Path.of("/etc/ufw/user.rules");
    FileChange change = FileChange.planned(files, f, "two\n".getBytes(UTF_8));
    assertThat(change.before())
        .hasValueSatisfying(b -> assertThat(b).isEqualTo("one\n".getBytes(UTF_8)));
    Files.writeString(tmp.resolve("etc/ufw/user.rules"), "someone else\n");
    assertThatThrownBy(() -> change.apply(files)).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(tmp.resolve("etc/ufw/user.rules"))).isEqualTo("someone else\n");
    FileChange again = FileChange.planned(files, f, "two\n".getBytes(UTF_8));
    assertThat(again.apply(files).backup())
        .contains(Path.of("/etc/ufw/user.rules-COPY-" + HostFilesContract.STAMP));
    assertThat(Files.readString(tmp.resolve("etc/ufw/user.rules"))).isEqualTo("two\n");
  }

  private void assertSameAsGnu(String before, String after) {
    try {
      Path a = Files.writeString(tmp.resolve("a"), before);
      Path b = Files.writeString(tmp.resolve("b"), after);
      String gnu = gnuDiff(a, b);
      String ours =
          FileChange.of(
                  Path.of("/etc/x.conf"),
                  Optional.of(before.getBytes(UTF_8)),
                  after.getBytes(UTF_8))
              .unifiedDiff();
      if (gnu.isEmpty()) {
        assertThat(ours).isEmpty();
        return;
      }
      assertThat(ours).startsWith("--- a/etc/x.conf\n+++ b/etc/x.conf\n");
      assertThat(ours.substring(nthNewline(ours, 2) + 1))
          .as("diff of %s and %s", before, after)
          .isEqualTo(gnu.substring(nthNewline(gnu, 2) + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gnuDiff(Path a, Path b) throws IOException {
    Process p = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    try {
      int code = p.waitFor();
      assertThat(code).as("diff's exit code").isIn(0, 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }

  private static int nthNewline(String s, int n) {
    int i = -1;
    for (int k = 0; k < n; k++) {
      i = s.indexOf('\n', i + 1);
    }
    return i;
  }

  private static String text(List<String> lines, boolean finalNewline) {
    String t = String.join("\n", lines);
    return lines.isEmpty() || !finalNewline ? t : t + "\n";
  }
}
