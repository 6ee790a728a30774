package dev.hostguard.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest (the build's version), "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = HostguardCli.class.getPackage().getImplementationVersion();
    return new String[] {"hostguard " + (v == null ? "dev" : v)};
  }
}
