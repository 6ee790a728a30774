package dev.hostguard.testing;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks each real tool its version once per JVM and remembers the answer. */
final class VersionProbe {
  private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");
  private static final Map<RealTool, Optional<String>> CACHE = new ConcurrentHashMap<>();

  private VersionProbe() {}

  static Optional<String> versionOf(RealTool tool, String flag) {
    return CACHE.computeIfAbsent(tool, t -> ask(t, flag));
  }

  private static Optional<String> ask(RealTool tool, String flag) {
    Optional<Path> path = tool.find();
    if (path.isEmpty()) {
      return Optional.empty();
    }
    CommandResult r =
        RealTools.run(Command.of(path.get().toString(), flag).withTimeout(Duration.ofSeconds(30)));
    String out = r.stdout().isBlank() ? r.stderr() : r.stdout();
    return parse(out);
  }

  /** The first {@code N.N[.N]} of the first line that has one. */
  static Optional<String> parse(String output) {
    for (String line : output.split("\n", -1)) {
      Matcher m = VERSION.matcher(line);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }
}
