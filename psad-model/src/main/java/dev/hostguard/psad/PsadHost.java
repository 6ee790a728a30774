package dev.hostguard.psad;

/**
 * The facts about the machine psad looks at while it reads its config: whether files exist and are
 * executable (command paths, {@code FW_MSG_READ_CMD}), whether the {@code ps} command it runs
 * ({@code $cmds{ps} auxww}) can be started, and whether a root {@code systemd-journald} runs
 * ({@code AUTO_DETECT_JOURNALCTL}). {@link #inMemory()} answers from facts given in memory (tests,
 * checking a config for another machine); {@link #local()} reads this machine.
 *
 * <pre>{@code
 * PsadHost host = PsadHost.inMemory().withExecutables(Path.of("/usr/sbin/iptables"), Path.of("/bin/ps"));
 * PsadConfig config = PsadConfig.of(doc, host);
 * }</pre>
 */
public interface PsadHost {
  /** Perl's {@code -e}. */
  boolean exists(String path);

  /** Perl's {@code -x}. */
  boolean isExecutable(String path);

  /**
   * The errno with which {@code execvp(program, ...)} fails here (2 for a missing file or
   * interpreter, 13 for a directory or a file without an execute bit, 20 for a path through a file,
   * 40 for a symbolic-link loop), 0 when the program starts ({@code ENOEXEC} counts as starting:
   * Perl then hands the file to {@code /bin/sh}). A name without {@code /} is searched in {@code
   * PATH}. The default answers from {@link #exists} and {@link #isExecutable}.
   */
  default int execErrno(String program) {
    if (!exists(program)) {
      return LinuxErrno.ENOENT;
    }
    return isExecutable(program) ? 0 : LinuxErrno.EACCES;
  }

  /**
   * Whether {@code ps auxww} shows a line matching {@code ^root\s.*systemd\-journald\b} (psad asks
   * its {@code psCmd}; hostguard assumes that command lists processes as {@code ps} does).
   */
  boolean isJournaldRunning();

  /** This machine, read through the file system and {@code /proc} on every question. */
  static PsadHost local() {
    return LocalPsadHost.INSTANCE;
  }

  /**
   * A machine held in memory, reading nothing from this one: no files, {@code PATH} {@code
   * /bin:/usr/bin}, journald not running; add facts with its {@code with…} methods.
   */
  static InMemoryPsadHost inMemory() {
    return InMemoryPsadHost.EMPTY;
  }
}
