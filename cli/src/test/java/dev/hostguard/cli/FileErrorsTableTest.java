package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subcommand that reads a file, given a missing file, a directory, a binary file and a file
 * that is not UTF-8: the exit code of the CLI contract's table (for the mirrors: the real tool's)
 * and no stack trace; hostguard's own errors are one line naming the file, a mirror's first line
 * names it (the rest is the tool's own wording, which the differential tests compare). N = 6
 * readers x 4 inputs, and ufw-status on 2 bad stdins.
 */
@RequiresRealTool({RealTool.PSAD, RealTool.FAIL2BAN_CLIENT})
class FileErrorsTableTest {
  /** What each kind of bad input is, written under {@code dir}; its path. */
  enum Input {
    MISSING,
    DIRECTORY,
    BINARY,
    INVALID_UTF8;

    Path make(Path dir, String name) throws Exception {
      Path p = dir.resolve(name);
      return switch (this) {
        case MISSING -> p;
        case DIRECTORY -> Files.createDirectories(p);
        case BINARY ->
            Files.write(p, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0xff, 0});
        // "KEY vé;" in Latin-1: 0xe9 starts no UTF-8 sequence here
        case INVALID_UTF8 ->
            Files.write(p, new byte[] {'K', 'E', 'Y', ' ', 'v', (byte) 0xe9, ';', '\n'});
      };
    }
  }

  /**
   * A reader: how to call it on a path, the exit code the contract gives for each input (empty: the
   * real tool's), and the real tool's argv for that path when the row is a mirror.
   */
  record Reader(
      String name,
      Function<Path, List<String>> args,
      List<Integer> expected,
      Function<Path, List<String>> realTool,
      Optional<RealTool> tool) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> table() {
    List<Reader> readers =
        List.of(
            // ufw and psad skip lines they do not understand, and so does their lossless reader:
            // any bytes come back as they were
            roundtrip("user-rules", List.of(1, 1, 0, 0)),
            roundtrip("psad-conf", List.of(1, 1, 0, 0)),
            roundtrip("fail2ban-ini", List.of(1, 1, 2, 2)),
            roundtrip("ufw-conf", List.of(1, 1, 2, 2)),
            new Reader(
                "psad -c FILE -D",
                p -> List.of("psad", "-c", p.toString(), "-D"),
                List.of(),
                p -> List.of("psad", "-c", p.toString(), "-D"),
                Optional.of(RealTool.PSAD)),
            new Reader(
                "fail2ban -c DIR -d (DIR/jail.conf)",
                p -> List.of("fail2ban", "-c", p.getParent().toString(), "-d"),
                List.of(),
                p -> List.of("fail2ban-client", "-c", p.getParent().toString(), "-d"),
                Optional.of(RealTool.FAIL2BAN_CLIENT)));
    List<Arguments> rows = new ArrayList<>();
    for (Reader r : readers) {
      for (Input in : Input.values()) {
        rows.add(Arguments.of(r, in));
      }
    }
    return rows.stream();
  }

  private static Reader roundtrip(String format, List<Integer> expected) {
    return new Reader(
        "roundtrip --format " + format,
        p -> List.of("roundtrip", "--format", format, p.toString()),
        expected,
        p -> List.of(),
        Optional.empty());
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("table")
  void exitCodeAsTheTableAndOneLineOnStderr(Reader reader, Input input) throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path file = input.make(conf, "jail.conf");
    int expected;
    if (reader.tool().isPresent()) {
      expected = realExitCode(reader.realTool().apply(file));
    } else {
      expected = reader.expected().get(List.of(Input.values()).indexOf(input));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        HostguardCli.run(
            reader.args().apply(file).toArray(new String[0]),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));
    String stderr = err.toString(UTF_8);
    assertThat(code).as("exit code; stderr: " + stderr).isEqualTo(expected);
    assertThat(code).as("never an internal error").isNotEqualTo(HostguardCli.INTERNAL_ERROR);
    assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception");
    if (reader.tool().isPresent()) {
      // a mirror prints the tool's own messages as the tool words them (psad's die spans two
      // lines; fail2ban logs one ERROR line per file it cannot read, and may still exit 0)
      if (!stderr.isEmpty()) {
        String first = stderr.lines().findFirst().orElse("");
        assertThat(first).as("names the file or its directory").contains(conf.toString());
      }
    } else if (code == 0) {
      assertThat(stderr).isEmpty();
      assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(file));
    } else {
      // hostguard's own error: one line naming the file
      assertThat(stderr).as("one line").matches("[^\\n]*\\n");
      assertThat(stderr).as("names the file").contains(file.toString());
    }
  }

  @ParameterizedTest(name = "ufw-status on {0} stdin")
  @MethodSource("stdinInputs")
  void ufwStatusOnBadStdinExitsTwoWithAPosition(Input input) throws Exception {
    byte[] bytes = Files.readAllBytes(input.make(dir, "stdin"));
    InputStream saved = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setIn(new ByteArrayInputStream(bytes));
      code =
          HostguardCli.run(
              new String[] {"ufw-status"},
              new PrintStream(out, true, UTF_8),
              new PrintStream(err, true, UTF_8));
    } finally {
      System.setIn(saved);
    }
    String stderr = err.toString(UTF_8);
    assertThat(code).as(stderr).isEqualTo(2);
    assertThat(stderr).matches("<stdin>:\\d+:\\d+: [^\\n]*\\n");
  }

  static Stream<Input> stdinInputs() {
    return Stream.of(Input.BINARY, Input.INVALID_UTF8);
  }

  private static int realExitCode(List<String> argv) {
    CommandResult r =
        LocalExecutor.create()
            .execute(
                Command.builder()
                    .args(argv)
                    .timeout(Duration.ofMinutes(1))
                    .acceptAnyExitCode()
                    .build());
    return r.exitCode();
  }
}
