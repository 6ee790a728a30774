package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The how-to at the top of docs/psad.md, step by step, on a file of its own. */
class PsadHowToTest {

  @Test
  void parseEditRenderValidate(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("psad.conf");
    String text =
        PsadConfigTest.minimal().replace("HOSTNAME v;", "HOSTNAME    _CHANGEME_;   # host")
            + "psCmd /bin/ps;\niptablesCmd /usr/sbin/iptables;\n";
    Files.writeString(file, text);

    PsadConfDocument doc = PsadConfDocument.parse(file.toString(), Files.readAllBytes(file));
    assertThat(doc.toBytes()).isEqualTo(Files.readAllBytes(file));

    PsadConfDocument edited = doc.withValue("ENABLE_AUTO_IDS", "Y").withValue("HOSTNAME", "fw1");
    Files.write(file, edited.toBytes());
    assertThat(Files.readString(file))
        .isEqualTo(
            text.replace("HOSTNAME    _CHANGEME_;", "HOSTNAME    fw1;")
                .replace("ENABLE_AUTO_IDS N;", "ENABLE_AUTO_IDS Y;"));

    PsadHost host =
        PsadHost.inMemory().withExecutables(Path.of("/bin/ps"), Path.of("/usr/sbin/iptables"));
    assertThat(PsadConfig.validate(edited, host)).noneMatch(Diagnostic::isError);
    assertThat(PsadConfig.validate(edited, PsadHost.inMemory()))
        .filteredOn(Diagnostic::isError)
        .first()
        .hasToString(
            file
                + ":"
                + (text.split("\n").length - 1)
                + ":7: error: [*] Could not execute /bin/ps auxww: No such file or directory");
    PsadConfig config = PsadConfig.of(edited, host);
    assertThat(config.flag("ENABLE_AUTO_IDS")).contains(true);
    assertThat(config.dump()).startsWith("[+] Dumping psad config from: " + file + "\n");
  }
}
