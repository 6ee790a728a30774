package dev.hostguard.host;

import java.nio.file.Path;

/** Told when an atomic write reaches each {@link WriteStep}; tests use it to kill the writer. */
@FunctionalInterface
interface WriteObserver {
  WriteObserver NONE = (step, file) -> {};

  void reached(WriteStep step, Path file);
}
