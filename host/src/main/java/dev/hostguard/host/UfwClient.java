package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.ufw.UfwLogLevel;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import dev.hostguard.ufw.status.UfwAddedRules;
import dev.hostguard.ufw.status.UfwStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code ufw} on a host, typed: one method per command, each run once through the executor as
 * {@code ufw [--datadir=DIR] WORDS...} (an argv, no shell), the status commands' stdout parsed by
 * ufw-model ({@link UfwStatus}, {@link UfwAddedRules}). Rules are passed as the words {@link
 * UfwRuleFormat#argv} gives (a rule whose addresses are anywhere therefore goes to both IP
 * versions, as {@code ufw allow 22} does). Commands that would ask "Proceed with operation (y|n)?"
 * are run with {@code --force}. A command ufw refuses (its {@code ERROR:} line, exit 1) throws
 * {@link ToolRefusedException} whose message is ufw's, without {@code ERROR: }. The rule commands
 * return what ufw printed ({@code Rule added}, {@code Rule added (v6)}, …) without the final
 * newline. Immutable.
 *
 * <pre>{@code
 * UfwClient ufw = UfwClient.on(executor);
 * ufw.add(UfwRule.builder().action(UfwAction.LIMIT).protocol(UfwProtocol.TCP).destinationPort("22").build());
 * ufw.enable(); ufw.statusNumbered().rules(); // [the limit rule, its IPv6 twin]
 * }</pre>
 */
public final class UfwClient {
  /** The program run, found on the executor's PATH. */
  public static final String PROGRAM = "ufw";

  private static final String ERROR = "ERROR: ";
  private static final String ROUTE = "route";

  private final CommandExecutor executor;
  private final @Nullable Path datadir;

  private UfwClient(CommandExecutor executor, @Nullable Path datadir) {
    this.executor = requireNonNull(executor, "executor");
    this.datadir = datadir;
  }

  /** A client running {@code ufw} through {@code executor}, on the host's own configuration. */
  public static UfwClient on(CommandExecutor executor) {
    return new UfwClient(executor, null);
  }

  /**
   * This client reading and writing ufw's files under {@code dir} ({@code --datadir=DIR}: {@code
   * DIR/etc/ufw}, {@code DIR/etc/default/ufw}).
   */
  public UfwClient withDatadir(Path dir) {
    return new UfwClient(executor, requireNonNull(dir, "dir"));
  }

  /** The data directory given; empty means ufw's own ({@code /}). */
  public Optional<Path> datadir() {
    return Optional.ofNullable(datadir);
  }

  /** {@code status}: active or inactive, and the rules grouped as ufw lists them. */
  public UfwStatus status() {
    return status("status");
  }

  /** {@code status verbose}: also the logging level and the default policies. */
  public UfwStatus statusVerbose() {
    return status("status", "verbose");
  }

  /**
   * {@code status numbered}: the rules numbered as {@code delete N} and {@code insert N} count them
   * ({@link UfwStatus#rules()} reads them back as rules).
   */
  public UfwStatus statusNumbered() {
    return status("status", "numbered");
  }

  /** {@code show added}: the commands that would make the user rules (also while ufw is off). */
  public UfwAddedRules showAdded() {
    return UfwAddedRules.parse(source("show", "added"), run("show", "added").stdout());
  }

  /** {@code RULE}: appends the rule unless it is there ({@code Skipping adding existing rule}). */
  public String add(UfwRule rule) {
    return message(ruleWords(List.of(), rule));
  }

  /**
   * {@code insert N RULE} ({@code route insert N RULE} for a route rule): the rule becomes number
   * {@code position} of {@code status numbered}.
   */
  public String insert(int position, UfwRule rule) {
    return message(ruleWords(List.of("insert", Integer.toString(position)), rule));
  }

  /** {@code prepend RULE}: the rule goes first among the rules of its IP version. */
  public String prepend(UfwRule rule) {
    return message(ruleWords(List.of("prepend"), rule));
  }

  /** {@code delete RULE} ({@code route delete RULE} for a route rule). */
  public String delete(UfwRule rule) {
    return message(ruleWords(List.of("delete"), rule));
  }

  /** {@code --force delete N}: deletes rule {@code number} of {@code status numbered}. */
  public String delete(int number) {
    return message(List.of("--force", "delete", Integer.toString(number)));
  }

  /** {@code default POLICY incoming}. */
  public String defaultIncoming(UfwPolicy policy) {
    return defaultPolicy(policy, "incoming");
  }

