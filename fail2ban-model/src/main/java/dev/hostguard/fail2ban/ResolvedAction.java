package dev.hostguard.fail2ban;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * One action of a jail after resolution: its name, its commands ({@code actionstart}, {@code
 * actionstop}, {@code actioncheck}, {@code actionban}, {@code actionunban}, ...) with tags
 * substituted as far as fail2ban substitutes them before the server, and its init values.
 *
 * <pre>{@code
 * ResolvedAction ufw = jail.actions().get(0);
 * ufw.command("actionban"); // Optional[ufw insert 1 deny from <ip> to any app ...]
 * }</pre>
 */
public record ResolvedAction(
    String name, ImmutableMap<String, String> commands, ImmutableMap<String, String> init) {
  /** One command ({@code actionban} ...), if the action defines it. */
  public Optional<String> command(String key) {
    return Optional.ofNullable(commands.get(key));
  }
}
