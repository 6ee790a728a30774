package dev.hostguard.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run {@code mvn package} dumps the launcher's class-data-sharing archive from ({@code
 * -XX:ArchiveClassesAtExit}): the start-up paths the launcher is measured on, {@code ufw --dry-run}
 * and {@code fail2ban -c /etc/fail2ban -d}, with their output discarded. On a machine without those
 * files the commands fail early and the archive holds less; nothing else changes.
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=hostguard.jsa -cp hostguard.jar dev.hostguard.cli.StartupTraining
 * }</pre>
 */
public final class StartupTraining {
  private StartupTraining() {}

  /** Runs the training commands; always exits 0. */
  public static void main(String[] args) {
    PrintStream nowhere =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    String[][] runs = {
      {"ufw", "--dry-run", "limit", "in", "ssh", "comment", "allow SSH connections in"},
      {"fail2ban", "-c", "/etc/fail2ban", "-d"},
      {"--version"},
    };
    for (String[] run : runs) {
      HostguardCli.run(Utf8Args.of(run), nowhere, nowhere);
    }
  }
}
