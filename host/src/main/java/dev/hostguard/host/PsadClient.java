package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.ParseException;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.psad.PsadDump;
import dev.hostguard.psad.PsadFwAnalysis;
import dev.hostguard.psad.PsadStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code psad} on a host, typed: one method per command, each run once through the executor as
 * {@code psad [-c CONFIG] OPTION...}, its stdout parsed by psad-model ({@link PsadStatus}, {@link
 * PsadFwAnalysis}, {@link PsadDump}). A command psad refuses (a non-zero exit: {@code --Status}
 * without a running daemon, a configuration it dies on) throws {@link ToolRefusedException} with
 * psad's message line. Immutable; {@link #withConfig} returns a copy.
 *
 * <pre>{@code
 * PsadClient psad = PsadClient.on(executor).withConfig(Path.of("/etc/psad/psad.conf"));
 * psad.status().totalScanSources(); psad.dump().values().get("PSAD_DIR");
 * }</pre>
 */
public final class PsadClient {
  /** The program run, found on the executor's PATH. */
  public static final String PROGRAM = "psad";

  private static final String DIE_SUFFIX = " at /usr/sbin/psad line ";

  private final CommandExecutor executor;
  private final @Nullable Path config;

  private PsadClient(CommandExecutor executor, @Nullable Path config) {
    this.executor = requireNonNull(executor, "executor");
    this.config = config;
  }

  /** A client running {@code psad} through {@code executor}, with psad's default configuration. */
  public static PsadClient on(CommandExecutor executor) {
    return new PsadClient(executor, null);
  }

  /** This client reading {@code psadConf} ({@code -c FILE}). */
  public PsadClient withConfig(Path psadConf) {
    return new PsadClient(executor, requireNonNull(psadConf, "psadConf"));
  }

  /** The configuration file given; empty means psad's default ({@code /etc/psad/psad.conf}). */
  public Optional<Path> config() {
    return Optional.ofNullable(config);
  }

  /**
   * {@code --Status}: the running daemon's status. When no daemon runs, psad prints only that its
   * pid file does not exist and exits 1: that status is returned too ({@link
   * PsadStatus#missingPidFiles()} names the file, {@link PsadStatus#isPsadRunning()} is false).
   */
  public PsadStatus status() {
    CommandResult r = ToolRun.runAnyExit(executor, argv(List.of("--Status")));
    if (r.exitCode() == 1) {
      Optional<PsadStatus> notRunning = notRunning(r.stdout());
      if (notRunning.isPresent()) {
        return notRunning.get();
      }
    }
    ToolRun.requireSuccess(r, PsadClient::message);
    return PsadStatus.parse(source("--Status"), r.stdout());
  }

  /** The status psad prints when no daemon runs (only missing pid files), if that is the text. */
  private Optional<PsadStatus> notRunning(String stdout) {
    try {
      PsadStatus s = PsadStatus.parse(source("--Status"), stdout);
      return s.missingPidFiles().isEmpty() || s.isPsadRunning() ? Optional.empty() : Optional.of(s);
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /** {@code --fw-analyze}: psad's check of the firewall's logging rules. */
  public PsadFwAnalysis fwAnalyze() {
    return PsadFwAnalysis.parse(source("--fw-analyze"), run("--fw-analyze").stdout());
  }

  /** {@code -D}: the host facts, the configuration as psad reads it, and its command paths. */
  public PsadDump dump() {
    return PsadDump.parse(source("-D"), run("-D").stdout());
  }

  /** {@code -R}: restarts the running psad daemons. */
  public void restart() {
    run("-R");
  }

  /** {@code -H}: sends the running daemons a HUP (they read their configuration again). */
  public void hup() {
    run("-H");
  }

  /** {@code --sig-update}: downloads the latest signatures (psad reaches the network). */
  public void sigUpdate() {
    run("--sig-update");
  }

  /**
   * {@code --fw-list-auto}: psad's listing of its auto-blocking chains, as it prints it (a text
   * hostguard does not model).
   */
  public String fwListAuto() {
    return run("--fw-list-auto").stdout();
  }

  /** {@code --fw-rm-block-ip IP}: removes an address from psad's auto-blocking chains. */
  public void fwRemoveBlockIp(String ip) {
    run("--fw-rm-block-ip", requireNonNull(ip, "ip"));
  }

  /** The whole argv for these options. */
  ImmutableList<String> argv(List<String> options) {
    ImmutableList.Builder<String> argv = ImmutableList.<String>builder().add(PROGRAM);
    if (config != null) {
      argv.add("-c", config.toString());
    }
    return argv.addAll(options).build();
  }

  private String source(String option) {
    return "psad " + option;
  }

  private CommandResult run(String... options) {
    return ToolRun.run(executor, argv(List.of(options)), PsadClient::message);
  }

  /** psad's message: its last line, without Perl's " at /usr/sbin/psad line N." on a die. */
  static String message(CommandResult r) {
    String line = ToolRun.lastOutputLine(r);
    int at = line.lastIndexOf(DIE_SUFFIX);
    return at > 0 && line.endsWith(".") ? line.substring(0, at) : line;
  }

  /** {@code psad} with its configuration, for logs. */
  @Override
  public String toString() {
    return "PsadClient " + argv(List.of()) + " via " + executor;
  }
}
