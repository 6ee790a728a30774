package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One fail2ban option a {@link DesiredState} sets: {@code key = value} in {@code [section]} of
 * {@code jail.local} or of a {@code jail.d/NAME.local} (relative to the configuration directory).
 * Only {@code .local} files: the shipped {@code .conf} files are never edited.
 *
 * <pre>{@code
 * new Fail2banOverride(Path.of("jail.d/ssh.local"), "sshd", "banaction", "ufw");
 * new Fail2banOverride(Path.of("jail.local"), "DEFAULT", "mta", "mail");
 * }</pre>
 *
 * @param file {@code jail.local} or {@code jail.d/NAME.local}
 * @param section the section ({@code DEFAULT}, a jail name)
 * @param key the option
 * @param value its value as written after {@code = }
 */
public record Fail2banOverride(Path file, String section, String key, String value) {
  /** Checks the file is {@code jail.local} or {@code jail.d/*.local}. */
  public Fail2banOverride {
    requireNonNull(file, "file");
    requireNonNull(section, "section");
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    String f = file.toString();
    boolean jailLocal = f.equals("jail.local");
    boolean dropIn =
        file.getNameCount() == 2
            && file.getName(0).toString().equals("jail.d")
            && f.endsWith(".local")
            && !file.getFileName().toString().equals(".local")
            && !file.isAbsolute();
    if (!jailLocal && !dropIn) {
      throw new IllegalArgumentException(
          "fail2ban overrides go to jail.local or jail.d/NAME.local, not " + file);
    }
    if (section.isEmpty() || key.isEmpty()) {
      throw new IllegalArgumentException("empty section or key");
    }
  }
}
