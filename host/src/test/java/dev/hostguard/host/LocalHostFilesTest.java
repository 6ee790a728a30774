package dev.hostguard.host;

class LocalHostFilesTest extends HostFilesContract {
  @Override
  HostFiles newFiles() {
    return HostFiles.local();
  }
}
