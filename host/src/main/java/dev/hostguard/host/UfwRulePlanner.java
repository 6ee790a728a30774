package dev.hostguard.host;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.ParseException;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import dev.hostguard.ufw.UfwRuleFormat;
import dev.hostguard.ufw.UfwRuleParser;
import dev.hostguard.ufw.UfwRuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ufw commands (argv after {@code ufw}) that turn one rule set into the desired one, each
 * checked against ufw's own logic ({@link UfwRuleSet#apply}) before it is kept: deletes first
 * (rules out of order, and with ownership rules not desired), then every missing desired rule added
 * or inserted where the desired order wants it. When no command sequence is found, {@link
 * Result#complete()} is false and the caller takes the bulk path.
 */
final class UfwRulePlanner {
  private static final int BRUTE_FORCE_LIMIT = 400;

  /** A desired rule and the rows ufw stores for it. */
  private record Group(UfwRule rule, ImmutableList<UfwRule> rows) {}

  /**
   * The commands (empty on the bulk path), the rule set they reach (or the bulk path writes), the
   * unmanaged rules, and whether to take the bulk path.
   */
  record Result(
      ImmutableList<ImmutableList<String>> commands,
      UfwRuleSet after,
      ImmutableList<String> unmanaged,
      boolean bulk) {}

  private final UfwRuleParser parser;
  private Map<UfwRule, Integer> index = new HashMap<>();
  private final List<ImmutableList<String>> commands = new ArrayList<>();

  /** The current rows (by identity) and their {@link #index} position, -1 for none. */
  private Map<UfwRule, Integer> currentPositions = new IdentityHashMap<>();

  private UfwRulePlanner(UfwRuleParser parser) {
    this.parser = parser;
  }

  /**
   * Plans the rules; {@code maxCommands} is the most commands taken one by one (beyond it, or when
   * no command sequence is found, the bulk path), negative for the bulk path whenever rules change.
   */
  static Result plan(
      List<UfwRule> desired,
      boolean owns,
      UfwRuleSet current,
      UfwRuleParser parser,
      int maxCommands) {
    return new UfwRulePlanner(parser).run(desired, owns, current, maxCommands);
  }

  private Result run(List<UfwRule> desired, boolean owns, UfwRuleSet current, int maxCommands) {
    UfwRuleSet target = current.toBuilder().ipv4Rules(List.of()).ipv6Rules(List.of()).build();
    List<Group> groups = new ArrayList<>();
    int n = 0;
    UfwRuleSet base = target;
    List<UfwRule> t4 = new ArrayList<>();
    List<UfwRule> t6 = new ArrayList<>();
    Set<Key> keys = new HashSet<>(2 * desired.size());
    for (UfwRule d : desired) {
      n++;
      if (!d.isAppRule()) {
        // ufw appends a rule that no earlier one matches, even in part (same but for action, log
        // type or comment): its rows are those it gets in an empty set, found without rebuilding
        // ufw's engine over every rule so far
        List<UfwRule> rows = rows(base.add(d).after());
        // each row's key made once: it is looked up, then added
        List<Key> rowKeys = new ArrayList<>(rows.size());
        boolean clash = false;
        for (UfwRule r : rows) {
          Key k = key(r);
          rowKeys.add(k);
          clash |= keys.contains(k);
        }
        if (!clash) {
          for (UfwRule r : rows) {
            (r.v6() ? t6 : t4).add(r);
          }
          keys.addAll(rowKeys);
          if (!rows.isEmpty()) {
            groups.add(new Group(d, ImmutableList.copyOf(rows)));
          }
          continue;
        }
      }
      target = base.toBuilder().ipv4Rules(t4).ipv6Rules(t6).build();
      UfwRuleSet.Change c = target.add(d);
      Set<UfwRule> before = new HashSet<>(rows(target));
      List<UfwRule> after = rows(c.after());
      if (!new HashSet<>(after).containsAll(before)) {
        throw new IllegalArgumentException(
            "desired rule "
                + n
                + " ("
                + UfwRuleFormat.command(d)
                + ") replaces an earlier desired rule, as ufw updates a rule that differs only in"
                + " action, logging or comment");
      }
      List<UfwRule> added = new ArrayList<>();
      for (UfwRule r : after) {
        if (!before.contains(r)) {
          added.add(r);
        }
      }
      if (!added.isEmpty()) {
        groups.add(new Group(d, ImmutableList.copyOf(added)));
      }
      t4 = new ArrayList<>(c.after().ipv4Rules());
      t6 = new ArrayList<>(c.after().ipv6Rules());
      for (UfwRule r : after) {
        keys.add(key(r));
      }
    }
    target = base.toBuilder().ipv4Rules(t4).ipv6Rules(t6).build();
    // sized once: growing maps of thousands of rules rehashes every rule several times
    index = new HashMap<>(2 * (t4.size() + t6.size()) + 16);
    currentPositions =
        new IdentityHashMap<>(current.ipv4Rules().size() + current.ipv6Rules().size() + 16);
    for (List<UfwRule> list : List.of(target.ipv4Rules(), target.ipv6Rules())) {
      for (int i = 0; i < list.size(); i++) {
        index.put(list.get(i), i);
      }
    }
    // each current row's desired position, looked up by value once: later passes ask by identity
    // (thousands of lookups by value cost more than the rest of the plan)
    boolean[] present4 = new boolean[target.ipv4Rules().size()];
    boolean[] present6 = new boolean[target.ipv6Rules().size()];
    for (UfwRule r : rows(current)) {
      Integer at = index.get(r);
      currentPositions.put(r, at == null ? -1 : at);
      if (at != null) {
        (r.v6() ? present6 : present4)[at] = true;
      }
    }
    List<String> unmanaged = new ArrayList<>();
    Set<UfwRule> toDelete = new LinkedHashSet<>();
    // a set, not the list: a lookup per unmanaged v6 row must not scan every v4 row
    Set<UfwRule> currentV4 = new HashSet<>(current.ipv4Rules());
    for (UfwRule r : rows(current)) {
      if (position(r) == null) {
        if (owns) {
          toDelete.add(r);
        }
        if (!r.v6() || !currentV4.contains(twin(r))) {
          unmanaged.add(UfwRuleFormat.command(r) + (r.v6() ? " (v6)" : ""));
        }
      }
    }
    toDelete.addAll(misplaced(current.ipv4Rules()));
    toDelete.addAll(misplaced(current.ipv6Rules()));
    int changes = toDelete.size();
    for (Group g : groups) {
      for (UfwRule r : g.rows()) {
        if (!(r.v6() ? present6 : present4)[index.get(r)]) {
          changes++;
          break;
        }
      }
    }
    ImmutableList<String> notDesired = ImmutableList.copyOf(unmanaged);
    if (changes == 0) {
      return new Result(ImmutableList.of(), current, notDesired, false);
    }
    UfwRuleSet merged = merged(target, current, toDelete);
    if (maxCommands < 0 || changes > maxCommands) {
      return new Result(ImmutableList.of(), merged, notDesired, true);
    }
    UfwRuleSet cur = current;
    try {
      cur = deleteAll(cur, toDelete);
      for (Group g : groups) {
        cur = insert(cur, g);
      }
      if (converged(cur, target, owns) && commands.size() <= maxCommands) {
        return new Result(ImmutableList.copyOf(commands), cur, notDesired, false);
      }
    } catch (NoCommand e) {
      // no command sequence: the bulk path
    }
    return new Result(ImmutableList.of(), merged, notDesired, true);
  }

  /** What ufw's rule match compares: everything but action, log type and comment. */
  private record Key(
      UfwProtocol protocol,
      String destinationPort,
      String destination,
      String sourcePort,
      String source,
      Optional<String> destinationApp,
      Optional<String> sourceApp,
      UfwDirection direction,
      Optional<String> interfaceIn,
      Optional<String> interfaceOut,
      boolean route,
      boolean v6) {}

  private static Key key(UfwRule r) {
    return new Key(
        r.protocol(),
        r.destinationPort(),
        r.destination(),
        r.sourcePort(),
        r.source(),
        r.destinationApp(),
        r.sourceApp(),
        r.direction(),
        r.interfaceIn(),
        r.interfaceOut(),
        r.route(),
        r.v6());
  }

  /** The desired position of a row equal to {@code r}, or null: current rows by identity. */
  private @Nullable Integer position(UfwRule r) {
    Integer at = currentPositions.get(r);
    if (at == null) {
      return index.get(r);
    }
    return at < 0 ? null : at;
  }

  /** Thrown when no ufw command reaches the next state. */
  private static final class NoCommand extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private static UfwRule twin(UfwRule v6) {
    try {
      return v6.withV6(false);
    } catch (RuntimeException e) {
      return v6;
    }
  }

  private static List<UfwRule> rows(UfwRuleSet s) {
    List<UfwRule> all = new ArrayList<>(s.ipv4Rules());
    all.addAll(s.ipv6Rules());
    return all;
  }

  /**
   * The rule set the commands reach, computed directly: the current rows not deleted, in order,
   * each missing desired row right before the first kept desired row that follows it (as {@code ufw
   * insert} puts it), the rest at the end (as {@code ufw RULE} appends).
   */
  private UfwRuleSet merged(UfwRuleSet target, UfwRuleSet current, Set<UfwRule> toDelete) {
    return target.toBuilder()
        .ipv4Rules(mergedList(target.ipv4Rules(), current.ipv4Rules(), toDelete))
        .ipv6Rules(mergedList(target.ipv6Rules(), current.ipv6Rules(), toDelete))
        .build();
  }

  private List<UfwRule> mergedList(
      List<UfwRule> wanted, List<UfwRule> current, Set<UfwRule> toDelete) {
    List<UfwRule> kept = new ArrayList<>();
    for (UfwRule r : current) {
      if (!toDelete.contains(r)) {
        kept.add(r);
      }
    }
    // wanted rows (no two equal) that a kept row equals, by position
    boolean[] keptAt = new boolean[wanted.size()];
    for (UfwRule k : kept) {
      Integer at = position(k);
      if (at != null) {
        keptAt[at] = true;
      }
    }
    List<UfwRule> out = new ArrayList<>();
    int t = 0;
    for (UfwRule k : kept) {
      Integer at = position(k);
      if (at != null) {
        for (; t < at; t++) {
          if (!keptAt[t]) {
            out.add(wanted.get(t));
          }
        }
        t = Math.max(t, at + 1);
      }
      out.add(k);
    }
    for (; t < wanted.size(); t++) {
      if (!keptAt[t]) {
        out.add(wanted.get(t));
      }
    }
    return out;
  }

  /** The managed rows of a list that are not on a longest run in desired order. */
  private List<UfwRule> misplaced(List<UfwRule> list) {
    List<UfwRule> managed = new ArrayList<>();
    int[] positions = new int[list.size()];
    for (UfwRule r : list) {
      Integer at = position(r);
      if (at != null) {
        positions[managed.size()] = at;
        managed.add(r);
      }
    }
    int m = managed.size();
    int[] tails = new int[m];
    int[] prev = new int[m];
    int len = 0;
    for (int i = 0; i < m; i++) {
      int v = positions[i];
      int lo = 0;
      int hi = len;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (positions[tails[mid]] < v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == len) {
        len++;
      }
    }
    boolean[] keep = new boolean[m];
    for (int k = len > 0 ? tails[len - 1] : -1; k >= 0; k = prev[k]) {
      keep[k] = true;
    }
    List<UfwRule> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (!keep[i]) {
        out.add(managed.get(i));
      }
    }
    return out;
  }

  private Optional<UfwRuleSet> simulate(UfwRuleSet cur, List<String> argv) {
    try {
      return Optional.of(cur.apply(parser.parse(argv)).after());
    } catch (ParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private UfwRuleSet deleteAll(UfwRuleSet start, Set<UfwRule> toDelete) throws NoCommand {
    UfwRuleSet cur = start;
    while (true) {
      List<UfwRule> now = rows(cur);
      UfwRule r = null;
      for (UfwRule x : now) {
        if (toDelete.contains(x)) {
          r = x;
          break;
        }
      }
      if (r == null) {
        return cur;
      }
      List<String> byRule = new ArrayList<>();
      byRule.add("delete");
      byRule.addAll(UfwRuleFormat.argv(r));
      UfwRuleSet next = acceptDelete(cur, byRule, r, toDelete);
      if (next == null) {
        long number = number(cur, r);
        next =
            number > 0
                ? acceptDelete(
                    cur, List.of("--force", "delete", Long.toString(number)), r, toDelete)
                : null;
        if (next == null) {
          throw new NoCommand();
        }
      }
      cur = next;
    }
  }

  private UfwRuleSet acceptDelete(
      UfwRuleSet cur, List<String> argv, UfwRule r, Set<UfwRule> toDelete) {
    Optional<UfwRuleSet> after = simulate(cur, argv);
    if (after.isEmpty()) {
      return null;
    }
    List<UfwRule> before = rows(cur);
    Set<UfwRule> now = new HashSet<>(rows(after.get()));
    if (!new HashSet<>(before).containsAll(now) || now.contains(r)) {
      return null;
    }
    List<UfwRule> removed = new ArrayList<>();
    for (UfwRule x : before) {
      if (!now.contains(x)) {
        removed.add(x);
      }
    }
    if (!toDelete.containsAll(removed)) {
      return null;
    }
    commands.add(ImmutableList.copyOf(argv));
    return after.get();
  }

  /** The number {@code ufw status numbered} shows for a row, or 0. */
  private static long number(UfwRuleSet cur, UfwRule r) {
    int total = cur.ipv4Rules().size() + cur.ipv6Rules().size();
    for (long n = 1; n <= total; n++) {
      Optional<UfwRule> x = cur.numbered(n);
      if (x.isPresent() && x.get().equals(r)) {
        return n;
      }
    }
    return 0;
  }

  private UfwRuleSet insert(UfwRuleSet cur, Group g) throws NoCommand {
    List<UfwRule> present = rows(cur);
    List<UfwRule> missing = new ArrayList<>(g.rows());
    missing.removeAll(present);
    if (missing.isEmpty()) {
      return cur;
    }
    UfwRule first = missing.get(0);
    int at = index.get(first);
    long position = 0;
    for (int i = 0; i < present.size(); i++) {
      UfwRule r = present.get(i);
      Integer k = index.get(r);
      if (k != null && r.v6() == first.v6() && k > at) {
        position = i + 1L;
        break;
      }
    }
    List<String> rule = UfwRuleFormat.argv(g.rule());
    List<List<String>> candidates = new ArrayList<>();
    if (position == 0) {
      candidates.add(rule);
    } else {
      candidates.add(insertAt(position, rule));
      candidates.add(rule);
    }
    for (List<String> argv : candidates) {
      Optional<UfwRuleSet> after = simulate(cur, argv);
      if (after.isPresent() && valid(cur, after.get(), missing)) {
        commands.add(ImmutableList.copyOf(argv));
        return after.get();
      }
    }
    if (present.size() <= BRUTE_FORCE_LIMIT) {
      for (long n = 1; n <= present.size() + 1; n++) {
        List<String> argv = insertAt(n, rule);
        Optional<UfwRuleSet> after = simulate(cur, argv);
        if (after.isPresent() && valid(cur, after.get(), missing)) {
          commands.add(ImmutableList.copyOf(argv));
          return after.get();
        }
      }
    }
    throw new NoCommand();
  }

  private static List<String> insertAt(long n, List<String> rule) {
    List<String> argv = new ArrayList<>();
    argv.add("insert");
    argv.add(Long.toString(n));
    argv.addAll(rule);
    return argv;
  }

  /**
   * Whether {@code after} holds every row of {@code before} (an unmanaged one may be replaced by
   * ufw's update) in the same relative order, plus exactly the missing rows, with the managed rows
   * in desired order.
   */
  private boolean valid(UfwRuleSet before, UfwRuleSet after, List<UfwRule> missing) {
    return validList(before.ipv4Rules(), after.ipv4Rules(), missing, false)
        && validList(before.ipv6Rules(), after.ipv6Rules(), missing, true);
  }

  private boolean validList(
      List<UfwRule> before, List<UfwRule> after, List<UfwRule> missing, boolean v6) {
    Set<UfwRule> beforeSet = new HashSet<>(before);
    for (UfwRule r : missing) {
      if (r.v6() == v6 && !after.contains(r)) {
        return false;
      }
    }
    int b = 0;
    int last = -1;
    for (UfwRule r : after) {
      Integer k = index.get(r);
      if (k != null) {
        if (k <= last) {
          return false;
        }
        last = k;
      }
      if (beforeSet.contains(r)) {
        // before's rows keep their order: skip the ones dropped (unmanaged, replaced)
        while (b < before.size() && !before.get(b).equals(r)) {
          if (index.containsKey(before.get(b))) {
            return false;
          }
          b++;
        }
        b++;
      } else if (!missing.contains(r)) {
        return false;
      }
    }
    for (; b < before.size(); b++) {
      if (index.containsKey(before.get(b))) {
        return false;
      }
    }
    return true;
  }

  private boolean converged(UfwRuleSet cur, UfwRuleSet target, boolean owns) {
    if (owns) {
      return cur.ipv4Rules().equals(target.ipv4Rules())
          && cur.ipv6Rules().equals(target.ipv6Rules());
    }
    return inOrder(cur.ipv4Rules(), target.ipv4Rules())
        && inOrder(cur.ipv6Rules(), target.ipv6Rules());
  }

  /** Whether {@code list}'s managed rows are exactly {@code wanted}, in order. */
  private boolean inOrder(List<UfwRule> list, List<UfwRule> wanted) {
    List<UfwRule> managed = new ArrayList<>();
    for (UfwRule r : list) {
      if (index.containsKey(r)) {
        managed.add(r);
      }
    }
    return managed.equals(wanted);
  }
}
