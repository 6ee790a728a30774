package dev.hostguard.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Placeholder for `hostguard psad`: replaced by the issue that implements it. */
@Command(name = "psad", description = "Mirror of psad -c FILE -D.")
final class PsadCommand implements Callable<Integer> {
  @Parameters(arity = "0..*")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    Streams.err().println("hostguard psad: not implemented yet");
    return 1;
  }
}
