package dev.hostguard.examples.cli;

import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.psad.PsadConfig;
import dev.hostguard.psad.PsadConfigException;
import dev.hostguard.psad.PsadHost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hostguard psad -c FILE -D}: the config block of psad 2.4.6's {@code -D} dump; where psad
 * dies, nothing on stdout, psad's message on stderr and psad's exit status.
 */
@Command(name = "psad", description = "Mirror of psad -c FILE -D (the config block).")
final class PsadCommand implements Callable<Integer> {
  /** psad's exit status for {@code die} when errno is ENOENT / EACCES. */
  private static final int ENOENT = 2;

  private static final int EACCES = 13;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  String configFile;

  @Option(
      names = {"-D", "--Dump-conf"},
      required = true,
      description = "Dump the configuration.")
  boolean dump;

  @Override
  public Integer call() {
    PrintStream err = Streams.err();
    byte[] content;
    try {
      content = Files.readAllBytes(Path.of(configFile));
    } catch (NoSuchFileException e) {
      err.println("[*] Could not open config file " + configFile + ": No such file or directory");
      return ENOENT;
    } catch (AccessDeniedException e) {
      err.println("[*] Could not open config file " + configFile + ": Permission denied");
      return EACCES;
    } catch (IOException | RuntimeException e) {
      err.println("[*] Could not open config file " + configFile + ": " + e.getMessage());
      return 255;
    }
    PsadConfig config;
    try {
      config =
          PsadConfig.load(
              PsadConfDocument.parse(configFile, content), configFile, PsadHost.local());
    } catch (PsadConfigException e) {
      err.println(e.reason());
      return e.exitStatus();
    }
    byte[] out = config.dumpBytes();
    Streams.out().write(out, 0, out.length);
    Streams.out().flush();
    return 0;
  }
}
