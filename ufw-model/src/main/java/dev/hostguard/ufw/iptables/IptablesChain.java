package dev.hostguard.ufw.iptables;

import java.util.Optional;

/**
 * A chain declaration {@code :name POLICY [packets:bytes]}: built-in chains have a policy such as
 * {@code ACCEPT}, user chains {@code -}; the counters are optional.
 *
 * <pre>{@code
 * IptablesChain c = doc.chains("filter").get(0); // from ":ufw-before-input - [0:0]"
 * c.name(); // "ufw-before-input"   c.policy(); // Optional[-]   c.counters(); // Optional[[0:0]]
 * }</pre>
 *
 * @param name the chain name
 * @param policy the policy word, if present
 * @param counters the {@code [packets:bytes]} word, if present
 */
public record IptablesChain(String name, Optional<String> policy, Optional<String> counters) {

  /** Reads a {@code :chain} line (words separated by blanks). */
  static IptablesChain ofLine(String line) {
    String body = line.startsWith(":") ? line.substring(1) : line;
    String[] words = body.strip().split("[ \\t]+", -1);
    String name = words.length > 0 ? words[0] : "";
    Optional<String> policy = words.length > 1 ? Optional.of(words[1]) : Optional.empty();
    Optional<String> counters = words.length > 2 ? Optional.of(words[2]) : Optional.empty();
    return new IptablesChain(name, policy, counters);
  }

  /** The line {@code :name POLICY [counters]}. */
  public String render() {
    StringBuilder sb = new StringBuilder(":").append(name);
    policy.ifPresent(p -> sb.append(' ').append(p));
    counters.ifPresent(c -> sb.append(' ').append(c));
    return sb.toString();
  }
}
