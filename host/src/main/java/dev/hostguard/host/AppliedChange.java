package dev.hostguard.host;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one write or delete through {@link HostFiles} did: whether the file changed (writing the
 * bytes it already holds changes nothing and backs up nothing), and the backup made before it, if
 * this was the first change to the file in the session.
 *
 * <pre>{@code
 * AppliedChange c = files.write(Path.of("/etc/fail2ban/jail.local"), bytes);
 * c.backup().ifPresent(b -> System.out.println("backup: " + b));
 * }</pre>
 *
 * @param file the file, as the caller named it
 * @param changed whether the file's content or existence changed
 * @param backup the backup this change made, named as {@code file} is (inside the root of a {@link
 *     HostFiles#withRoot rooted} {@code HostFiles})
 */
public record AppliedChange(Path file, boolean changed, Optional<Path> backup) {}
