package dev.hostguard.fail2ban;

import dev.hostguard.core.HostguardStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The hardening seed's fail2ban settings, written as overrides only: {@code jail.local} ({@code
 * [DEFAULT]} ignoreip, destemail, sender, mta, action) and {@code jail.d/ssh.local} ({@code [sshd]}
 * enabled, banaction, port, filter, logpath, maxretry). {@code jail.conf} is never touched; an
 * existing {@code .local} keeps every other line byte for byte. The generated {@link Fail2banSeed}
 * is the public type, built with named setters; only the two mail addresses are required.
 *
 * <pre>{@code
 * Fail2banSeed seed = Fail2banSeed.builder().destEmail("admin@example.org").sender("f2b@example.org").lanSegment("192.168.1.0/24").build();
 * seed.writeTo(Path.of("/etc/fail2ban"));
 * }</pre>
 *
 * <p>Defaults are the seed chapter's: {@code banaction = ufw}, {@code filter = sshd}, {@code port =
 * ssh}, {@code logpath = %(sshd_log)s}, {@code maxretry = 5}, {@code mta = mail}, {@code action =
 * %(action_mwl)s}.
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractFail2banSeed {
  /** Where the seed's jail overrides go, relative to the configuration directory. */
  static final Path SSH_LOCAL = Path.of("jail.d", "ssh.local");

  /** Where the seed's {@code [DEFAULT]} overrides go, relative to the configuration directory. */
  static final Path JAIL_LOCAL = Path.of("jail.local");

  /** The address range to ignore besides {@code 127.0.0.1/8}, if any. */
  public abstract Optional<String> lanSegment();

  /** {@code destemail}: who gets the mail. */
  public abstract String destEmail();

  /** {@code sender}: who the mail is from. */
  public abstract String sender();

  /** {@code mta}: the mail program ({@code mail} with exim4). */
  @Value.Default
  public String mta() {
    return "mail";
  }

  /** {@code action} of {@code [DEFAULT]}: the action shortcut ({@code %(action_mwl)s}). */
  @Value.Default
  public String action() {
    return "%(action_mwl)s";
  }

  /** {@code port} of the sshd jail. */
  @Value.Default
  public String sshPort() {
    return "ssh";
  }

  /** {@code banaction} of the sshd jail ({@code ufw}, {@code iptables-multiport}, ...). */
  @Value.Default
  public String banAction() {
    return "ufw";
  }

  /** {@code filter} of the sshd jail ({@code sshd}, {@code sshd[mode=aggressive]}, ...). */
  @Value.Default
  public String filter() {
    return "sshd";
  }

  /** {@code logpath} of the sshd jail. */
  @Value.Default
  public String logPath() {
    return "%(sshd_log)s";
  }

  /** {@code maxretry} of the sshd jail: failures before a ban. */
  @Value.Default
  public int maxRetry() {
    return 5;
  }

  /** Refuses what fail2ban would not read back as written. */
  @Value.Check
  protected void check() {
    if (maxRetry() < 1) {
      throw new Fail2banRefusedException("maxretry must be positive: " + maxRetry());
    }
    // the same checks as an edit: a value fail2ban would not read back unchanged is refused now
    Fail2banIniDocument probe = Fail2banIniDocument.parse("<seed>", "");
    jailLocal(probe);
    sshLocal(probe);
  }

  /** {@code jail.local}: the given one (or a new, empty one) with the seed's {@code [DEFAULT]}. */
  public Fail2banIniDocument jailLocal(Fail2banIniDocument existing) {
    String ignore =
        lanSegment().filter(s -> !s.isEmpty()).map(s -> "127.0.0.1/8 " + s).orElse("127.0.0.1/8");
    return existing
        .withOption("DEFAULT", "ignoreip", ignore)
        .withOption("DEFAULT", "destemail", destEmail())
        .withOption("DEFAULT", "sender", sender())
        .withOption("DEFAULT", "mta", mta())
        .withOption("DEFAULT", "action", action());
  }

  /**
   * {@code jail.d/ssh.local}: the given one (or a new, empty one) with the seed's {@code [sshd]}.
   */
  public Fail2banIniDocument sshLocal(Fail2banIniDocument existing) {
    return existing
        .withOption("sshd", "enabled", "true")
        .withOption("sshd", "banaction", banAction())
        .withOption("sshd", "port", sshPort())
        .withOption("sshd", "filter", filter())
        .withOption("sshd", "logpath", logPath())
        .withOption("sshd", "maxretry", Integer.toString(maxRetry()));
  }

  /**
   * The configuration {@code files} (relative path to text, as {@link
   * Fail2banConfigSource#inMemory(Map)} takes them) with the seed applied: {@code jail.local} and
   * {@code jail.d/ssh.local} edited (or added); every other file as given.
   */
  public Map<Path, String> applyTo(Map<Path, String> files) {
    Map<Path, String> out = new LinkedHashMap<>(files);
    out.put(JAIL_LOCAL, jailLocal(doc(JAIL_LOCAL, files.get(JAIL_LOCAL))).render());
    out.put(SSH_LOCAL, sshLocal(doc(SSH_LOCAL, files.get(SSH_LOCAL))).render());
    return out;
  }

  private static Fail2banIniDocument doc(Path name, String text) {
    return Fail2banIniDocument.parse(name.toString(), text == null ? "" : text);
  }

  /**
   * Writes (or edits) {@code confDir/jail.local} and {@code confDir/jail.d/ssh.local} on disk.
   *
   * @throws IOException when a file cannot be read or written
   */
  public void writeTo(Path confDir) throws IOException {
    Path jailLocal = confDir.resolve(JAIL_LOCAL);
    Path sshLocal = confDir.resolve(SSH_LOCAL);
    Files.createDirectories(sshLocal.getParent());
    Files.write(jailLocal, jailLocal(read(jailLocal)).toBytes());
    Files.write(sshLocal, sshLocal(read(sshLocal)).toBytes());
  }

  private static Fail2banIniDocument read(Path p) throws IOException {
    if (!Files.exists(p)) {
      return Fail2banIniDocument.parse(p.toString(), "");
    }
    return Fail2banIniDocument.parse(p.toString(), Files.readAllBytes(p));
  }
}
