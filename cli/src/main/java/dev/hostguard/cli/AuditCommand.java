package dev.hostguard.cli;

import dev.hostguard.core.ParseException;
import dev.hostguard.fail2ban.Fail2banConfigException;
import dev.hostguard.host.AuditFinding;
import dev.hostguard.host.AuditFindingKind;
import dev.hostguard.host.ChapterAudit;
import dev.hostguard.host.Fail2banClient;
import dev.hostguard.host.HostFiles;
import dev.hostguard.host.HostTrees;
import dev.hostguard.host.PsadClient;
import dev.hostguard.host.UfwReach;
import dev.hostguard.host.UfwRuleSetAudit;
import dev.hostguard.psad.PsadHost;
import dev.hostguard.ufw.UfwTree;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hostguard audit [--root DIR | --executor local|ssh --host H] [--json]}: where a tree or a
 * host departs from the seed chapter ({@link ChapterAudit}) and what the rule-set analysis finds
 * ({@link UfwRuleSetAudit}), one finding a line, then the reachability summary. Exit 0 nothing to
 * report, 1 findings, 2 the target could not be read or parsed (one line on stderr).
 */
@Command(
    name = "audit",
    description =
        "Where a host or a tree departs from the chapter, and the ufw rule-set analysis (shadowed,"
            + " redundant, v4 without v6, lock-out risk). Exit 0 nothing to report, 1 findings, 2"
            + " the target could not be read.")
final class AuditCommand implements Callable<Integer> {
  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int UNREADABLE = 2;

  @ParentCommand HostguardCli parent;

  @Spec @Nullable CommandSpec spec;

  @Mixin TargetOptions target;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Audit the files under DIR (DIR/etc/ufw, ...); no command runs.")
  @Nullable Path root;

