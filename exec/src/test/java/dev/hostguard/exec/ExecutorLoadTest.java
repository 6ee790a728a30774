package dev.hostguard.exec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 8 threads x 1,000 commands: no lost or mixed-up output, no leaked processes or descriptors. */
@Timeout(300)
class ExecutorLoadTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 1000;

  @Test
  @DisplayName("LocalExecutor: 8 threads x 1,000 commands (N=8,000)")
  void local() throws Exception {
    CommandExecutor local = LocalExecutor.create();
    runLoad(
        local,
        id -> Command.of("sh", "-c", "printf '%s:' \"$1\"; cat", "sh", id),
        id -> id + ":in-" + id);
  }

  @Test
  @DisplayName("RecordingExecutor: 8 threads x 1,000 commands (N=8,000), every response used once")
  void recording() throws Exception {
    RecordingExecutor.Builder script = RecordingExecutor.builder();
    script.respond(List.of("echo-id", "warm-up"), 0, "warm-up:in-warm-up");
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < PER_THREAD; i++) {
        String id = "t" + t + "-c" + i;
        script.respond(List.of("echo-id", id), 0, id + ":in-" + id);
      }
    }
    RecordingExecutor rec = script.build();
    runLoad(rec, id -> Command.of("echo-id", id), id -> id + ":in-" + id);
    assertThat(rec.commands()).hasSize(THREADS * PER_THREAD + 1);
    rec.verifyAllResponsesUsed();
  }

  private static void runLoad(
      CommandExecutor executor,
      java.util.function.Function<String, Command> command,
      java.util.function.Function<String, String> expected)
      throws Exception {
    executor.execute(command.apply("warm-up").withStdin("in-warm-up".getBytes(UTF_8)));
    long fdsBefore = openFds();
    long childrenBefore = ProcessHandle.current().children().count();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<String> bad = new ArrayList<>();
                  for (int i = 0; i < PER_THREAD; i++) {
                    String id = "t" + thread + "-c" + i;
                    CommandResult r =
                        executor.execute(command.apply(id).withStdin(("in-" + id).getBytes(UTF_8)));
                    if (!r.stdout().equals(expected.apply(id))) {
                      bad.add(id + " got " + r.stdout());
                    }
                  }
                  return bad;
                }));
      }
      for (Future<List<String>> f : futures) {
        assertThat(f.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
    assertThat(openFds()).isLessThanOrEqualTo(fdsBefore + 2);
  }

  private static long openFds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}
