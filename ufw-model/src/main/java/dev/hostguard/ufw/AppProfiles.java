package dev.hostguard.ufw;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.core.internal.PythonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The application profiles ufw loads from a directory, with ufw's skipping rules and warnings, and
 * the text of {@code ufw app list} / {@code ufw app info}.
 *
 * <pre>{@code
 * AppProfiles apps = AppProfiles.load(Path.of("/etc/ufw/applications.d"), ServicesDatabase.fromHost());
 * System.out.println(apps.listText());
 * }</pre>
 */
public final class AppProfiles {
  private static final long MAX_SIZE = 10L * 1024 * 1024;

  private final ImmutableMap<String, AppProfile> byName;
  private final ImmutableList<String> warnings;
  private final ServicesDatabase services;

  private AppProfiles(
      Map<String, AppProfile> byName, List<String> warnings, ServicesDatabase services) {
    this.byName = ImmutableMap.copyOf(byName);
    this.warnings = ImmutableList.copyOf(warnings);
    this.services = services;
  }

  /** Profiles given directly (name order as ufw sorts them). */
  public static AppProfiles of(List<AppProfile> profiles, ServicesDatabase services) {
    Map<String, AppProfile> m = new LinkedHashMap<>();
    for (AppProfile p : profiles) {
      m.put(p.name(), p);
    }
    return new AppProfiles(sortedByName(m), List.of(), services);
  }

  /**
   * The profiles in name order, sorted once: a sorted map would compare log(n) names on every
   * lookup and insertion while loading, and copying it walks a tree (the superlinear part of
   * loading 1,000 profiles). Given in the order they were found, names are mostly in runs already
   * (a file lists App1, App10, App11, ...), which the merge sort takes as they are.
   */
  private static ImmutableMap<String, AppProfile> sortedByName(Map<String, AppProfile> profiles) {
    @SuppressWarnings("unchecked")
    Map.Entry<String, AppProfile>[] entries = profiles.entrySet().toArray(new Map.Entry[0]);
    Arrays.sort(entries, Map.Entry.comparingByKey());
    ImmutableMap.Builder<String, AppProfile> b =
        ImmutableMap.builderWithExpectedSize(entries.length);
    for (Map.Entry<String, AppProfile> e : entries) {
      b.put(e.getKey(), e.getValue());
    }
    return b.buildOrThrow();
  }

  /**
   * Loads a profiles directory as ufw's get_profiles does (reads the disk; {@link #fromFiles} is
   * the same from memory).
   *
   * @throws UfwRefusedException "Profiles directory does not exist" (ufw's message)
   */
  public static AppProfiles load(Path dir, ServicesDatabase services) {
    if (!Files.isDirectory(dir)) {
      throw new UfwRefusedException("Profiles directory does not exist");
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UfwRefusedException("Profiles directory does not exist");
    }
    Map<String, byte[]> files = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    for (String f : names) {
      Path abs = dir.resolve(f);
      if (!Files.isRegularFile(abs)) {
        continue;
      }
      try {
        files.put(f, Files.readAllBytes(abs));
      } catch (IOException e) {
        if (!ignored(f)) {
          warnings.add("Skipping '" + f + "': couldn't stat");
        }
      }
    }
    return read(files, warnings, services);
  }

  /**
   * The profiles of an {@code applications.d} directory given in memory, file name → content, read
   * as ufw's get_profiles reads the directory (hidden and package-manager files skipped, the rest
   * in name order, warnings as ufw words them).
   *
   * <pre>{@code
   * AppProfiles p = AppProfiles.fromFiles(Map.of("openssh-server", text), services);
   * }</pre>
   */
  public static AppProfiles fromFiles(Map<String, String> files, ServicesDatabase services) {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return read(bytes, new ArrayList<>(), services);
  }

  private static boolean ignored(String f) {
    return f.startsWith(".")
        || f.endsWith(".dpkg-new")
        || f.endsWith(".dpkg-old")
        || f.endsWith(".dpkg-dist")
        || f.endsWith(".rpmnew")
        || f.endsWith(".rpmsave")
        || f.endsWith("~");
  }

