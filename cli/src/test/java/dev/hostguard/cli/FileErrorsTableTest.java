package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subcommand that reads a file, given a missing file, a directory, a binary file, a file that
 * is not UTF-8, {@code /dev/null} (a device the tools read as empty), a FIFO no writer opens and a
 * mode 000 file read by a non-root user: the exit code of the CLI contract's table (for the
 * mirrors: the real tool's, or for a FIFO, on which the tool would hang, the tool's code for a file
 * it cannot open) and no stack trace; hostguard's own errors are one line naming the file, a
 * mirror's first line names it (the rest is the tool's own wording, which the differential tests
 * compare). N = 6 readers x 5 inputs in process, 9 subcommands (the 6 readers, {@code harden
 * --app-profile}, {@code audit --root}, {@code harden --root}) on a FIFO with a 20 s bound, the
 * same 9 on a mode 000 file as {@code nobody} in a forked JVM, and ufw-status on 2 bad stdins: 50.
 */
@RequiresRealTool({RealTool.PSAD, RealTool.FAIL2BAN_CLIENT})
class FileErrorsTableTest {
  /** What each kind of bad input is, written under {@code dir}; its path. */
  enum Input {
    MISSING,
    DIRECTORY,
    BINARY,
    INVALID_UTF8,
    /** A character device ({@code /dev/null}, through a link): the tools read it as empty. */
    DEVICE,
    /** A FIFO no writer ever opens: opening it to read would block forever. */
    FIFO,
    /** Mode 000 in a directory the reader can traverse: only root reads it. */
    UNREADABLE;

    /** The four inputs every reader meets in this JVM (as root: mode 000 is no obstacle). */
    static final List<Input> IN_PROCESS = List.of(MISSING, DIRECTORY, BINARY, INVALID_UTF8, DEVICE);

