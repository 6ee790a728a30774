package dev.hostguard.fail2ban.gen;

import dev.hostguard.fail2ban.client.BanCount;
import dev.hostguard.fail2ban.client.JailNotFound;
import dev.hostguard.fail2ban.client.JailStatus;
import dev.hostguard.fail2ban.client.ServerStatus;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of fail2ban-client replies (needs QuickTheories on the classpath: it is
 * an optional dependency of this module).
 *
 * <pre>{@code
 * qt().forAll(Fail2banReplyGens.jailStatuses())
 *     .check(s -> JailStatus.parse("x", s.render()).equals(s));
 * }</pre>
 */
public final class Fail2banReplyGens {
  private static final List<String> JAILS =
      List.of("sshd", "recidive", "nginx-http-auth", "postfix-sasl", "apache_auth", "jail.1");
  private static final List<String> FILES =
      List.of("/var/log/auth.log", "/var/log/nginx/error.log", "/tmp/x y.log", "/var/log/mail.log");
  private static final List<String> IPS =
      List.of("192.0.2.1", "198.51.100.7", "203.0.113.255", "2001:db8::1", "192.0.2.0/24");

  private Fail2banReplyGens() {}

  /** Jail names fail2ban accepts. */
  public static Gen<String> jailNames() {
    return Generate.pick(JAILS);
  }

  /** {@code status} replies. */
  public static Gen<ServerStatus> serverStatuses() {
    return subsets(JAILS).map(ServerStatus::of);
  }

  /** {@code status JAIL} replies for file-backed jails. */
  public static Gen<JailStatus> jailStatuses() {
    Gen<Integer> counts = Generate.range(0, 100_000);
    return jailNames()
        .zip(
            counts,
            counts,
            subsets(FILES),
            (jail, failed, total, files) -> new Object[] {jail, failed, total, files})
        .zip(
            counts,
            counts,
            subsets(IPS),
            (head, banned, totalBanned, ips) -> {
              @SuppressWarnings("unchecked")
              List<String> files = (List<String>) head[3];
              return JailStatus.ofFiles(
                  (String) head[0],
                  (Integer) head[1],
                  (Integer) head[2],
                  files,
                  banned,
                  totalBanned,
                  ips);
            });
  }

  /** Ban and unban counts. */
  public static Gen<BanCount> banCounts() {
    return Generate.range(0, 1_000_000).map(BanCount::new);
  }

  /** Unknown-jail errors. */
  public static Gen<JailNotFound> jailNotFound() {
    return jailNames().map(JailNotFound::new);
  }

  private static Gen<List<String>> subsets(List<String> from) {
    return Generate.longRange(0, (1L << from.size()) - 1)
        .map(
            bits -> {
              List<String> out = new ArrayList<>();
              for (int i = 0; i < from.size(); i++) {
                if ((bits >> i & 1) != 0) {
                  out.add(from.get(i));
                }
              }
              return out;
            });
  }
}
