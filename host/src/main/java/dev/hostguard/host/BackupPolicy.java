package dev.hostguard.host;

import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where the backup of a file goes before its first change. Beside the file, as the seed's {@code cp
 * --archive} copies ({@code NAME-COPY-yyyyMMddHHmmss}), except in directories whose every file a
 * tool reads: a backup there would be loaded as configuration (ufw reads every file in {@code
 * /etc/ufw/applications.d} that is not hidden as an application profile). Files in those go under
 * {@link #backupRoot()}, mirroring their path.
 *
 * <p>The default set holds only {@code /etc/ufw/applications.d}. The other directories hostguard
 * writes read files by name or by suffix, so a {@code -COPY-…} name beside is never read:
 * fail2ban's {@code jail.d}, {@code filter.d} and {@code action.d} read only {@code *.conf} and
 * {@code *.local} (and only by the name asked for in the latter two), psad reads its configuration
 * files by name and its {@code snort_rules} directory only for names ending in {@code .rules}, and
 * ufw reads the rest of {@code /etc/ufw} by name.
 *
 * <pre>{@code
 * BackupPolicy p = BackupPolicy.defaults().withBackupRoot(Path.of("/root/hostguard-backups"));
 * HostFiles files = HostFiles.local().withBackupPolicy(p);
 * }</pre>
 *
 * @param backupRoot the directory under which backups of files in {@code whollyReadDirectories} go,
 *     mirroring their absolute path ({@code /var/backups/hostguard/etc/ufw/applications.d/…})
 * @param whollyReadDirectories directories whose every file a tool reads (absolute, normalised)
 */
public record BackupPolicy(Path backupRoot, Set<Path> whollyReadDirectories) {
  /** The default backup root. */
  public static final Path DEFAULT_BACKUP_ROOT = Path.of("/var/backups/hostguard");

  /** Checks that every path is absolute and normalised, and copies the set. */
  public BackupPolicy {
    requireAbsolute(backupRoot);
    whollyReadDirectories = ImmutableSet.copyOf(whollyReadDirectories);
    whollyReadDirectories.forEach(BackupPolicy::requireAbsolute);
  }

  /** {@link #DEFAULT_BACKUP_ROOT} and {@code /etc/ufw/applications.d}. */
  public static BackupPolicy defaults() {
    return new BackupPolicy(
        DEFAULT_BACKUP_ROOT, ImmutableSet.of(Path.of("/etc/ufw/applications.d")));
  }

  /** This policy with another backup root. */
  public BackupPolicy withBackupRoot(Path root) {
    return new BackupPolicy(root, whollyReadDirectories);
  }

  /** This policy with another set of wholly read directories. */
  public BackupPolicy withWhollyReadDirectories(Set<Path> directories) {
    return new BackupPolicy(backupRoot, directories);
  }

  /** The directory the backup of {@code file} (absolute) goes to. */
  public Path backupDirectoryFor(Path file) {
    requireAbsolute(file);
    Path parent = file.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("not a file: " + file);
    }
    if (whollyReadDirectories.contains(parent)) {
      Path relative = parent.getRoot().relativize(parent);
      return backupRoot.resolve(relative);
    }
    return parent;
  }

  static void requireAbsolute(Path path) {
    if (!path.isAbsolute() || !path.equals(path.normalize())) {
      throw new IllegalArgumentException("not an absolute, normalised path: " + path);
    }
  }
}
