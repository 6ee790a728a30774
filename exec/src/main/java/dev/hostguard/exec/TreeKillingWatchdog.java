package dev.hostguard.exec;

import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Watchdog;
import org.jspecify.annotations.Nullable;

/**
 * commons-exec's watchdog, which at the timeout kills only the process it started, extended to kill
 * every descendant of that process first (a shell's children, their children): a hung command
 * leaves nothing running and no grandchild holding the output pipes open.
 */
final class TreeKillingWatchdog extends ExecuteWatchdog {
  private @Nullable ProcessHandle started;

  @SuppressWarnings("deprecation") // the builder's instances cannot be extended
  TreeKillingWatchdog(Duration timeout) {
    super(timeout.toMillis());
  }

  @Override
  public synchronized void start(Process process) {
    started = process.toHandle();
    super.start(process);
  }

  @Override
  public synchronized void timeoutOccured(Watchdog w) {
    ProcessHandle p = started;
    // the tree is read while the process still links it; the process goes first, so that it is
    // seen killed (a shell whose child dies first may exit by itself, and the timeout be missed)
    List<ProcessHandle> tree = p == null ? List.of() : p.descendants().toList();
    super.timeoutOccured(w);
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
