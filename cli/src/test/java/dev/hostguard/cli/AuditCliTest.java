package dev.hostguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HostguardCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void missingRootExitsTwoWithOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThat(run("audit", "--root", missing.toString())).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "hostguard audit: "
                + missing
                + ": not a directory (give --root the directory holding etc/ufw)\n");
  }

  @Test
  void treeWithoutPsadConfExitsTwo(@TempDir Path dir) {
    assertThat(run("audit", "--root", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("hostguard audit: ")
        .endsWith("Couldn't open 'etc/ufw/ufw.conf' for reading\n");
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }
}
