package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * A profile with ufw's three fields, in the order ufw's own profiles write them.
   *
   * <pre>{@code
   * AppProfile.of("MyApp", "My app", "What it serves", List.of("8080/tcp", "8443/tcp"));
   * }</pre>
   */
  public static AppProfile of(String name, String title, String description, List<String> ports) {
    return new AppProfile(
        name,
        ImmutableMap.of(
            "title", title, "description", description, "ports", String.join("|", ports)));
  }

  /** This profile with its {@code ports} field set to {@code ports} joined with {@code |}. */
  public AppProfile withPorts(List<String> ports) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("ports", String.join("|", ports));
    return new AppProfile(name, ImmutableMap.copyOf(f));
  }

  /** ufw's verify_profile: the message ufw gives for an unusable profile, empty if usable. */
  public Optional<String> problem(ServicesDatabase services) {
    for (String f : REQUIRED) {
      if (!fields.containsKey(f)) {
        return Optional.of("Profile '" + name + "' missing required field '" + f + "'");
      } else if (fields.get(f).isEmpty()) {
        return Optional.of("Profile '" + name + "' has empty required field '" + f + "'");
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
        return Optional.of(invalidPorts());
      }
      Optional<UfwProtocol> known = UfwProtocol.fromWord(proto);
      if (known.isPresent() && !known.get().hasPorts()) {
        return Optional.of(invalidPorts());
      }
      if (proto.equals("any") && (port.contains(":") || port.contains(","))) {
        return Optional.of(invalidPorts());
      }
      RuleDraft d = new RuleDraft();
      try {
        d.setProtocol(proto);
        d.setPort(port, true, services);
      } catch (UfwError e) {
        return Optional.of(invalidPorts());
      }
    }
    return Optional.empty();
  }

  /** The fields verify_profile requires, in the order it checks them. */
  private static final ImmutableList<String> REQUIRED =
      ImmutableList.of("title", "description", "ports");

  private String invalidPorts() {
    return "Invalid ports in profile '" + name + "'";
  }
}
