package dev.hostguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under {@code LC_ALL=C} arguments and output stay UTF-8 (a fresh JVM, as users run it). */
class LocaleIndependenceTest {
  @Test
  void nonAsciiArgumentsSurviveTheCLocale(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CommandResult r =
        LocalExecutor.create()
            .execute(
                Command.builder()
                    .args(
                        List.of(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            HostguardCli.class.getName(),
                            "roundtrip",
                            "--format",
                            "café-日本",
                            file.toString()))
                    .putEnv("LC_ALL", "C")
                    .putEnv("LANG", "C")
                    .timeout(Duration.ofMinutes(1))
                    .acceptAnyExitCode()
                    .build());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderrBytes())
        .isEqualTo(
            "hostguard roundtrip: unknown format 'café-日本'\n".getBytes(StandardCharsets.UTF_8));
  }
}
