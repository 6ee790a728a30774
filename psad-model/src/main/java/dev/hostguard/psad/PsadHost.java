package dev.hostguard.psad;

/**
 * The facts about the machine psad looks at while it reads its config: whether files exist and are
 * executable (command paths, {@code FW_MSG_READ_CMD}) and whether a root {@code systemd-journald}
 * runs ({@code AUTO_DETECT_JOURNALCTL}).
 *
 * <pre>{@code
 * PsadHost host = PsadHost.local();
 * PsadConfig config = PsadConfig.load(doc, "/etc/psad/psad.conf", host);
 * }</pre>
 */
public interface PsadHost {
  /** Perl's {@code -e}. */
  boolean exists(String path);

  /** Perl's {@code -x}. */
  boolean isExecutable(String path);

  /** Whether {@code ps auxww} shows a line matching {@code ^root\s.*systemd\-journald\b}. */
  boolean isJournaldRunning();

  /** This machine, read through the file system and {@code /proc}. */
  static PsadHost local() {
    return LocalPsadHost.INSTANCE;
  }
}
