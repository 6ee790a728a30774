package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import dev.hostguard.fail2ban.Fail2banConfig;
import dev.hostguard.fail2ban.Fail2banConfigSource;
import dev.hostguard.psad.AutoDlDocument;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whole configuration trees of the three tools read through {@link HostFiles}, so the same call
 * reads this machine, a directory ({@link HostFiles#withRoot}) or a remote host over ssh: ufw
 * ({@code /etc/ufw} and {@code /etc/default/ufw}), psad ({@code /etc/psad/psad.conf} and {@code
 * auto_dl}) and fail2ban (its configuration directory).
 *
 * <pre>{@code
 * HostFiles files = HostFiles.over(new SudoExecutor(new SshExecutor(host)));
 * UfwTree ufw = HostTrees.ufw(files, ServicesDatabase.fromHost());
 * }</pre>
 */
public final class HostTrees {
  /** {@code etc/ufw/before.rules}, relative as {@link UfwTree}'s paths are. */
  public static final Path BEFORE_RULES = Path.of("etc/ufw/before.rules");

  /** {@code etc/ufw/before6.rules}. */
  public static final Path BEFORE6_RULES = Path.of("etc/ufw/before6.rules");

  /** psad's main configuration file. */
  public static final Path PSAD_CONF = Path.of("/etc/psad/psad.conf");

  /** psad's automatic danger levels. */
  public static final Path PSAD_AUTO_DL = Path.of("/etc/psad/auto_dl");

  /** fail2ban's configuration directory. */
  public static final Path FAIL2BAN_DIR = Path.of("/etc/fail2ban");

  private static final Path SLASH = Path.of("/");

  private static final List<Path> UFW_FILES =
      List.of(
          UfwTree.DEFAULTS,
          UfwTree.CONF,
          UfwTree.USER_RULES,
          UfwTree.USER6_RULES,
          BEFORE_RULES,
          BEFORE6_RULES,
          UfwTree.AFTER_RULES,
          UfwTree.AFTER6_RULES);

  private HostTrees() {}

  /**
   * ufw's tree: {@code /etc/default/ufw}, {@code ufw.conf}, the user, before and after rules (both
   * IP versions) and the regular files of {@code applications.d} (as ufw, hidden names skipped),
   * read as {@link UfwTree#from} reads them; {@link UfwTree#files()} holds each file's text under
   * its relative path ({@link #BEFORE_RULES} included).
   *
   * @param services the services table ufw resolves names through (the target's {@code
   *     /etc/services}: {@code ServicesDatabase.parse("/etc/services", files.read(...))})
   */
  public static UfwTree ufw(HostFiles files, ServicesDatabase services) {
    requireNonNull(services, "services");
    return UfwTree.from(ufwFiles(files), services);
  }

  /** ufw's tree, with the services table read from the target's {@code /etc/services}. */
  public static UfwTree ufw(HostFiles files) {
    Path etcServices = Path.of("/etc/services");
    ServicesDatabase services =
        files
            .read(etcServices)
            .map(b -> ServicesDatabase.parse(etcServices.toString(), b))
            .orElseGet(() -> ServicesDatabase.parse(etcServices.toString(), ""));
    return ufw(files, services);
  }

  /** The text of every file of ufw's tree that exists, by relative path. */
  static Map<Path, String> ufwFiles(HostFiles files) {
    Map<Path, String> out = new LinkedHashMap<>();
    for (Path p : UFW_FILES) {
      files.read(SLASH.resolve(p)).ifPresent(b -> out.put(p, utf8(b)));
    }
    Path apps = SLASH.resolve(UfwTree.APPLICATIONS);
    if (files.isDirectory(apps)) {
      for (Path f : files.list(apps)) {
        String name = f.getFileName().toString();
        boolean regular =
            files.stat(f).map(s -> s.type() == FileStat.Type.REGULAR_FILE).orElse(false);
        if (!name.startsWith(".") && regular) {
          files.read(f).ifPresent(b -> out.put(UfwTree.APPLICATIONS.resolve(name), utf8(b)));
        }
      }
    }
    return out;
  }

  /**
   * psad's tree at the standard paths: {@code psad.conf} (required) and {@code auto_dl}.
   *
   * @throws java.io.UncheckedIOException when psad.conf is missing
   */
  public static PsadTree psad(HostFiles files) {
    return psad(files, PSAD_CONF, PSAD_AUTO_DL);
  }

  /** psad's tree from the given files ({@code psad -c CONF}, its {@code AUTO_DL_FILE}). */
  public static PsadTree psad(HostFiles files, Path conf, Path autoDl) {
    byte[] confBytes =
        files
            .read(conf)
            .orElseThrow(
                () -> new java.io.UncheckedIOException(new java.io.IOException("no " + conf)));
    Optional<AutoDlDocument> dl =
        files.read(autoDl).map(b -> AutoDlDocument.parse(autoDl.toString(), b));
    return new PsadTree(conf, PsadConfDocument.parse(conf.toString(), confBytes), autoDl, dl);
  }

  /** fail2ban's configuration in {@code dir} ({@link #FAIL2BAN_DIR} on most hosts). */
  public static Fail2banConfig fail2ban(HostFiles files, Path dir) {
    return Fail2banConfig.from(fail2banSource(files, dir));
  }

  /**
   * A source that answers fail2ban's reader through {@code files}, reading a file only when a
   * resolution asks for it.
   */
  public static Fail2banConfigSource fail2banSource(HostFiles files, Path dir) {
    return Fail2banConfigSource.over(dir, new HostFilesFail2banAccess(files));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
