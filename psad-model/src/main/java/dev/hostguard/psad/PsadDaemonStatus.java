package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One running psad daemon in {@code psad --Status}: {@code [+] psad (pid: 3435) %CPU: 0.2 %MEM:
 * 2.7} and its {@code Running since:} line.
 *
 * <pre>{@code
 * PsadDaemonStatus d = status.daemons().get(0);
 * d.name(); d.pid(); d.runningSince();
 * }</pre>
 *
 * @param name {@code psad}, {@code psadwatchd}, {@code kmsgsd} or {@code psad_fw_read}
 * @param pid the process id
 * @param cpuPercent {@code %CPU} as printed by ps (absent when psad found no ps line for the pid)
 * @param memPercent {@code %MEM} as printed by ps
 * @param runningSince the pid file's time as Perl's {@code localtime} prints it, if shown
 */
public record PsadDaemonStatus(
    String name,
    long pid,
    Optional<String> cpuPercent,
    Optional<String> memPercent,
    Optional<String> runningSince) {

  /** Validates the parts. */
  public PsadDaemonStatus {
    requireNonNull(name, "name");
    requireNonNull(cpuPercent, "cpuPercent");
    requireNonNull(memPercent, "memPercent");
    requireNonNull(runningSince, "runningSince");
    if (cpuPercent.isPresent() != memPercent.isPresent()) {
      throw new PsadRefusedException("psad prints %CPU and %MEM together, or neither");
    }
  }
}
