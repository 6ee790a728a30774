package dev.hostguard.host;

import dev.hostguard.exec.LocalExecutor;

/** The contract through {@code LocalExecutor}: the coreutils commands on this machine. */
class ExecutorHostFilesTest extends HostFilesContract {
  @Override
  HostFiles newFiles() {
    return HostFiles.over(LocalExecutor.create());
  }
}
