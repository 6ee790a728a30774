package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.hostguard.exec.LocalExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same random sequences of operations through {@code HostFiles.local()} and through {@code
 * HostFiles.over(LocalExecutor)}, each on its own root: the same answers, the same failures, and
 * the same trees afterwards (names, types, modes, owners, bytes).
 */
class LocalAndExecutorAgreeTest {
  private static final List<String> PATHS =
      List.of(
          "/etc/ufw/user.rules",
          "/etc/ufw/applications.d/hostguard",
          "/etc/fail2ban/jail.d/sshd.conf",
          "/etc/psad/psad.conf");

  @TempDir Path tmp;

  @Test
  void sameAnswersAndSameTrees() {
    int[] example = {0};
    qt().withExamples(15)
        .withFixedSeed(12L)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Path a = tmp.resolve("local-" + example[0]);
              Path b = tmp.resolve("exec-" + example[0]++);
              List<String> local = run(seed, a, root -> HostFiles.local().withRoot(root));
              List<String> remote =
                  run(seed, b, root -> HostFiles.over(LocalExecutor.create()).withRoot(root));
              assertThat(remote).isEqualTo(local);
              assertThat(tree(b)).isEqualTo(tree(a));
            });
  }

  private static List<String> run(long seed, Path root, Function<Path, HostFiles> open) {
    Random r = new Random(seed);
    List<String> answers = new ArrayList<>();
    try {
      Files.createDirectories(root.resolve("etc/ufw/applications.d"));
      Files.createDirectories(root.resolve("etc/fail2ban/jail.d"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HostFiles files = open.apply(root).withClock(HostFilesContract.CLOCK);
    for (int i = 0; i < 8; i++) {
      Path path = Path.of(PATHS.get(r.nextInt(PATHS.size())));
      int op = r.nextInt(10);
      try {
        if (op < 5) {
          byte[] content = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(300)];
          r.nextBytes(content);
          answers.add("write " + files.write(path, content));
        } else if (op < 6) {
          answers.add("delete " + files.delete(path));
        } else if (op < 7) {
          files.mkdirs(path.getParent());
          answers.add("mkdirs");
        } else if (op < 8) {
          files = open.apply(root).withClock(HostFilesContract.CLOCK); // a new session
          answers.add("session");
        } else if (op < 9) {
          answers.add("read " + files.read(path).map(x -> Base64.getEncoder().encodeToString(x)));
          answers.add("stat " + files.stat(path));
        } else {
          answers.add("list " + files.list(path.getParent()));
        }
      } catch (UncheckedIOException e) {
        answers.add("failed " + e.getClass().getSimpleName());
      }
    }
    return answers;
  }

  private static List<String> tree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.sorted()
          .map(
              p -> {
                try {
                  String s =
                      root.relativize(p)
                          + " "
                          + Integer.toOctalString(
                              (Integer)
                                  Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS))
                          + " "
                          + Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                          + ":"
                          + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                  return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                      ? s + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                      : s;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
