package dev.hostguard.psad;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link PsadStatus} in the layout psad 2.4.6's {@code status} and {@code
 * print_scan_status} print: daemon lines, pid-file and not-running lines, the command line and
 * alert addresses, then the scan status sections ({@code [NONE]} for an empty one) and totals.
 * Section titles carry no {@code Top N} count, and protocol counters no description, since the
 * model holds neither. A section is written when the status has a version (psad prints them all
 * then) or has items for it. The host name in pid-file and not-running lines, which the model does
 * not hold either, is written as {@code localhost}.
 */
final class PsadStatusRenderer {
  private static final String NONE = "        [NONE]\n";

  private final PsadStatus status;
  private final StringBuilder out = new StringBuilder();
  private final boolean full;

  private PsadStatusRenderer(PsadStatus status) {
    this.status = status;
    this.full = status.version().isPresent();
  }

  static String render(PsadStatus status) {
    return new PsadStatusRenderer(status).write();
  }

  private String write() {
    daemons();
    status
        .missingPidFiles()
        .forEach(
            (daemon, pidFile) ->
                out.append("[-] psad: pid file ")
                    .append(pidFile)
                    .append(" does not exist for ")
                    .append(daemon)
                    .append(" on localhost\n"));
    for (String daemon : status.notRunning()) {
      out.append("[-] psad: ").append(daemon).append(" is not running on localhost\n");
    }
    arguments();
    status.version().ifPresent(v -> out.append("[+] Version: psad v").append(v).append("\n\n"));
    signatures();
    attackers();
    ports();
    prefixes();
    blocked();
    protocols();
    detail();
    status
        .resultsFile()
        .ifPresent(f -> out.append("[+] These results are available in: ").append(f).append('\n'));
    return out.toString();
  }

  private void daemons() {
    for (PsadDaemonStatus d : status.daemons()) {
      out.append("[+] ").append(d.name()).append(" (pid: ").append(d.pid()).append(')');
      if (d.cpuPercent().isPresent()) {
        out.append("  %CPU: ").append(d.cpuPercent().get());
        out.append("  %MEM: ").append(d.memPercent().orElse(""));
      }
      out.append('\n');
      d.runningSince().ifPresent(s -> out.append("    Running since: ").append(s).append('\n'));
    }
    if (!status.daemons().isEmpty()) {
      out.append('\n');
    }
  }

  private void arguments() {
    if (status.commandLineArguments().isPresent() || status.alertEmailAddresses().isPresent()) {
      out.append("    Command line arguments: ")
          .append(status.commandLineArguments().orElse("[none specified]"))
          .append('\n');
    }
    status
        .alertEmailAddresses()
        .ifPresent(a -> out.append("    Alert email address(es): ").append(a).append("\n\n"));
  }

  private boolean title(String title, List<?> items) {
    return title(title, items.isEmpty());
  }

  private boolean title(String title, boolean empty) {
    if (!full && empty) {
      return false;
    }
    out.append(title).append('\n');
    if (empty) {
      out.append(NONE).append('\n');
      return false;
    }
    return true;
  }

  private void signatures() {
    if (title("[+] Top signature matches:", status.topSignatures())) {
      for (PsadSignatureCount s : status.topSignatures()) {
        out.append("      \"").append(s.message()).append("\" (").append(s.protocol());
        out.append("),  Count: ").append(s.count());
        out.append(",  Unique sources: ").append(s.uniqueSources());
        out.append(",  Sid: ").append(s.sid()).append('\n');
      }
      out.append('\n');
    }
  }

  private void attackers() {
    if (title("[+] Top attackers:", status.topAttackers())) {
      for (PsadAttacker a : status.topAttackers()) {
        out.append(String.format(Locale.ROOT, "      %-15s DL: %d", a.address(), a.dangerLevel()));
        out.append(", Packets: ").append(a.packets());
        out.append(", Sig count: ").append(a.signatureCount());
        out.append(a.local() ? ", (local IP)" : "").append('\n');
      }
      out.append('\n');
    }
  }

  private void ports() {
    if (title("[+] Top scanned ports:", status.topScannedPorts())) {
      for (PsadScannedPort p : status.topScannedPorts()) {
        out.append(
            String.format(
                Locale.ROOT, "      %s %-5d %d packets\n", p.protocol(), p.port(), p.packets()));
      }
      out.append('\n');
    }
  }

  private void prefixes() {
    if (title("[+] iptables log prefix counters:", status.logPrefixCounters().isEmpty())) {
      status
          .logPrefixCounters()
          .forEach(
              (p, n) -> out.append("      \"").append(p).append("\": ").append(n).append('\n'));
      out.append('\n');
    }
  }

  private void blocked() {
    if (!status.autoBlockedIps().isEmpty()) {
      out.append("    iptables auto-blocked IPs:\n");
      for (String ip : status.autoBlockedIps()) {
        out.append("      ").append(ip).append('\n');
      }
      out.append('\n');
    }
  }

  private void protocols() {
    if (full || !status.protocolCounters().isEmpty()) {
      out.append("    Total protocol packet counters:\n");
      for (Map.Entry<String, Long> c : status.protocolCounters().entrySet()) {
        out.append(String.format(Locale.ROOT, "%12s: %d pkts\n", c.getKey(), c.getValue()));
      }
      out.append('\n');
    }
  }

  private void detail() {
    boolean totals =
        full
            || status.totalScanSources() != 0
            || status.totalScanDestinations() != 0
            || !status.scanSources().isEmpty();
    if (!totals) {
      return;
    }
    out.append("[+] IP Status Detail:\n");
    if (status.scanSources().isEmpty()) {
      out.append(NONE);
    }
    for (PsadScanSource s : status.scanSources()) {
      out.append(s.sourceLine()).append('\n');
      for (String line : s.details()) {
        out.append(line).append('\n');
      }
      out.append('\n');
    }
    out.append("\n    Total scan sources: ").append(status.totalScanSources()).append('\n');
    out.append("    Total scan destinations: ")
        .append(status.totalScanDestinations())
        .append("\n\n");
  }
}