  private static AppProfiles read(
      Map<String, byte[]> files, List<String> warnings, ServicesDatabase services) {
    Map<String, AppProfile> profiles = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
      String f = e.getKey();
      if (ignored(f)) {
        continue;
      }
      long size = e.getValue().length;
      if (size > MAX_SIZE) {
        warnings.add("Skipping '" + f + "': too big");
        continue;
      }
      if (total + size > MAX_SIZE) {
        warnings.add("Skipping '" + f + "': too many files read already");
        continue;
      }
      total += size;
      AppProfileFile file;
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(e.getValue()))
                .toString();
        file = AppProfileFile.parse(f, text);
      } catch (IOException | AppProfileParseException x) {
        warnings.add("Skipping '" + f + "': couldn't process");
        continue;
      }
      for (AppProfile p : file.profiles()) {
        String n = p.name();
        Optional<String> skip = skipped(p, services);
        if (skip.isPresent()) {
          warnings.add(skip.get());
          continue;
        }
        if (profiles.containsKey(n)) {
          warnings.add("Duplicate profile '" + n + "', using last found");
        }
        Optional<String> problem = p.problem(services);
        if (problem.isEmpty()) {
          profiles.put(n, p);
        } else {
          // ufw warns with the UFWError itself, whose str() is the repr of its message
          warnings.add(PythonText.reprString(problem.get()));
        }
      }
    }
    return new AppProfiles(sortedByName(profiles), warnings, services);
  }

  /**
   * The warning ufw prints when its get_profiles skips this profile (name, services clash,
   * lengths); empty when it keeps it.
   */
  private static Optional<String> skipped(AppProfile p, ServicesDatabase services) {
    String n = p.name();
    if (n.codePointCount(0, n.length()) > 64) {
      return Optional.of("Skipping '" + n + "': name too long");
    }
    if (!UfwRuleParser.isValidProfileName(n)) {
      return Optional.of("Skipping '" + n + "': invalid name");
    }
    if (services.protocol(n).isPresent()) {
      return Optional.of("Skipping '" + n + "': also in /etc/services");
    }
    for (Map.Entry<String, String> kv : p.fields().entrySet()) {
      if (kv.getKey().codePointCount(0, kv.getKey().length()) > 64) {
        return Optional.of("Skipping '" + n + "': field too long");
      }
      if (kv.getValue().codePointCount(0, kv.getValue().length()) > 1024) {
        return Optional.of("Skipping '" + n + "': value too long for '" + kv.getKey() + "'");
      }
    }
    return Optional.empty();
  }

  /**
   * What ufw says when it would not use this profile: the warning of get_profiles' skipping rules,
   * else verify_profile's message; empty when ufw loads it.
   */
  static Optional<String> refusal(AppProfile p, ServicesDatabase services) {
    return skipped(p, services).or(() -> p.problem(services));
  }

  /** Profiles by name, sorted as ufw sorts them. */
  public ImmutableMap<String, AppProfile> byName() {
    return byName;
  }

  /** The services database the profiles' service-name ports resolve through. */
  ServicesDatabase services() {
    return services;
  }

  /** ufw's warnings while loading, in order (without the {@code WARN: } prefix). */
  public ImmutableList<String> warnings() {
    return warnings;
  }

  /** find_application_name: exact name, else the single case-insensitive match. */
  String findName(String name) {
    if (byName.containsKey(name)) {
      return name;
    }
    String match = "";
    int matches = 0;
    for (String n : byName.keySet()) {
      if (PythonText.lower(n).equals(PythonText.lower(name))) {
        match = n;
        matches++;
      }
    }
    if (matches == 1) {
      return match;
    } else if (matches > 1) {
      throw new UfwError(
          "Found multiple matches for '" + name + "'. Please use exact profile name");
    }
    throw new UfwError("Could not find a profile matching '" + name + "'");
  }

  /** The output of {@code ufw app list} (without the final newline). */
  public String listText() {
    StringBuilder sb = new StringBuilder("Available applications:");
    for (String n : byName.keySet()) {
      sb.append("\n  ").append(n);
    }
    return sb.toString();
  }

  /**
   * The output of {@code ufw app info NAME} (without the final newline).
   *
   * @throws UfwRefusedException with ufw's message when ufw refuses
   */
  public String infoText(String name) {
    List<String> names = new ArrayList<>();
    if (name.equals("all")) {
      names.addAll(byName.keySet());
    } else {
      if (!UfwRuleParser.isValidProfileName(name)) {
        throw new UfwRefusedException("Invalid profile name");
      }
      names.add(name);
    }
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      AppProfile p = byName.get(n);
      if (p == null) {
        throw new UfwRefusedException("Could not find profile '" + n + "'");
      }
      if (p.problem(services).isPresent()) {
        throw new UfwRefusedException("Invalid profile");
      }
      r.append("Profile: ").append(n).append('\n');
      r.append("Title: ").append(p.title()).append('\n');
      r.append("Description: ").append(p.description()).append("\n\n");
      List<String> ports = p.ports();
      r.append(ports.size() > 1 || ports.get(0).contains(",") ? "Ports:" : "Port:");
      for (String port : ports) {
        r.append("\n  ").append(port);
      }
      if (!n.equals(names.get(names.size() - 1))) {
        r.append("\n\n--\n\n");
      }
    }
    return wrap(r.toString(), 75);
  }

  /** ufw's word_wrap. */
  static String wrap(String text, int width) {
    String[] words = text.split(" ", -1);
    StringBuilder line = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      String word = words[i];
      int lastNl = line.lastIndexOf("\n");
      int curLen = line.codePointCount(lastNl + 1, line.length());
      int nl = word.indexOf('\n');
      String first = nl >= 0 ? word.substring(0, nl) : word;
      boolean wrapIt = curLen + first.codePointCount(0, first.length()) >= width;
      line.append(wrapIt ? '\n' : ' ').append(word);
    }
    return line.toString();
  }
}
