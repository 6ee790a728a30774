package dev.hostguard.host;

import dev.hostguard.psad.AutoDlDocument;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadHost;
import java.nio.file.Path;
import java.util.Optional;

/**
 * psad's configuration as read from a host: {@code psad.conf} and {@code auto_dl} as documents, and
 * the resolved {@link PsadConfig} for the machine facts psad checks.
 *
 * <pre>{@code
 * PsadTree psad = HostTrees.psad(HostFiles.local());
 * psad.config(PsadHost.local()).emailAddresses();
 * }</pre>
 *
 * @param confPath where psad.conf was read
 * @param conf psad.conf
 * @param autoDlPath where auto_dl was looked for
 * @param autoDl auto_dl, when it exists
 */
public record PsadTree(
    Path confPath, PsadConfDocument conf, Path autoDlPath, Optional<AutoDlDocument> autoDl) {

  /**
   * psad.conf as psad reads it on a machine with these facts ({@link PsadHost#local()} for this
   * one, {@link PsadHost#inMemory()} for a hermetic answer).
   *
   * @throws dev.hostguard.psad.PsadConfParseException where psad would die
   */
  public PsadConfig config(PsadHost host) {
    return PsadConfig.of(conf, host);
  }
}
