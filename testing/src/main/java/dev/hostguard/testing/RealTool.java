package dev.hostguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A real program hostguard is checked against, with the Debian package that installs it.
 *
 * <pre>{@code
 * Optional<Path> ufw = RealTool.UFW.find();
 * RealTool.PSAD.aptPackage(); // "psad"
 * }</pre>
 */
public enum RealTool {
  /** ufw 0.36.2. */
  UFW("ufw", "ufw", "0.36.2", "--version"),
  /** fail2ban-client 1.0.2. */
  FAIL2BAN_CLIENT("fail2ban-client", "fail2ban", "1.0.2", "--version"),
  /** fail2ban-server 1.0.2. */
  FAIL2BAN_SERVER("fail2ban-server", "fail2ban", "1.0.2", "--version"),
  /** psad 2.4.6. */
  PSAD("psad", "psad", "2.4.6", "-V"),
  /** unshare, for private network and mount namespaces. */
  UNSHARE("unshare", "util-linux"),
  /** iptables-restore (nft backend by default). */
  IPTABLES_RESTORE("iptables-restore", "iptables"),
  /** ip6tables-restore. */
  IP6TABLES_RESTORE("ip6tables-restore", "iptables"),
  /** nsenter, to run a program in another process's namespaces. */
  NSENTER("nsenter", "util-linux"),
  /** ip, to bring up a namespace's loopback. */
  IP("ip", "iproute2"),
  /** The OpenSSH client. */
  SSH("ssh", "openssh-client"),
  /** ssh-keygen, for throwaway keys. */
  SSH_KEYGEN("ssh-keygen", "openssh-client"),
  /** The OpenSSH server. */
  SSHD("sshd", "openssh-server"),
  /** sudo. */
  SUDO("sudo", "sudo"),
  /** ansible-playbook (Debian's ansible-core), to run the fleet playbook of docs/fleet.md. */
  ANSIBLE_PLAYBOOK("ansible-playbook", "ansible-core"),
  /** setpriv, to run a program as another user (needs root). */
  SETPRIV("setpriv", "util-linux");

  private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

  private final String programName;
  private final String aptPackage;
  private final @Nullable String pinnedVersion;
  private final @Nullable String versionFlag;

  RealTool(String programName, String aptPackage) {
    this(programName, aptPackage, null, null);
  }

  RealTool(
      String programName,
      String aptPackage,
      @Nullable String pinnedVersion,
      @Nullable String versionFlag) {
    this.programName = programName;
    this.aptPackage = aptPackage;
    this.pinnedVersion = pinnedVersion;
    this.versionFlag = versionFlag;
  }

  /**
   * The version hostguard's expectations were measured against (ufw 0.36.2, fail2ban 1.0.2, psad
   * 2.4.6, as Debian 12 ships them); empty for helpers whose version does not matter.
   */
  public Optional<String> pinnedVersion() {
    return Optional.ofNullable(pinnedVersion);
  }

  /**
   * The installed program's version, asked once per run ({@code ufw --version}, {@code psad -V},
   * ...): the first {@code N.N[.N]} in its first output line; empty when the tool is missing, has
   * no pinned version, or prints none.
   */
  public Optional<String> installedVersion() {
    if (pinnedVersion == null || versionFlag == null) {
      return Optional.empty();
    }
    return VersionProbe.versionOf(this, versionFlag);
  }

  /** The program's file name. */
  public String programName() {
    return programName;
  }

  /** The Debian package to {@code apt-get install} for it. */
  public String aptPackage() {
    return aptPackage;
  }

  /**
   * The system property that, when set, replaces the search path (colon-separated directories): for
   * testing the harness itself as if a tool were missing.
   */
  public static final String SEARCH_PATH_PROPERTY = "hostguard.realtools.path";

  /** The program's path, searched on PATH and then in the sbin directories. */
  public Optional<Path> find() {
    List<String> dirs = new ArrayList<>();
    String override = System.getProperty(SEARCH_PATH_PROPERTY);
    if (override != null) {
      for (String d : override.split(":", -1)) {
        if (!d.isEmpty()) {
          dirs.add(d);
        }
      }
      return search(dirs);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(":", -1)) {
        if (!d.isEmpty()) {
          dirs.add(d);
        }
      }
    }
    dirs.addAll(EXTRA_DIRS);
    return search(dirs);
  }

  private Optional<Path> search(List<String> dirs) {
    for (String d : dirs) {
      Path candidate = Path.of(d, programName);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The program's path; throws {@link IllegalStateException} naming the package if missing. */
  public Path require() {
    return find()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    programName + " is not installed: apt-get install " + aptPackage));
  }
}
