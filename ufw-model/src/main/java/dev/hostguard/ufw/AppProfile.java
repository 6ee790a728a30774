package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * One application profile ({@code [Name]} section of a file in {@code /etc/ufw/applications.d}):
 * its name and fields as Python's RawConfigParser reads them (keys lower-cased, values stripped).
 *
 * <pre>{@code
 * AppProfile p = AppProfileFile.parse("plex", text).profiles().get(0);
 * p.ports(); // [32469/tcp, 32413/udp, ...]
 * }</pre>
 */
public record AppProfile(String name, ImmutableMap<String, String> fields) {
  /** Checks non-null parts. */
  public AppProfile {
    requireNonNull(name, "name");
    requireNonNull(fields, "fields");
  }

  /** The {@code title} field or {@code ""}. */
  public String title() {
    return fields.getOrDefault("title", "");
  }

  /** The {@code description} field or {@code ""}. */
  public String description() {
    return fields.getOrDefault("description", "");
  }

  /** The {@code ports} field split at {@code |} (empty if missing or empty). */
  public ImmutableList<String> ports() {
    String p = fields.getOrDefault("ports", "");
    return p.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(p.split("\\|", -1));
  }

  /**
   * ufw's verify_profile: the message ufw gives for an unusable profile, or {@code null} if usable.
   */
  public @org.jspecify.annotations.Nullable String problem(ServicesDatabase services) {
    for (String f : new String[] {"title", "description", "ports"}) {
      if (!fields.containsKey(f)) {
        return "Profile '" + name + "' missing required field '" + f + "'";
      } else if (fields.get(f).isEmpty()) {
        return "Profile '" + name + "' has empty required field '" + f + "'";
      }
    }
    for (String p : ports()) {
      String[] tmp = p.split("/", -1);
      String port;
      String proto;
      if (tmp.length == 1) {
        port = tmp[0];
        proto = "any";
      } else if (tmp.length == 2) {
        port = tmp[0];
        proto = tmp[1];
      } else {
        return invalidPorts();
      }
      if (UfwProtocol.fromWord(proto).map(x -> !x.hasPorts()).orElse(false)) {
        return invalidPorts();
      }
      if (proto.equals("any") && (port.contains(":") || port.contains(","))) {
        return invalidPorts();
      }
      RuleDraft d = new RuleDraft();
      try {
        d.setProtocol(proto);
        d.setPort(port, true, services);
      } catch (UfwError e) {
        return invalidPorts();
      }
    }
    return null;
  }

  private String invalidPorts() {
    return "Invalid ports in profile '" + name + "'";
  }
}
