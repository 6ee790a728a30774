package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.hostguard.ufw.conf.UfwConf;
import dev.hostguard.ufw.conf.UfwDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A whole ufw configuration ({@code /etc/ufw} and {@code /etc/default/ufw}) held in memory: the
 * files as text in, a {@link UfwRuleSet} with its settings and {@link UserRulesOptions} out, and
 * back the files to write. {@link #from} reads nothing from the machine; {@link #load} reads a root
 * directory from the disk. Paths are relative to the root ({@link #USER_RULES} is {@code
 * etc/ufw/user.rules}).
 *
 * <pre>{@code
 * UfwTree tree = UfwTree.from(files, services);
 * UfwTree after = tree.withRules(tree.rules().apply(parser.parse(List.of("limit", "ssh"))).after());
 * Map<Path, String> write = after.changedFiles(); // etc/ufw/user.rules, etc/ufw/user6.rules
 * }</pre>
 */
public final class UfwTree {
  /** {@code etc/default/ufw}: policies, IPV6. */
  public static final Path DEFAULTS = Path.of("etc/default/ufw");

  /** {@code etc/ufw/ufw.conf}: ENABLED, LOGLEVEL. */
  public static final Path CONF = Path.of("etc/ufw/ufw.conf");

  /** {@code etc/ufw/user.rules}. */
  public static final Path USER_RULES = Path.of("etc/ufw/user.rules");

  /** {@code etc/ufw/user6.rules}. */
  public static final Path USER6_RULES = Path.of("etc/ufw/user6.rules");

  /** {@code etc/ufw/after.rules}: its log prefixes follow the default policies. */
  public static final Path AFTER_RULES = Path.of("etc/ufw/after.rules");

  /** {@code etc/ufw/after6.rules}. */
  public static final Path AFTER6_RULES = Path.of("etc/ufw/after6.rules");

  /** {@code etc/ufw/applications.d}: one entry per profile file below it. */
  public static final Path APPLICATIONS = Path.of("etc/ufw/applications.d");

  private final ImmutableMap<Path, String> original;
  private final ImmutableMap<Path, String> files;
  private final UfwConf conf;
  private final UfwDefaults defaults;
  private final UfwRuleSet rules;
  private final UfwRuleSet parsedRules;
  private final UserRulesOptions parsedOptions;

  private UfwTree(
      Map<Path, String> original,
      Map<Path, String> files,
      UfwConf conf,
      UfwDefaults defaults,
      UfwRuleSet rules,
      UfwRuleSet parsedRules,
      UserRulesOptions parsedOptions) {
    this.original = ImmutableMap.copyOf(original);
    this.files = ImmutableMap.copyOf(files);
    this.conf = conf;
    this.defaults = defaults;
    this.rules = rules;
    this.parsedRules = parsedRules;
    this.parsedOptions = parsedOptions;
  }

  /**
   * The tree from its files' text, relative path → text; {@link #DEFAULTS} and {@link #CONF} are
   * required, the rules files and profiles optional. Reads nothing from the machine.
   *
   * @throws UfwRefusedException when a required file is missing or a setting is one ufw refuses
   * @throws dev.hostguard.core.ParseException when a file does not parse
   */
  public static UfwTree from(Map<Path, String> files, ServicesDatabase services) {
    requireNonNull(services, "services");
    UfwConf conf = UfwConf.parse(CONF.toString(), required(files, CONF));
    UfwDefaults defaults = UfwDefaults.parse(DEFAULTS.toString(), required(files, DEFAULTS));
    Map<String, String> profiles = new TreeMap<>();
    for (Map.Entry<Path, String> e : files.entrySet()) {
      Path parent = e.getKey().getParent();
      if (APPLICATIONS.equals(parent)) {
        profiles.put(e.getKey().getFileName().toString(), e.getValue());
      }
    }
    UfwRuleSet rules =
        UfwRuleSet.builder()
            .ipv6Enabled(defaults.ipv6())
            .ipv4Rules(rulesOf(files, USER_RULES))
            .ipv6Rules(rulesOf(files, USER6_RULES))
            .applicationProfiles(AppProfiles.fromFiles(profiles, services))
            .build();
    UserRulesOptions options = options(conf, defaults, rules);
    return new UfwTree(files, files, conf, defaults, rules, rules, options);
  }

  /**
   * Reads the tree under {@code root} from the disk ({@code root} is {@code /} for the host's own
   * configuration) and reads it as {@link #from} does.
   */
  public static UfwTree load(Path root, ServicesDatabase services) {
    Map<Path, String> files = new LinkedHashMap<>();
    try {
      for (Path p : List.of(DEFAULTS, CONF, USER_RULES, USER6_RULES, AFTER_RULES, AFTER6_RULES)) {
        Path abs = root.resolve(p.toString());
        if (Files.isRegularFile(abs)) {
          files.put(p, Files.readString(abs, StandardCharsets.UTF_8));
        }
      }
      Path apps = root.resolve(APPLICATIONS.toString());
      if (Files.isDirectory(apps)) {
        try (Stream<Path> s = Files.list(apps)) {
          for (Path f : (Iterable<Path>) s.sorted()::iterator) {
            if (Files.isRegularFile(f)) {
              files.put(
                  APPLICATIONS.resolve(f.getFileName().toString()),
                  Files.readString(f, StandardCharsets.UTF_8));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ufw tree under " + root, e);
    }
    return from(files, services);
  }

  private static String required(Map<Path, String> files, Path p) {
    String text = files.get(p);
    if (text == null) {
      throw new UfwRefusedException("Couldn't open '" + p + "' for reading");
    }
    return text;
  }

  private static List<UfwRule> rulesOf(Map<Path, String> files, Path p) {
    String text = files.get(p);
    return text == null ? List.of() : UserRulesFile.parse(p.toString(), text).rules();
  }

  private static UserRulesOptions options(UfwConf conf, UfwDefaults defaults, UfwRuleSet rules) {
    String level = conf.logLevel();
    return UserRulesOptions.builder()
        .logLevel(
            UfwLogLevel.fromWord(level)
                .orElseThrow(() -> new UfwRefusedException("Invalid log level '" + level + "'")))
        .inputPolicy(policy(defaults.inputPolicy()))
        .outputPolicy(policy(defaults.outputPolicy()))
        .forwardPolicy(policy(defaults.forwardPolicy()))
        .rateLimitV4(true)
        .rateLimitV6(rules.ipv6LimitSupported())
        .build();
  }

  /** ufw's _get_default_policy: ACCEPT is allow, REJECT reject, anything else deny. */
  private static UfwPolicy policy(UfwPolicy p) {
    return p == UfwPolicy.ALLOW || p == UfwPolicy.REJECT ? p : UfwPolicy.DENY;
  }

  /** The rules of both files, with the profiles and IPv6 setting of the tree. */
  public UfwRuleSet rules() {
    return rules;
  }

  /** {@code ufw.conf}. */
  public UfwConf conf() {
    return conf;
  }

  /** {@code /etc/default/ufw}. */
  public UfwDefaults defaults() {
    return defaults;
  }

  /** What a real ufw run writes around the rules: the log level and policies of the tree. */
  public UserRulesOptions options() {
    return options(conf, defaults, rules);
  }

  /** The same tree with other rules (the rules files are written anew). */
  public UfwTree withRules(UfwRuleSet newRules) {
    return new UfwTree(original, files, conf, defaults, newRules, parsedRules, parsedOptions);
  }

  /** {@code ufw default POLICY incoming}. */
  public UfwTree withInputPolicy(UfwPolicy policy) {
    return withPolicy(policy, defaults.withInputPolicy(conf(policy)));
  }

  /** {@code ufw default POLICY outgoing}. */
  public UfwTree withOutputPolicy(UfwPolicy policy) {
    return withPolicy(policy, defaults.withOutputPolicy(conf(policy)));
  }

  /** {@code ufw default POLICY routed}. */
  public UfwTree withForwardPolicy(UfwPolicy policy) {
    return withPolicy(policy, defaults.withForwardPolicy(conf(policy)));
  }

  private static UfwPolicy conf(UfwPolicy policy) {
    if (policy == UfwPolicy.SKIP) {
      throw new UfwRefusedException("Unsupported policy '" + policy.word() + "'");
    }
    return policy;
  }

  /**
   * ufw's set_default_policy: the value in {@code /etc/default/ufw}, and every {@code UFW BLOCK} of
   * the after rules becomes {@code UFW ALLOW} for allow (the other way round otherwise); with ufw
   * enabled the rules files' LOGGING lines follow the new policy (see {@link #files()}).
   */
  private UfwTree withPolicy(UfwPolicy policy, UfwDefaults newDefaults) {
    String from = policy == UfwPolicy.ALLOW ? "UFW BLOCK" : "UFW ALLOW";
    String to = policy == UfwPolicy.ALLOW ? "UFW ALLOW" : "UFW BLOCK";
    Map<Path, String> newFiles = new LinkedHashMap<>(files);
    for (Path p : List.of(AFTER_RULES, AFTER6_RULES)) {
      String text = newFiles.get(p);
      if (text != null) {
        newFiles.put(p, text.replace(from, to));
      }
    }
    newFiles.put(DEFAULTS, newDefaults.render());
    return new UfwTree(original, newFiles, conf, newDefaults, rules, parsedRules, parsedOptions);
  }

  /**
   * Every file of the tree as it now reads: the files given, with {@code /etc/default/ufw}, the
   * after rules and the rules files as ufw would write them after the edits (the rules files are
   * written anew when the rules changed, or when the options changed while ufw is enabled, as ufw
   * does; otherwise they keep their bytes).
   */
  public ImmutableMap<Path, String> files() {
    Map<Path, String> out = new LinkedHashMap<>(files);
    UserRulesOptions options = options();
    // ufw writes the rules files on a rule change, and on a policy or level change only when the
    // firewall is enabled (it restarts, and start_firewall rewrites the LOGGING lines)
    if (!rules.equals(parsedRules) || (conf.enabled() && !options.equals(parsedOptions))) {
      out.put(USER_RULES, rules.rulesFileText(false, options));
      out.put(USER6_RULES, rules.rulesFileText(true, options));
    }
    return ImmutableMap.copyOf(out);
  }

  /** The files whose text differs from what {@link #from} was given (new files included). */
  public ImmutableMap<Path, String> changedFiles() {
    ImmutableMap.Builder<Path, String> b = ImmutableMap.builder();
    files()
        .forEach(
            (p, text) -> {
              if (!text.equals(original.get(p))) {
                b.put(p, text);
              }
            });
    return b.build();
  }
}
