package dev.hostguard.host;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link AtomicWriteFaultInjectionTest}: writes versions 1..N of a file
 * through the local {@link HostFiles} in one session, announcing each {@link WriteStep}; at the
 * step to stop at it prints {@code STOP} and waits to be killed; without one it prints {@code STEP}
 * lines and goes on.
 *
 * <p>Arguments: ROOT FILE VERSIONS (STEP VERSION | -).
 */
final class FaultInjectionWriter {
  private FaultInjectionWriter() {}

  /** Version {@code v} of the file: big enough that writing it takes a moment. */
  static byte[] version(int v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      sb.append("-A ufw-before-input -p udp --dport ")
          .append(v)
          .append(' ')
          .append(i)
          .append(" -j ACCEPT\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(args[0]);
    Path file = Path.of(args[1]);
    int versions = Integer.parseInt(args[2]);
    WriteStep stopStep = args[3].equals("-") ? null : WriteStep.valueOf(args[3]);
    int stopVersion = stopStep == null ? -1 : Integer.parseInt(args[4]);
    PrintStream out = System.out;
    int[] current = {0};
    WriteObserver observer =
        (step, f) -> {
          if (stopStep == null) {
            out.println("STEP " + step + " " + current[0]);
            out.flush();
          } else if (step == stopStep && current[0] == stopVersion) {
            out.println("STOP " + step + " " + current[0]);
            out.flush();
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3); // never reached when the parent kills in time
          }
        };
    HostFiles files =
        SessionHostFiles.create(NioFileOps.INSTANCE)
            .observedBy(observer)
            .withRoot(root)
            .withClock(HostFilesContract.CLOCK);
    byte[][] contents = new byte[versions + 1][];
    for (int v = 1; v <= versions; v++) {
      contents[v] = version(v);
    }
    out.println("READY");
    out.flush();
    for (int v = 1; v <= versions; v++) {
      current[0] = v;
      files.write(file, contents[v]);
    }
    out.println("DONE");
    out.flush();
  }
}
