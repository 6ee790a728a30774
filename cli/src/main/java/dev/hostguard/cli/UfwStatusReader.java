package dev.hostguard.cli;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.ufw.status.UfwStatus;
import java.util.List;

/**
 * {@code ufw status verbose} on the target, parsed by ufw-model's status parser. The one place the
 * command line runs ufw itself: when host's {@code UfwClient} merges, this becomes one call to it
 * (and {@link Refused} its {@code ToolRefusedException}).
 */
final class UfwStatusReader {
  static final List<String> ARGV = List.of("ufw", "status", "verbose");

  private UfwStatusReader() {}

  /** The typed status; {@link Refused} with ufw's message when ufw exits non-zero. */
  static UfwStatus statusVerbose(CommandExecutor executor) {
    CommandResult r = executor.execute(Command.of(ARGV).acceptingAnyExitCode());
    if (r.exitCode() != 0) {
      throw new Refused(ARGV, message(r));
    }
    return UfwStatus.parse(String.join(" ", ARGV), r.stdout());
  }

  /** ufw's last line on stderr (else stdout), without its {@code ERROR: } prefix. */
  private static String message(CommandResult r) {
    String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
    String line = "";
    for (String l : text.split("\n")) {
      if (!l.isBlank()) {
        line = l.strip();
      }
    }
    if (line.startsWith("ERROR: ")) {
      line = line.substring("ERROR: ".length());
    }
    return line.isEmpty() ? "exited " + r.exitCode() + " without a message" : line;
  }

  /** ufw refused the command: its argv and message. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    private final List<String> argv;

    Refused(List<String> argv, String message) {
      super(message);
      this.argv = List.copyOf(argv);
    }

    List<String> argv() {
      return argv;
    }
  }
}