    Path make(Path dir, String name) throws Exception {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      return switch (this) {
        case MISSING -> p;
        case DIRECTORY -> Files.createDirectories(p);
        case BINARY ->
            Files.write(p, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0xff, 0});
        // "KEY vé;" in Latin-1: 0xe9 starts no UTF-8 sequence here
        case INVALID_UTF8 ->
            Files.write(p, new byte[] {'K', 'E', 'Y', ' ', 'v', (byte) 0xe9, ';', '\n'});
        case DEVICE -> Files.createSymbolicLink(p, Path.of("/dev/null"));
        case FIFO -> mkfifo(p);
        case UNREADABLE -> {
          Files.write(p, "[Definition]\nKEY value;\n".getBytes(UTF_8));
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
          yield p;
        }
      };
    }
  }

  /**
   * A reader: where its bad file sits (relative to the case's directory), how to call it on that
   * path, the exit code the contract gives for each input (absent: the real tool's, measured on the
   * same input), and the real tool's argv for that path when the row is a mirror.
   */
  record Reader(
      String name,
      String file,
      Function<Path, List<String>> args,
      Map<Input, Integer> expected,
      Function<Path, List<String>> realTool,
      Optional<RealTool> tool) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The readers of a file named on the command line (or a directory holding it). */
  static List<Reader> readers() {
    return List.of(
        // ufw and psad skip lines they do not understand, and so does their lossless reader:
        // any bytes come back as they were
        roundtrip("user-rules", 1, 1, 0, 0),
        roundtrip("psad-conf", 1, 1, 0, 0),
        roundtrip("fail2ban-ini", 1, 1, 2, 2),
        roundtrip("ufw-conf", 1, 1, 2, 2),
        new Reader(
            "psad -c FILE -D",
            "conf/jail.conf",
            p -> List.of("psad", "-c", p.toString(), "-D"),
            // psad's open blocks on a FIFO (not run: it would hang); the mirror refuses it with
            // psad's die status for a file it cannot open
            Map.of(Input.FIFO, 255),
            p -> List.of("psad", "-c", p.toString(), "-D"),
            Optional.of(RealTool.PSAD)),
        new Reader(
            "fail2ban -c DIR -d (DIR/jail.conf)",
            "conf/jail.conf",
            p -> List.of("fail2ban", "-c", p.getParent().toString(), "-d"),
            // fail2ban-client's open blocks on a FIFO (not run: it would hang); the mirror
            // answers as fail2ban does for a jail.conf it cannot open (ERROR Could not read
            // config files: DIR/jail.conf), which is measured: the real tool on a twin tree
            // whose jail.conf is a directory (its open fails, as a FIFO's is refused)
            Map.of(),
            p -> List.of("fail2ban-client", "-c", p.getParent().toString(), "-d"),
            Optional.of(RealTool.FAIL2BAN_CLIENT)));
  }

  /** Subcommands that read a file of a tree or an option's file, met with a FIFO or mode 000. */
  static List<Reader> targets() {
    return List.of(
        new Reader(
            "harden --app-profile FILE",
            "conf/myapp",
            p -> List.of("harden", "--app-profile", p.toString()),
            Map.of(Input.FIFO, 1, Input.UNREADABLE, 1),
            p -> List.of(),
            Optional.empty()),
        new Reader(
            "audit --root DIR (DIR/etc/ufw/user.rules)",
            "root/etc/ufw/user.rules",
            p -> List.of("audit", "--root", root(p).toString()),
            Map.of(Input.FIFO, 2, Input.UNREADABLE, 2),
            p -> List.of(),
            Optional.empty()),
        new Reader(
            "harden --root DIR (DIR/etc/ufw/user.rules)",
            "root/etc/ufw/user.rules",
            p -> List.of("harden", "--root", root(p).toString()),
            Map.of(Input.FIFO, 1, Input.UNREADABLE, 1),
            p -> List.of(),
            Optional.empty()));
  }

  /** DIR of DIR/etc/ufw/user.rules. */
  private static Path root(Path userRules) {
    return userRules.getParent().getParent().getParent();
  }

  static Stream<Arguments> table() {
    List<Arguments> rows = new ArrayList<>();
    for (Reader r : readers()) {
      for (Input in : Input.IN_PROCESS) {
        rows.add(Arguments.of(r, in));
      }
    }
    return rows.stream();
  }

  static Stream<Reader> fifoTable() {
    return Stream.concat(readers().stream(), targets().stream());
  }

  static Stream<Reader> unreadableTable() {
    return Stream.concat(readers().stream(), targets().stream());
  }

  private static Reader roundtrip(
      String format, int missing, int directory, int binary, int invalidUtf8) {
    return new Reader(
        "roundtrip --format " + format,
        "conf/jail.conf",
        p -> List.of("roundtrip", "--format", format, p.toString()),
        Map.of(
            Input.MISSING,
            missing,
            Input.DIRECTORY,
            directory,
            Input.BINARY,
            binary,
            Input.INVALID_UTF8,
            invalidUtf8,
            // hostguard's own reader takes regular files only
            Input.DEVICE,
            1,
            Input.FIFO,
            1,
            Input.UNREADABLE,
            1),
        p -> List.of(),
        Optional.empty());
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("table")
  void exitCodeAsTheTableAndOneLineOnStderr(Reader reader, Input input) throws Exception {
    Path file = input.make(dir, reader.file());
    int expected =
        reader.tool().isPresent()
            ? realExitCode(reader.realTool().apply(file))
            : reader.expected().get(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        HostguardCli.run(
            reader.args().apply(file).toArray(new String[0]),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));
    assertAnswer(reader, file, code, expected, out.toByteArray(), err.toString(UTF_8));
  }

  /**
   * A FIFO no writer opens: every reader refuses it before opening it, within the bound (the call
   * runs on its own thread; on a hang the test opens the FIFO's write end, so the blocked open
   * returns and the thread ends, and fails).
   */
  @ParameterizedTest(name = "{0} on a FIFO")
  @MethodSource("fifoTable")
  void aFifoIsRefusedUnopened(Reader reader) throws Exception {
    Path file = Input.FIFO.make(dir, reader.file());
    int expected =
        reader.expected().containsKey(Input.FIFO)
            ? reader.expected().get(Input.FIFO)
            : realExitCode(
                reader.realTool().apply(Input.DIRECTORY.make(dir.resolve("twin"), reader.file())));
    List<String> before = tree(dir.resolve(Path.of(reader.file()).getName(0).toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    int code;
    try {
      Future<Integer> call =
          thread.submit(
              () ->
                  HostguardCli.run(
                      reader.args().apply(file).toArray(new String[0]),
                      new PrintStream(out, true, UTF_8),
                      new PrintStream(err, true, UTF_8)));
      try {
        code = call.get(20, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        try (OutputStream unblock = Files.newOutputStream(file)) {
          unblock.flush();
        }
        throw new AssertionError(reader + " blocked on the FIFO " + file + " for 20 s", e);
      }
    } finally {
      thread.shutdown();
    }
    assertAnswer(reader, file, code, expected, out.toByteArray(), err.toString(UTF_8));
    assertThat(tree(dir.resolve(Path.of(reader.file()).getName(0).toString())))
        .as("nothing written")
        .isEqualTo(before);
    assertThat(err.toString(UTF_8)).as("names the FIFO").contains(file.toString());
    if (reader.tool().equals(Optional.of(RealTool.FAIL2BAN_CLIENT))) {
      // fail2ban's own words for a file it cannot open
      assertThat(err.toString(UTF_8)).contains("ERROR   Could not read config files: " + file);
    } else {
      assertThat(err.toString(UTF_8)).as("says what is wrong").contains("not a regular file");
    }
  }

  /**
   * Mode 000, read by a non-root user: the CLI forked as {@code nobody} ({@code setpriv}) from a
   * copy of this classpath nobody can read; a mirror's expected code is the real tool's, run as
   * nobody the same way on the same file.
   */
  @ParameterizedTest(name = "{0} on a mode 000 file, as nobody")
  @MethodSource("unreadableTable")
  @RequiresRealTool(value = RealTool.SETPRIV, root = true)
  void anUnreadableFileAsANonRootUser(Reader reader) throws Exception {
    Path file = Input.UNREADABLE.make(dir, reader.file());
    // nobody traverses every directory down to the file, and cannot open the file
    for (Path d = file.getParent(); d.startsWith(dir); d = d.getParent()) {
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    int expected =
        reader.tool().isPresent()
            ? asNobody(reader.realTool().apply(file)).exitCode()
            : reader.expected().get(Input.UNREADABLE);
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-XX:-UsePerfData");
    argv.add("-cp");
    argv.add(nobodysClasspath);
    argv.add(HostguardCli.class.getName());
    argv.addAll(reader.args().apply(file));
    List<String> before = tree(dir.resolve(Path.of(reader.file()).getName(0).toString()));
    Forked r = asNobody(argv);
    assertThat(tree(dir.resolve(Path.of(reader.file()).getName(0).toString())))
        .as("nothing written")
        .isEqualTo(before);
    assertAnswer(reader, file, r.exitCode(), expected, r.stdout(), r.stderr());
    if (reader.tool().isEmpty()) {
      assertThat(r.stderr()).as("says what is wrong").containsIgnoringCase("permission denied");
    }
  }

  private static void assertAnswer(
      Reader reader, Path file, int code, int expected, byte[] stdout, String stderr)
      throws Exception {
    assertThat(code).as("exit code; stderr: " + stderr).isEqualTo(expected);
    assertThat(code).as("never an internal error").isNotEqualTo(HostguardCli.INTERNAL_ERROR);
    assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception");
    if (reader.tool().isPresent()) {
      // a mirror prints the tool's own messages as the tool words them (psad's die spans two
      // lines; fail2ban logs one ERROR line per file it cannot read, and may still exit 0)
      if (!stderr.isEmpty()) {
        String first = stderr.lines().findFirst().orElse("");
        assertThat(first)
            .as("names the file or its directory")
            .contains(file.getParent().toString());
      }
    } else if (code == 0) {
      assertThat(stderr).isEmpty();
      assertThat(stdout).isEqualTo(Files.readAllBytes(file));
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

  /** What a forked program did. */
  record Forked(int exitCode, byte[] stdout, String stderr) {}

  /** This JVM's classpath copied where nobody reads it ({@code /root/.m2} is not readable). */
  private static String nobodysClasspath;

  private static Path classpathCopy;

  @BeforeAll
  static void copyTheClasspathForNobody() throws IOException {
    if (!RealTools.isRoot()) {
      return; // the unreadable rows are skipped: mode 000 means nothing to root only
    }
    classpathCopy = Files.createTempDirectory("hostguard-cp");
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      Path from = Path.of(entry);
      if (entry.isEmpty() || !Files.exists(from)) {
        continue;
      }
      Path to = classpathCopy.resolve(n++ + "-" + from.getFileName());
      if (Files.isDirectory(from)) {
        try (Stream<Path> tree = Files.walk(from)) {
          for (Path f : (Iterable<Path>) tree::iterator) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(target);
            } else {
              Files.copy(f, target);
            }
          }
        }
      } else {
        Files.copy(from, to);
      }
      entries.add(to.toString());
    }
    try (Stream<Path> tree = Files.walk(classpathCopy)) {
      for (Path f : (Iterable<Path>) tree::iterator) {
        Files.setPosixFilePermissions(
            f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    nobodysClasspath = String.join(File.pathSeparator, entries);
  }

  @AfterAll
  static void deleteTheCopy() throws IOException {
    if (classpathCopy == null) {
      return;
    }
    try (Stream<Path> tree = Files.walk(classpathCopy)) {
      for (Path f : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** {@code argv} run as nobody (no shell), killed after a minute. */
  private static Forked asNobody(List<String> argv) throws Exception {
    List<String> full =
        new ArrayList<>(
            List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
    full.addAll(argv);
    Path out = Files.createTempFile("hostguard-nobody", ".out");
    Path err = Files.createTempFile("hostguard-nobody", ".err");
    try {
      Process p =
          new ProcessBuilder(full)
              .directory(new File("/"))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(1, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("still running after a minute: " + full);
      }
      return new Forked(p.exitValue(), Files.readAllBytes(out), Files.readString(err, UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Every path under {@code dir} with its size and mode, to see that nothing was written. */
  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path p : (Iterable<Path>) all.sorted()::iterator) {
        out.add(
            p
                + " "
                + Files.size(p)
                + " "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
      return out;
    }
  }

  /** {@code mkfifo PATH} (no shell); the path. */
  private static Path mkfifo(Path p) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor(30, TimeUnit.SECONDS)).as("mkfifo finished").isTrue();
    assertThat(mk.exitValue()).as("mkfifo " + p).isZero();
    return p;
  }
}
