package dev.hostguard.fail2ban;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hardening seed's fail2ban settings, written as overrides only: {@code jail.local} ({@code
 * [DEFAULT]} ignoreip, destemail, sender, mta, {@code action = %(action_mwl)s}) and {@code
 * jail.d/ssh.local} ({@code [sshd]} enabled, {@code banaction = ufw}, port, filter, {@code logpath
 * = %(sshd_log)s}, maxretry). {@code jail.conf} is never touched; an existing {@code .local} keeps
 * every other line byte for byte.
 *
 * <pre>{@code
 * Fail2banSeed seed = new Fail2banSeed("192.168.1.0/24", "me@example.org", "me@example.org", "mail", "ssh", 5);
 * seed.writeTo(Path.of("/etc/fail2ban"));
 * }</pre>
 *
 * @param lanSegment the address range to ignore besides {@code 127.0.0.1/8}
 * @param destEmail who gets the mail
 * @param sender who the mail is from
 * @param mta the mail program ({@code mail} with exim4)
 * @param sshPort the {@code port} of the sshd jail ({@code ssh})
 * @param maxRetry failures before a ban
 */
public record Fail2banSeed(
    String lanSegment, String destEmail, String sender, String mta, String sshPort, int maxRetry) {
  /** Validates. */
  public Fail2banSeed {
    requireNonNull(lanSegment, "lanSegment");
    requireNonNull(destEmail, "destEmail");
    requireNonNull(sender, "sender");
    requireNonNull(mta, "mta");
    requireNonNull(sshPort, "sshPort");
    if (maxRetry < 1) {
      throw new IllegalArgumentException("maxRetry must be positive: " + maxRetry);
    }
  }

  /** {@code jail.local}: the given one (or a new, empty one) with the seed's {@code [DEFAULT]}. */
  public Fail2banIniDocument jailLocal(Fail2banIniDocument existing) {
    String ignore = lanSegment.isEmpty() ? "127.0.0.1/8" : "127.0.0.1/8 " + lanSegment;
    return existing
        .withOption("DEFAULT", "ignoreip", ignore)
        .withOption("DEFAULT", "destemail", destEmail)
        .withOption("DEFAULT", "sender", sender)
        .withOption("DEFAULT", "mta", mta)
        .withOption("DEFAULT", "action", "%(action_mwl)s");
  }

  /**
   * {@code jail.d/ssh.local}: the given one (or a new, empty one) with the seed's {@code [sshd]}.
   */
  public Fail2banIniDocument sshLocal(Fail2banIniDocument existing) {
    return existing
        .withOption("sshd", "enabled", "true")
        .withOption("sshd", "banaction", "ufw")
        .withOption("sshd", "port", sshPort)
        .withOption("sshd", "filter", "sshd")
        .withOption("sshd", "logpath", "%(sshd_log)s")
        .withOption("sshd", "maxretry", Integer.toString(maxRetry));
  }

  /**
   * Writes (or edits) {@code confDir/jail.local} and {@code confDir/jail.d/ssh.local}.
   *
   * @throws IOException when a file cannot be read or written
   */
  public void writeTo(Path confDir) throws IOException {
    Path jailLocal = confDir.resolve("jail.local");
    Path sshLocal = confDir.resolve("jail.d").resolve("ssh.local");
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
