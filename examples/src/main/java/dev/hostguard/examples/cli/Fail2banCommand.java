package dev.hostguard.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Placeholder for `hostguard fail2ban`: replaced by the issue that implements it. */
@Command(name = "fail2ban", description = "Mirror of fail2ban-client -c DIR -d.")
final class Fail2banCommand implements Callable<Integer> {
  @Parameters(arity = "0..*")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    Streams.err().println("hostguard fail2ban: not implemented yet");
    return 1;
  }
}
