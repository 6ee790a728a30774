package dev.hostguard.fail2ban;

/**
 * One line of a jail's {@code logpath}: a glob and where fail2ban starts reading ({@code head}
 * unless the line ends with a space and a word, as in {@code /var/log/auth.log tail}).
 *
 * <pre>{@code
 * LogPath p = jail.logPaths().get(0);
 * p.glob(); p.position(); // "/var/log/auth.log", "head"
 * }</pre>
 */
public record LogPath(String glob, String position) {}