  @Option(
      names = "--json",
      description = "Print the findings and reachability as one JSON document.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Override
  public Integer call() {
    if (root != null && (target.host != null || !target.executor.equals("local") || target.sudo)) {
      throw new ParameterException(
          spec == null ? null : spec.commandLine(),
          "--root and --executor/--host/--sudo exclude each other");
    }
    if (root != null) {
      if (!Files.isDirectory(root)) {
        return unreadable(
            root + ": not a directory (give --root the directory holding etc/ufw)", null);
      }
      return audit(
          HostFiles.local().withRoot(root.toAbsolutePath().normalize()), root.toString(), null);
    }
    try (TargetOptions.Target t = target.open()) {
      return audit(HostFiles.over(t.executor()), t.name(), t);
    }
  }

  private int audit(HostFiles files, String name, TargetOptions.@Nullable Target live) {
    List<AuditFinding> findings = new ArrayList<>();
    UfwRuleSetAudit rules;
    try {
      UfwTree ufw = HostTrees.ufw(files);
      findings.addAll(ChapterAudit.ufw(ufw));
      rules = UfwRuleSetAudit.of(ufw);
      findings.addAll(rules.findings());
      findings.addAll(ChapterAudit.psad(HostTrees.psad(files).config(PsadHost.local())));
      findings.addAll(ChapterAudit.fail2ban(HostTrees.fail2ban(files, HostTrees.FAIL2BAN_DIR)));
      if (live != null) {
        running(findings, live);
      }
    } catch (ParseException e) {
      return unreadable(
          e.sourceName()
              + ":"
              + e.line()
              + ":"
              + e.column()
              + ": "
              + TargetFailure.oneLine(e.reason())
              + " (on "
              + name
              + ")",
          e);
    } catch (UncheckedIOException e) {
      return unreadable(name + ": " + TargetFailure.oneLine(e.getCause().getMessage()), e);
    } catch (dev.hostguard.ufw.UfwRefusedException e) {
      return unreadable(name + ": " + TargetFailure.oneLine(e.getMessage()), e);
    } catch (Fail2banConfigException e) {
      // fail2ban's first line alone does not say where ("File contains no section headers."):
      // the file and line it carries come first, as for a ParseException
      String where = e.location().map(l -> l + ": ").orElse(name + ": ");
      String on = e.location().isPresent() ? " (on " + name + ")" : "";
      return unreadable(where + TargetFailure.oneLine(e.getMessage()) + on, e);
    } catch (RuntimeException e) {
      Optional<TargetFailure> f = live == null ? Optional.empty() : TargetFailure.of(e, name);
      if (f.isEmpty()) {
        throw e;
      }
      return unreadable(f.get().line(), e);
    }
    String text =
        json ? json(name, findings, rules.reachability()) : screen(findings, rules.reachability());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Streams.out().write(bytes, 0, bytes.length);
    Streams.out().flush();
    return findings.isEmpty() ? CLEAN : FINDINGS;
  }

  /** On a live host: psad and fail2ban running, through their clients. */
  private static void running(List<AuditFinding> findings, TargetOptions.Target live) {
    try {
      if (!PsadClient.on(live.executor()).status().isPsadRunning()) {
        findings.add(service("etc/psad/psad.conf", "psad not running: run systemctl start psad"));
      }
    } catch (dev.hostguard.host.ToolRefusedException e) {
      findings.add(
          service(
              "etc/psad/psad.conf",
              "psad not running ("
                  + TargetFailure.oneLine(e.getMessage())
                  + "): run systemctl start psad"));
    }
    try {
      Fail2banClient.on(live.executor()).ping();
    } catch (dev.hostguard.host.ToolRefusedException e) {
      findings.add(
          service(ChapterAudit.SSH_JAIL, "fail2ban not running: run systemctl start fail2ban"));
    }
  }

  private static AuditFinding service(String file, String message) {
    return new AuditFinding(
        AuditFindingKind.CHAPTER, Optional.empty(), List.of(), Optional.of(file), message);
  }

  private int unreadable(String line, @Nullable RuntimeException e) {
    Streams.err().println("hostguard audit: " + line);
    if (e != null && (debug || parent.debug)) {
      e.printStackTrace(Streams.err());
    }
    return UNREADABLE;
  }

  private static String screen(List<AuditFinding> findings, List<UfwReach> reach) {
    StringBuilder sb = new StringBuilder();
    for (AuditFinding f : findings) {
      sb.append(f.line()).append('\n');
    }
    if (findings.isEmpty()) {
      sb.append("nothing to report\n");
    }
    sb.append("\nreachable:\n");
    for (UfwReach r : reach) {
      sb.append("  ").append(r.line()).append('\n');
    }
    return sb.toString();
  }

  // Shape documented in docs/cli.md.
  private static String json(String name, List<AuditFinding> findings, List<UfwReach> reach) {
    StringBuilder sb = new StringBuilder("{\"target\":");
    JsonText.string(sb, name);
    sb.append(",\"findings\":[");
    String sep = "";
    for (AuditFinding f : findings) {
      sb.append(sep).append("{\"kind\":");
      JsonText.string(sb, f.kind().word());
      sb.append(",\"rule\":").append(f.ruleNumber().map(String::valueOf).orElse("null"));
      sb.append(",\"byRules\":").append(f.byRules());
      sb.append(",\"file\":");
      JsonText.optional(sb, f.file());
      sb.append(",\"message\":");
      JsonText.string(sb, f.message());
      sb.append(",\"line\":");
      JsonText.string(sb, f.line());
      sb.append('}');
      sep = ",";
    }
    sb.append("],\"reachability\":[");
    sep = "";
    for (UfwReach r : reach) {
      sb.append(sep).append("{\"chain\":");
      JsonText.string(sb, r.chain());
      sb.append(",\"v6\":").append(r.v6());
      sb.append(",\"rule\":").append(r.ruleNumber().map(String::valueOf).orElse("null"));
      sb.append(",\"verdict\":");
      JsonText.string(sb, r.verdict().word());
      sb.append(",\"what\":");
      JsonText.string(sb, r.what());
      sb.append(",\"line\":");
      JsonText.string(sb, r.line());
      sb.append('}');
      sep = ",";
    }
    return sb.append("]}\n").toString();
  }
}
