package dev.hostguard.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Placeholder for `hostguard ufw-status`: replaced by the issue that implements it. */
@Command(
    name = "ufw-status",
    description = "Re-render ufw status output read on stdin, or print it as JSON.")
final class UfwStatusCommand implements Callable<Integer> {
  @Parameters(arity = "0..*")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    Streams.err().println("hostguard ufw-status: not implemented yet");
    return 1;
  }
}