  /** {@code default POLICY outgoing}. */
  public String defaultOutgoing(UfwPolicy policy) {
    return defaultPolicy(policy, "outgoing");
  }

  /** {@code default POLICY routed}. */
  public String defaultRouted(UfwPolicy policy) {
    return defaultPolicy(policy, "routed");
  }

  private String defaultPolicy(UfwPolicy policy, String chain) {
    return message(List.of("default", requireNonNull(policy, "policy").word(), chain));
  }

  /** {@code logging LEVEL} ({@code off}, {@code low}, … {@code full}). */
  public String logging(UfwLogLevel level) {
    return message(List.of("logging", requireNonNull(level, "level").word()));
  }

  /**
   * {@code --force enable}: starts the firewall now and at boot, without ufw's question about
   * disrupting ssh connections.
   */
  public String enable() {
    return message(List.of("--force", "enable"));
  }

  /** {@code disable}: stops the firewall now and at boot. */
  public String disable() {
    return message(List.of("disable"));
  }

  /** {@code reload}: loads the rules files again ({@code Firewall not enabled} when it is off). */
  public String reload() {
    return message(List.of("reload"));
  }

  /** {@code app list}: the names of the application profiles, sorted as ufw lists them. */
  public ImmutableList<String> appList() {
    CommandResult r = run("app", "list");
    String[] lines = r.stdout().split("\n", -1);
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith("  ")) {
        names.add(lines[i].substring(2));
      } else if (!lines[i].isEmpty()) {
        throw new IllegalStateException("unexpected line in 'ufw app list': " + lines[i]);
      }
    }
    return names.build();
  }

  /**
   * {@code app info NAME}: the profile as ufw describes it (a text hostguard does not model; the
   * profile itself is {@code AppProfiles.byName()}).
   */
  public String appInfo(String name) {
    return run("app", "info", requireNonNull(name, "name")).stdout();
  }

  /** {@code app update NAME}: reloads rules using the profile after it changed on disk. */
  public String appUpdate(String name) {
    return message(List.of("app", "update", requireNonNull(name, "name")));
  }

  /** {@code version}: ufw's version number ({@code 0.36.2}). */
  public String version() {
    String first = run("version").stdout().lines().findFirst().orElse("");
    if (!first.startsWith(PROGRAM + " ")) {
      throw new IllegalStateException("unexpected 'ufw version' output: " + first);
    }
    return first.substring(PROGRAM.length() + 1).strip();
  }

  /** The words of a rule command: {@code before} ahead of the rule, after {@code route}. */
  static ImmutableList<String> ruleWords(List<String> before, UfwRule rule) {
    ImmutableList<String> words = UfwRuleFormat.argv(requireNonNull(rule, "rule"));
    List<String> out = new ArrayList<>(words.size() + before.size());
    int rest = 0;
    if (!words.isEmpty() && words.get(0).equals(ROUTE)) {
      out.add(ROUTE);
      rest = 1;
    }
    out.addAll(before);
    out.addAll(words.subList(rest, words.size()));
    return ImmutableList.copyOf(out);
  }

  /** The whole argv for these command words. */
  ImmutableList<String> argv(List<String> words) {
    ImmutableList.Builder<String> argv = ImmutableList.<String>builder().add(PROGRAM);
    if (datadir != null) {
      argv.add("--datadir=" + datadir);
    }
    for (String w : words) {
      argv.add(requireNonNull(w, "word"));
    }
    return argv.build();
  }

  private UfwStatus status(String... words) {
    return UfwStatus.parse(source(words), run(words).stdout());
  }

  private static String source(String... words) {
    return PROGRAM + " " + String.join(" ", words);
  }

  private String message(List<String> words) {
    String out = ToolRun.run(executor, argv(words), UfwClient::message).stdout();
    return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
  }

  private CommandResult run(String... words) {
    return ToolRun.run(executor, argv(List.of(words)), UfwClient::message);
  }

  /** ufw's message: its last {@code ERROR:} line without the prefix, else its last line. */
  static String message(CommandResult r) {
    for (String text : List.of(r.stderr(), r.stdout())) {
      String[] lines = text.split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        if (lines[i].startsWith(ERROR)) {
          return lines[i].substring(ERROR.length()).strip();
        }
      }
    }
    return ToolRun.lastOutputLine(r);
  }

  /** {@code ufw} with its data directory, for logs. */
  @Override
  public String toString() {
    return "UfwClient " + argv(List.of()) + " via " + executor;
  }
}
