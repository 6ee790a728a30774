package dev.hostguard.ufw.gen;

import com.google.common.collect.ImmutableList;
import dev.hostguard.ufw.AppProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of ufw application profiles and {@code /etc/services} entries: profile
 * names of ufw's alphabet (letters, digits, blanks, {@code _-.+}), titles and descriptions in wide
 * characters (sometimes over several lines), ports as single ports, lists and ranges with or
 * without a protocol, and services entries with drawn names, ports, protocols and aliases.
 *
 * <pre>{@code
 * qt().forAll(AppProfileGens.profiles()).checkAssert(p ->
 *     assertThat(AppProfileFile.of("f", List.of(p), services).profiles()).containsExactly(p));
 * }</pre>
 *
 * <p>Not every drawn profile or entry is one ufw accepts (a name may be too long, a port list may
 * lack its protocol): laws skip what the model refuses and count what they checked.
 */
public final class AppProfileGens {
  private static final String NAME_START =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String NAME_REST = NAME_START + " _-.+";
  private static final String[] PROTOS = {"tcp", "udp", "TCP", "sctp", "ddp"};

  private AppProfileGens() {}

  /**
   * One {@code /etc/services} entry.
   *
   * @param name the service name
   * @param port the port
   * @param protocol the protocol, as written
   * @param aliases the aliases
   */
  public record ServiceEntry(
      String name, int port, String protocol, ImmutableList<String> aliases) {}

  /** Profiles ufw's checks mostly accept. */
  public static Gen<AppProfile> profiles() {
    return in -> profile(new Draws(in));
  }

  /** Services entries; a few have words the services format cannot hold (blanks, {@code #}). */
  public static Gen<ServiceEntry> serviceEntries() {
    return in -> {
      Draws d = new Draws(in);
      List<String> aliases = new ArrayList<>();
      int n = d.n(3);
      for (int i = 0; i < n; i++) {
        aliases.add(word(d));
      }
      return new ServiceEntry(
          word(d), d.percent(5) ? 0 : d.port(), d.pick(PROTOS), ImmutableList.copyOf(aliases));
    };
  }

  private static String word(Draws d) {
    String w = d.text(12);
    return d.percent(95) ? w.replace(' ', '-').replace('#', '_') : w;
  }

  private static AppProfile profile(Draws d) {
    StringBuilder name = new StringBuilder();
    name.append(NAME_START.charAt(d.n(NAME_START.length())));
    int len = d.n(d.percent(5) ? 70 : 20);
    for (int i = 0; i < len; i++) {
      name.append(NAME_REST.charAt(d.n(NAME_REST.length())));
    }
    String n = name.toString().strip();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", value(d));
    fields.put("description", value(d));
    List<String> ports = new ArrayList<>();
    int k = 1 + d.n(3);
    for (int i = 0; i < k; i++) {
      ports.add(port(d));
    }
    fields.put("ports", String.join("|", ports));
    if (d.percent(10)) {
      fields.put("x-" + NAME_START.toLowerCase(java.util.Locale.ROOT).charAt(d.n(26)), value(d));
    }
    return new AppProfile(n, com.google.common.collect.ImmutableMap.copyOf(fields));
  }

  private static String value(Draws d) {
    String v = d.text(30).strip();
    if (v.isEmpty()) {
      v = "x";
    }
    if (d.percent(10)) {
      v = v + "\n" + d.text(20).strip().replace("#", "").replace(";", "") + "x";
    }
    return v;
  }

  private static String port(Draws d) {
    String proto = d.pick(new String[] {"tcp", "udp"});
    return switch (d.n(5)) {
      case 0 -> String.valueOf(d.port());
      case 1 -> d.port() + "/" + proto;
      case 2 -> d.port() + "," + d.port() + "/" + proto;
      case 3 -> d.portRange() + "/" + proto;
      default -> d.portRange() + "," + d.port() + "/" + proto;
    };
  }
}
