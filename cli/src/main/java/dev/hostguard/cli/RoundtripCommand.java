package dev.hostguard.cli;

import dev.hostguard.core.ParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hostguard roundtrip --format FMT FILE}: prints render(parse(FILE)); a parse error is one
 * {@code FILE:LINE:COL: message} line on stderr and exit 2.
 */
@Command(
    name = "roundtrip",
    description = "Print render(parse(FILE)) for a format; exit 2 with FILE:LINE:COL on errors.")
final class RoundtripCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      required = true,
      paramLabel = "FMT",
      description =
          "user-rules, iptables-restore, app-profiles, ufw-conf, ufw-defaults, psad-conf,"
              + " fail2ban-ini")
  String format;

  @ParentCommand HostguardCli parent;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Parameters(index = "0", paramLabel = "FILE")
  String file;

  @Override
  public Integer call() {
    PrintStream err = Streams.err();
    RoundTripFormat fmt = RoundTripFormat.byName(format);
    if (fmt == null) {
      err.println("hostguard roundtrip: unknown format '" + format + "'");
      return 1;
    }
    byte[] content;
    try {
      Path path = Path.of(file);
      if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
        // opening a FIFO blocks until a writer comes, which may be never: refused unopened
        err.println(
            "hostguard roundtrip: "
                + file
                + ": not a regular file (a FIFO or device: give a file)");
        return 1;
      }
      content = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      err.println("hostguard roundtrip: " + file + ": no such file (check the path)");
      return 1;
    } catch (AccessDeniedException e) {
      err.println(
          "hostguard roundtrip: " + file + ": permission denied (run as a user who can read it)");
      return 1;
    } catch (IOException e) {
      String reason =
          e instanceof FileSystemException f && f.getReason() != null
              ? f.getReason()
              : String.valueOf(e.getMessage());
      String hint = Files.isDirectory(Path.of(file)) ? " (give a file, not a directory)" : "";
      err.println("hostguard roundtrip: " + file + ": " + TargetFailure.oneLine(reason) + hint);
      return 1;
    } catch (InvalidPathException e) {
      err.println("hostguard roundtrip: " + file + ": not a valid path (" + e.getReason() + ")");
      return 1;
    }
    try {
      byte[] rendered = fmt.roundTrip(file, content);
      Streams.out().write(rendered, 0, rendered.length);
      Streams.out().flush();
      return 0;
    } catch (ParseException e) {
      err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.reason());
      if (debug || parent.debug) {
        e.printStackTrace(err);
      }
      return 2;
    }
  }
}
