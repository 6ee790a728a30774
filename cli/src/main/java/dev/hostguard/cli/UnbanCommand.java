package dev.hostguard.cli;

import dev.hostguard.fail2ban.client.BanCount;
import dev.hostguard.host.Fail2banClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hostguard unban JAIL IP}: fail2ban's {@code set JAIL unbanip --report-absent IP} through
 * {@link Fail2banClient}; exit 0 when fail2ban unbanned it, 1 with fail2ban's message when it
 * refused (not banned, no such jail, server not running), 2 when the target could not be reached.
 */
@Command(
    name = "unban",
    description =
        "Unban IP in fail2ban's JAIL: exit 0 unbanned, 1 fail2ban refused (its message),"
            + " 2 the target could not be read.")
final class UnbanCommand implements Callable<Integer> {
  @ParentCommand HostguardCli parent;

  @Mixin TargetOptions target;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Parameters(index = "0", paramLabel = "JAIL")
  String jail;

  @Parameters(index = "1", paramLabel = "IP")
  String ip;

  @Override
  public Integer call() {
    try (TargetOptions.Target t = target.open()) {
      try {
        BanCount count = Fail2banClient.on(t.executor()).unbanIpReportAbsent(jail, ip);
        if (count.count() == 0) {
          Streams.err()
              .println(
                  "hostguard unban: fail2ban on "
                      + t.name()
                      + " unbanned nothing for "
                      + ip
                      + " in jail "
                      + jail);
          return TargetFailure.REFUSED;
        }
        Streams.out().println("unbanned " + ip + " in jail " + jail + " on " + t.name());
        return 0;
      } catch (RuntimeException e) {
        Optional<TargetFailure> f = TargetFailure.of(e, t.name());
        if (f.isEmpty()) {
          throw e;
        }
        Streams.err().println("hostguard unban: " + f.get().line());
        if (debug || parent.debug) {
          e.printStackTrace(Streams.err());
        }
        return f.get().exitCode();
      }
    }
  }
}
