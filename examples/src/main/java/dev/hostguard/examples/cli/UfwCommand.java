package dev.hostguard.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Placeholder for `hostguard ufw`: replaced by the issue that implements it. */
@Command(name = "ufw", description = "Mirror of ufw rule commands (dry-run) and app list/info.")
final class UfwCommand implements Callable<Integer> {
  @Parameters(arity = "0..*")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    Streams.err().println("hostguard ufw: not implemented yet");
    return 1;
  }
}
