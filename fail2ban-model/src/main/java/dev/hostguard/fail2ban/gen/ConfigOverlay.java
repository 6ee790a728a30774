package dev.hostguard.fail2ban.gen;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A set of files to write over a copy of a fail2ban configuration directory: relative path to
 * content, in writing order; {@code {LOGS}} in a content stands for the log directory.
 *
 * <pre>{@code
 * ConfigOverlay overlay = Fail2banGens.overlays().generate(source);
 * overlay.writeTo(confDir, logDir);
 * }</pre>
 */
public record ConfigOverlay(long seed, ImmutableMap<String, String> files) {
  /** The placeholder for the log directory in file contents. */
  public static final String LOGS = "{LOGS}";

  /** Validates and copies. */
  public ConfigOverlay {
    requireNonNull(files, "files");
  }

  /** Writes the files under {@code confDir}, replacing {@link #LOGS} by {@code logDir}. */
  public void writeTo(Path confDir, Path logDir) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = confDir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(
          p, e.getValue().replace(LOGS, logDir.toString()).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("overlay seed=" + seed + "\n");
    files.forEach((k, v) -> b.append("== ").append(k).append(" ==\n").append(v));
    return b.toString();
  }
}
