package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hostguard.core.internal.PythonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jazzer targets: the ini parser either reads a file and renders it back byte for byte or refuses
 * it with our parse exception; resolution of any {@code jail.local}, filter and action ends with a
 * stream or a clean fail2ban error (interpolation and tag loops included), never a crash or hang.
 */
class Fail2banFuzzTest {
  private static Path confDir;

  private static synchronized Path conf() {
    if (confDir == null) {
      try {
        confDir = Files.createTempDirectory("f2b-fuzz");
        Files.createDirectories(confDir.resolve("filter.d"));
        Files.createDirectories(confDir.resolve("action.d"));
        Files.writeString(confDir.resolve("fail2ban.conf"), "[Definition]\nloglevel = INFO\n");
        Files.writeString(confDir.resolve("x.log"), "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return confDir;
  }

  @FuzzTest
  void parserRoundTripsOrRefuses(byte[] input) {
    try {
      Fail2banIniDocument doc = Fail2banIniDocument.parse("fuzz.conf", input);
      assertThat(doc.toBytes()).isEqualTo(input);
      for (IniOption o : doc.options()) {
        assertThat(o.firstLine()).isLessThanOrEqualTo(o.lastLine());
      }
    } catch (Fail2banIniParseException e) {
      assertThat(e.getMessage()).startsWith("fuzz.conf:");
      assertThat(e.line()).isPositive();
    }
  }

  @FuzzTest
  void resolutionEndsCleanly(FuzzedDataProvider data) throws IOException {
    Path conf = conf();
    String jail = data.consumeString(600);
    String filter = data.consumeString(400);
    String action = data.consumeRemainingAsString();
    Files.write(
        conf.resolve("jail.conf"),
        ("[DEFAULT]\nlogpath = "
                + conf
                + "/x.log\nfilter = f\naction = a\n[j]\nenabled = true\n"
                + jail)
            .getBytes(StandardCharsets.UTF_8));
    Files.write(conf.resolve("filter.d/f.conf"), filter.getBytes(StandardCharsets.UTF_8));
    Files.write(conf.resolve("action.d/a.conf"), action.getBytes(StandardCharsets.UTF_8));
    ClientDump.Outcome o = ClientDump.run(Fail2banConfigSource.directory(conf));
    assertThat(o.exitCode()).isIn(0, 255);
    if (o.stream() == null) {
      assertThat(o.errorLine()).startsWith("ERROR: ");
    } else {
      for (java.util.List<Object> c : o.stream()) {
        assertThat(PythonText.repr(c)).startsWith("[");
      }
    }
  }
}
