package dev.hostguard.host;

import com.google.common.collect.ImmutableList;
import dev.hostguard.fail2ban.Fail2banIniDocument;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.ufw.AppProfiles;
import dev.hostguard.ufw.UfwLogLevel;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UfwRuleSet;
import dev.hostguard.ufw.UfwTree;
import dev.hostguard.ufw.UserRulesOptions;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link Plan#of}: compares a desired state with a host's and lists the steps. */
final class Planner {
  private static final Path SLASH = Path.of("/");

  private Planner() {}

  static Plan plan(DesiredState desired, HostState actual, PlanOptions options) {
    List<PlanStep> steps = new ArrayList<>();
    UfwTree tree = actual.ufw();
    Map<Path, String> ufwFiles = tree.files();

    // application profiles first: rules may name them
    Map<String, String> profiles = new TreeMap<>();
    ufwFiles.forEach(
        (p, text) -> {
          if (UfwTree.APPLICATIONS.equals(p.getParent())) {
            profiles.put(p.getFileName().toString(), text);
          }
        });
    desired
        .appProfiles()
        .forEach(
            (name, text) -> {
              Path rel = UfwTree.APPLICATIONS.resolve(name);
              write(steps, SLASH.resolve(rel), Optional.ofNullable(ufwFiles.get(rel)), text);
              profiles.put(name, text);
            });

    boolean beforeRulesChanged = false;
    if (desired.psadLogging()) {
      for (Path rel : List.of(HostTrees.BEFORE_RULES, HostTrees.BEFORE6_RULES)) {
        String text = ufwFiles.get(rel);
        if (text == null) {
          throw new IllegalArgumentException("no " + SLASH.resolve(rel) + " on the host");
        }
        IptablesRestoreDocument doc = IptablesRestoreDocument.parse(rel.toString(), text);
        IptablesRestoreDocument edited = PsadLogRules.ensure(doc, desired.psadLogPrefix());
        if (edited != doc) {
          beforeRulesChanged |=
              write(steps, SLASH.resolve(rel), Optional.of(text), edited.render());
        }
      }
    }

    if (!desired.psadSettings().isEmpty()) {
      PsadConfDocument doc =
          actual
              .psadConf()
              .orElseThrow(
                  () -> new IllegalArgumentException("no " + desired.psadConf() + " on the host"));
      PsadConfDocument edited = doc;
      for (Map.Entry<String, String> e : desired.psadSettings().entrySet()) {
        edited = edited.withValue(e.getKey(), e.getValue());
      }
      if (!edited.equals(doc)) {
        steps.add(
            new PlanStep.WriteFile(
                FileChange.ofOwned(desired.psadConf(), doc.toBytes(), edited.toBytes())));
      }
    }

    Map<Path, Fail2banIniDocument> jails = new LinkedHashMap<>();
    for (Fail2banOverride o : desired.fail2banOverrides()) {
      Path abs = desired.fail2banDir().resolve(o.file());
      Fail2banIniDocument doc =
          jails.computeIfAbsent(
              abs,
              p ->
                  Fail2banIniDocument.parse(
                      p.toString(), actual.fail2banFiles().getOrDefault(p, "")));
      jails.put(abs, doc.withOption(o.section(), o.key(), o.value()));
    }
    jails.forEach(
        (p, doc) ->
            write(steps, p, Optional.ofNullable(actual.fail2banFiles().get(p)), doc.render()));

    // ufw: settings, rules, then enable / reload
    boolean enabled = actual.ufwEnabled();
    UserRulesOptions current = tree.options();
    UserRulesOptions wanted = current;
    UfwTree settled = tree;
    List<ImmutableList<String>> settings = new ArrayList<>();
    if (desired.incomingPolicy().isPresent()
        && desired.incomingPolicy().get() != current.inputPolicy()) {
      UfwPolicy p = desired.incomingPolicy().get();
      settings.add(ImmutableList.of("default", p.word(), "incoming"));
      settled = settled.withInputPolicy(p);
      wanted = wanted.withInputPolicy(p);
    }
    if (desired.outgoingPolicy().isPresent()
        && desired.outgoingPolicy().get() != current.outputPolicy()) {
      UfwPolicy p = desired.outgoingPolicy().get();
      settings.add(ImmutableList.of("default", p.word(), "outgoing"));
      settled = settled.withOutputPolicy(p);
      wanted = wanted.withOutputPolicy(p);
    }
    if (desired.routedPolicy().isPresent()
        && desired.routedPolicy().get() != current.forwardPolicy()) {
      UfwPolicy p = desired.routedPolicy().get();
      settings.add(ImmutableList.of("default", p.word(), "routed"));
      settled = settled.withForwardPolicy(p);
      wanted = wanted.withForwardPolicy(p);
    }
    Optional<UfwLogLevel> level = desired.logging().filter(l -> l != current.logLevel());
    if (level.isPresent()) {
      settings.add(ImmutableList.of("logging", level.get().word()));
      wanted = wanted.withLogLevel(level.get());
    }

    UfwRuleSet rules =
        tree.rules().toBuilder()
            .firewallActive(enabled)
            .applicationProfiles(AppProfiles.fromFiles(profiles, actual.services()))
            .build();
    UfwRulePlanner.Result r =
        UfwRulePlanner.plan(
            desired.rules(),
            desired.ownsRules(),
            rules,
            UfwRuleParser.of(actual.services()),
            options.alwaysBulk() ? -1 : options.bulkThreshold());
    boolean bulk = r.bulk();
    boolean reload = beforeRulesChanged;
    boolean userRulesWritten = false;
    if (bulk) {
      Map<Path, String> files = new LinkedHashMap<>();
      settled
          .changedFiles()
          .forEach(
              (p, text) -> {
                if (p.equals(UfwTree.DEFAULTS)
                    || p.equals(UfwTree.AFTER_RULES)
                    || p.equals(UfwTree.AFTER6_RULES)) {
                  files.put(p, text);
                }
              });
      if (level.isPresent()) {
        files.put(UfwTree.CONF, tree.conf().withLogLevel(level.get().word()).render());
      }
      files.put(UfwTree.USER_RULES, r.after().rulesFileText(false, wanted));
      files.put(UfwTree.USER6_RULES, r.after().rulesFileText(true, wanted));
      for (Map.Entry<Path, String> e : files.entrySet()) {
        Path rel = e.getKey();
        boolean wrote =
            write(steps, SLASH.resolve(rel), Optional.ofNullable(ufwFiles.get(rel)), e.getValue());
        if (rel.equals(UfwTree.USER_RULES) || rel.equals(UfwTree.USER6_RULES)) {
          userRulesWritten |= wrote;
        } else {
          reload |= wrote;
        }
      }
    } else {
      for (List<String> argv : settings) {
        steps.add(ufw(argv));
      }
      for (List<String> argv : r.commands()) {
        steps.add(ufw(argv));
      }
    }
    Optional<Boolean> want = desired.ufwEnabled();
    if (want.isPresent() && want.get() && !enabled) {
      steps.add(ufw(List.of("--force", "enable")));
    } else if (want.isPresent() && !want.get() && enabled) {
      steps.add(ufw(List.of("disable")));
    } else if (enabled && reload) {
      steps.add(ufw(List.of("reload")));
    } else if (enabled && userRulesWritten) {
      // What ufw itself runs after it inserts, updates or deletes a rule on an enabled firewall
      // (backend_iptables.py's _reload_user_rules): each rules file back into the running firewall
      // without flushing the rest. The files declare every user chain, which iptables-restore -n
      // flushes before it fills them, so this is ufw's flush of the user chains too.
      steps.add(restore("iptables-restore", UfwTree.USER_RULES));
      if (tree.defaults().ipv6()) {
        steps.add(restore("ip6tables-restore", UfwTree.USER6_RULES));
      }
    }
    UfwFirewallState after =
        new UfwFirewallState(
            want.orElse(enabled),
            r.after(),
            UfwFirewallState.chain(wanted.inputPolicy()),
            UfwFirewallState.chain(wanted.outputPolicy()));
    return Plan.computed(steps, r.unmanaged(), bulk, after);
  }

  private static PlanStep restore(String tool, Path rules) {
    return new PlanStep.RunCommand(ImmutableList.of(tool, "-n", SLASH.resolve(rules).toString()));
  }

  private static PlanStep ufw(List<String> args) {
    return new PlanStep.RunCommand(ImmutableList.<String>builder().add("ufw").addAll(args).build());
  }

  /** Adds a write when {@code text} differs from the file; says whether it did. */
  private static boolean write(
      List<PlanStep> steps, Path path, Optional<String> before, String text) {
    if (before.isPresent() && before.get().equals(text)) {
      return false;
    }
    steps.add(
        new PlanStep.WriteFile(
            FileChange.ofOwned(
                path,
                before.map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(null),
                text.getBytes(StandardCharsets.UTF_8))));
    return true;
  }
}
