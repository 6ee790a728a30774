package dev.hostguard.cli;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.ParseException;
import dev.hostguard.ufw.status.UfwStatusOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hostguard ufw-status [--json]}: reads {@code ufw status [verbose|numbered]} or {@code ufw
 * show added} output on stdin and prints it re-rendered (byte for byte) or as JSON.
 */
@Command(
    name = "ufw-status",
    description = "Re-render ufw status output read on stdin, or print it as JSON.")
final class UfwStatusCommand implements Callable<Integer> {
  static final String SOURCE = "<stdin>";

  @Option(names = "--json", description = "Print the parsed model as JSON.")
  boolean json;

  @ParentCommand HostguardCli parent;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Override
  public Integer call() {
    byte[] input;
    try {
      input = System.in.readAllBytes();
    } catch (IOException e) {
      Streams.err().println("hostguard ufw-status: cannot read stdin: " + e.getMessage());
      return 1;
    }
    UfwStatusOutput parsed;
    try {
      String text = LineDocument.parseUtf8(SOURCE, input).render();
      parsed = UfwStatusOutput.parse(SOURCE, text);
    } catch (ParseException e) {
      Streams.err().println(SOURCE + ":" + e.line() + ":" + e.column() + ": " + e.reason());
      if (debug || parent.debug) {
        e.printStackTrace(Streams.err());
      }
      return 2;
    }
    byte[] out =
        (json ? StatusJson.toJson(parsed) + "\n" : parsed.render())
            .getBytes(StandardCharsets.UTF_8);
    Streams.out().write(out, 0, out.length);
    Streams.out().flush();
    return 0;
  }
}
