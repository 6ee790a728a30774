package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.ForkedJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psad files past hostguard's limits (docs/reliability.md, "Limits"; psad itself has none), in a
 * forked JVM with a 256 MiB heap: a 100 MB psad.conf or auto_dl and a 1 MB line are refused with a
 * {@link PsadConfParseException} at a position, within seconds. psad's own limit, 20 expansion
 * passes, is matched and tested against psad in {@code PsadDumpDifferentialTest}.
 */
class PsadLimitsTest {
  @TempDir Path tmp;

  /** Runs in the forked JVM. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      try {
        Path f = Path.of(args[1]);
        byte[] bytes = Files.readAllBytes(f);
        if (args[0].equals("conf")) {
          PsadConfDocument.parse(f.toString(), bytes);
        } else {
          AutoDlDocument.parse(f.toString(), bytes);
        }
        System.out.println("ACCEPTED");
      } catch (PsadConfParseException e) {
        System.out.println("REFUSED " + e.getMessage());
      } catch (Throwable t) {
        System.out.println("CRASH " + t);
      }
    }
  }

  private Path big(String line) throws IOException {
    Path f = tmp.resolve("big");
    byte[] l = line.getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[l.length * 20_000];
    for (int i = 0; i < 20_000; i++) {
      System.arraycopy(l, 0, chunk, i * l.length, l.length);
    }
    try (OutputStream out = Files.newOutputStream(f)) {
      for (long n = 0; n < 100_000_000L; n += chunk.length) {
        out.write(chunk);
      }
    }
    return f;
  }

  @Test
  void aHundredMegabyteFileIsRefusedAtOnce() throws IOException {
    for (String kind : new String[] {"conf", "autodl"}) {
      Path f = big(kind.equals("conf") ? "HOSTNAME    host;\n" : "192.0.2.1  5;\n");
      ForkedJvm.Result r =
          ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(30), kind, f.toString());
      assertThat(r.stdout()).as(r.stderr()).startsWith("REFUSED " + f + ":1:1: file too large");
      assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void aMegabyteLineIsRefusedAtItsPosition() throws IOException {
    Path f = tmp.resolve("long");
    Files.writeString(f, "# psad\nHOSTNAME " + "x".repeat(1 << 20) + ";\n");
    for (String kind : new String[] {"conf", "autodl"}) {
      ForkedJvm.Result r =
          ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(30), kind, f.toString());
      assertThat(r.stdout()).as(r.stderr()).startsWith("REFUSED " + f + ":2:65537: line too long");
    }
  }
}
