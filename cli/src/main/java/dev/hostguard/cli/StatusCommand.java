package dev.hostguard.cli;

import dev.hostguard.fail2ban.client.JailStatus;
import dev.hostguard.fail2ban.client.ServerStatus;
import dev.hostguard.host.Fail2banClient;
import dev.hostguard.host.PsadClient;
import dev.hostguard.host.UfwClient;
import dev.hostguard.psad.PsadDaemonStatus;
import dev.hostguard.psad.PsadStatus;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.status.StatusEntry;
import dev.hostguard.ufw.status.StatusHeader;
import dev.hostguard.ufw.status.UfwStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hostguard status [--json]}: ufw, psad and fail2ban state of the target, read through the
 * host module's clients ({@code ufw status verbose}, {@code psad --Status}, {@code fail2ban-client
 * status} and {@code status JAIL} for each jail) and printed typed on one screen or as one JSON
 * document. Exit 0 when all three answered, 1 when a tool refused (its message on stderr), 2 when
 * the target could not be read; each tool that answered is shown either way.
 */
@Command(
    name = "status",
    description =
        "ufw, psad and fail2ban state of a host, typed, on one screen (or --json). Exit 0 all"
            + " answered, 1 a tool refused, 2 the target could not be read.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand HostguardCli parent;

  @Mixin TargetOptions target;

  @Option(names = "--json", description = "Print the state as one JSON document.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  /** fail2ban's server status and the status of each of its jails. */
  record Fail2banState(ServerStatus server, List<JailStatus> jails) {}

  /** One tool's state, or how reading it failed. */
  record Part<T>(@Nullable T state, @Nullable TargetFailure failure) {}

  @Override
  public Integer call() {
    try (TargetOptions.Target t = target.open()) {
      Part<UfwStatus> ufw = read(t, () -> UfwClient.on(t.executor()).statusVerbose());
      Part<PsadStatus> psad = read(t, () -> PsadClient.on(t.executor()).status());
      Part<Fail2banState> f2b = read(t, () -> fail2ban(Fail2banClient.on(t.executor())));
      String text = json ? json(t, ufw, psad, f2b) + "\n" : screen(t, ufw, psad, f2b);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Streams.out().write(bytes, 0, bytes.length);
      Streams.out().flush();
      int exit = 0;
      for (Part<?> p : List.of(ufw, psad, f2b)) {
        if (p.failure() != null) {
          Streams.err().println("hostguard status: " + p.failure().line());
          exit = Math.max(exit, p.failure().exitCode());
        }
      }
      return exit;
    }
  }

  private static Fail2banState fail2ban(Fail2banClient client) {
    ServerStatus server = client.status();
    List<JailStatus> jails = new ArrayList<>();
    for (String jail : server.jails()) {
      jails.add(client.status(jail));
    }
    return new Fail2banState(server, jails);
  }

  private <T> Part<T> read(TargetOptions.Target t, Supplier<T> reader) {
    try {
      return new Part<>(reader.get(), null);
    } catch (RuntimeException e) {
      Optional<TargetFailure> f = TargetFailure.of(e, t.name());
      if (f.isEmpty()) {
        throw e;
      }
      if (debug || parent.debug) {
        e.printStackTrace(Streams.err());
      }
      return new Part<>(null, f.get());
    }
  }

  // ---- one screen ----

  private static String screen(
      TargetOptions.Target t, Part<UfwStatus> ufw, Part<PsadStatus> psad, Part<Fail2banState> f2b) {
    StringBuilder sb = new StringBuilder();
    sb.append("host      ").append(t.name()).append('\n');
    sb.append("ufw       ");
    if (ufw.state() == null) {
      sb.append(failed(ufw)).append('\n');
    } else {
      ufwScreen(sb, ufw.state());
    }
    sb.append("psad      ");
    if (psad.state() == null) {
      sb.append(failed(psad)).append('\n');
    } else {
      psadScreen(sb, psad.state());
    }
    sb.append("fail2ban  ");
    if (f2b.state() == null) {
      sb.append(failed(f2b)).append('\n');
    } else {
      fail2banScreen(sb, f2b.state());
    }
    return sb.toString();
  }

  private static String failed(Part<?> p) {
    TargetFailure f = p.failure();
    return f == null ? "" : (f.exitCode() == TargetFailure.REFUSED ? "refused" : "unreadable");
  }

  private static void ufwScreen(StringBuilder sb, UfwStatus s) {
    if (!s.active()) {
      sb.append("inactive\n");
      return;
    }
    sb.append("active");
    if (s.header().isPresent()) {
      StatusHeader h = s.header().get();
      sb.append(", logging ")
          .append(h.logging().text())
          .append("; default ")
          .append(h.incoming().word())
          .append(" (incoming), ")
          .append(h.outgoing().word())
          .append(" (outgoing), ")
          .append(h.routed().map(UfwPolicy::word).orElse("disabled"))
          .append(" (routed)");
    }
    sb.append("; ").append(s.entries().size()).append(s.entries().size() == 1 ? " rule" : " rules");
    sb.append('\n');
    for (StatusEntry e : s.entries()) {
      sb.append("          ").append(e.to().text()).append("  ");
      sb.append(e.action().word().toUpperCase(Locale.ROOT));
      s.directionWord(e).ifPresent(d -> sb.append(' ').append(d));
      sb.append("  ").append(e.from().text());
      if (e.logType() != UfwLogType.NONE) {
        sb.append("  (").append(e.logType().word()).append(')');
      }
      e.comment().ifPresent(c -> sb.append("  # ").append(c));
      sb.append('\n');
    }
  }

  private static void psadScreen(StringBuilder sb, PsadStatus s) {
    if (!s.isPsadRunning()) {
      sb.append("not running");
      for (Map.Entry<String, java.nio.file.Path> m : s.missingPidFiles().entrySet()) {
        sb.append(" (no pid file ").append(m.getValue()).append(')');
      }
      sb.append('\n');
      return;
    }
    sb.append("running");
    String sep = ": ";
    for (PsadDaemonStatus d : s.daemons()) {
      sb.append(sep).append(d.name()).append(" (pid ").append(d.pid()).append(')');
      sep = ", ";
    }
    s.version().ifPresent(v -> sb.append("; version ").append(v));
    sb.append("; ").append(s.totalScanSources()).append(" scan sources; auto-blocked: ");
    sb.append(s.autoBlockedIps().isEmpty() ? "none" : String.join(" ", s.autoBlockedIps()));
    sb.append('\n');
  }

  private static void fail2banScreen(StringBuilder sb, Fail2banState s) {
    int n = s.server().numberOfJails();
    sb.append(n).append(n == 1 ? " jail" : " jails");
    if (!s.server().jails().isEmpty()) {
      sb.append(": ").append(String.join(", ", s.server().jails()));
    }
    sb.append('\n');
    for (JailStatus j : s.jails()) {
      sb.append("          ")
          .append(j.jail())
          .append(": ")
          .append(j.currentlyBanned())
          .append(" banned (")
          .append(j.totalBanned())
          .append(" in total), ")
          .append(j.currentlyFailed())
          .append(" failing (")
          .append(j.totalFailed())
          .append(" in total)");
      if (!j.bannedIps().isEmpty()) {
        sb.append(": ").append(String.join(" ", j.bannedIps()));
      }
      sb.append('\n');
    }
  }

  // ---- JSON (shape in docs/cli.md) ----

  private static String json(
      TargetOptions.Target t, Part<UfwStatus> ufw, Part<PsadStatus> psad, Part<Fail2banState> f2b) {
    StringBuilder sb = new StringBuilder("{\"host\":");
    JsonText.string(sb, t.name());
    sb.append(",\"ufw\":");
    if (ufw.state() == null) {
      failureJson(sb, ufw);
    } else {
      sb.append(StatusJson.toJson(ufw.state()));
    }
    sb.append(",\"psad\":");
    if (psad.state() == null) {
      failureJson(sb, psad);
    } else {
      psadJson(sb, psad.state());
    }
    sb.append(",\"fail2ban\":");
    if (f2b.state() == null) {
      failureJson(sb, f2b);
    } else {
      fail2banJson(sb, f2b.state());
    }
    return sb.append('}').toString();
  }

  private static void failureJson(StringBuilder sb, Part<?> p) {
    TargetFailure f = p.failure();
    sb.append("{\"error\":{\"exitCode\":").append(f == null ? 0 : f.exitCode());
    sb.append(",\"message\":");
    JsonText.string(sb, f == null ? "" : f.line());
    sb.append("}}");
  }

  private static void psadJson(StringBuilder sb, PsadStatus s) {
    sb.append("{\"running\":").append(s.isPsadRunning()).append(",\"daemons\":[");
    String sep = "";
    for (PsadDaemonStatus d : s.daemons()) {
      sb.append(sep).append("{\"name\":");
      JsonText.string(sb, d.name());
      sb.append(",\"pid\":").append(d.pid()).append('}');
      sep = ",";
    }
    sb.append("],\"missingPidFiles\":{");
    sep = "";
    for (Map.Entry<String, java.nio.file.Path> m : s.missingPidFiles().entrySet()) {
      sb.append(sep);
      JsonText.string(sb, m.getKey());
      sb.append(':');
      JsonText.string(sb, m.getValue().toString());
      sep = ",";
    }
    sb.append("},\"version\":");
    JsonText.optional(sb, s.version());
    sb.append(",\"scanSources\":").append(s.totalScanSources());
    sb.append(",\"autoBlockedIps\":");
    JsonText.strings(sb, s.autoBlockedIps());
    sb.append('}');
  }

  private static void fail2banJson(StringBuilder sb, Fail2banState s) {
    sb.append("{\"jails\":[");
    String sep = "";
    for (JailStatus j : s.jails()) {
      sb.append(sep).append("{\"name\":");
      JsonText.string(sb, j.jail());
      sb.append(",\"currentlyFailed\":").append(j.currentlyFailed());
      sb.append(",\"totalFailed\":").append(j.totalFailed());
      sb.append(",\"currentlyBanned\":").append(j.currentlyBanned());
      sb.append(",\"totalBanned\":").append(j.totalBanned());
      sb.append(",\"bannedIps\":");
      JsonText.strings(sb, j.bannedIps());
      sb.append(",\"fileList\":");
      JsonText.strings(sb, j.fileList());
      sb.append('}');
      sep = ",";
    }
    sb.append("]}");
  }
}
