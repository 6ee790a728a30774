package dev.hostguard.ufw.iptables;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A typed view of a rule line: the command ({@code -A}, {@code -I}, ...), its chain, the general
 * options ({@code -p}, {@code -i}, {@code -s}...), the {@code -m} matches with their options and
 * the target with its options. The argument list is kept, so the view is lossless.
 *
 * <pre>{@code
 * IptablesRule r = IptablesRule.of(List.of("-A", "INPUT", "-j", "LOG", "--log-prefix", "[X] "));
 * r.chain(); // "INPUT"   r.target().get().name(); // "LOG"   r.toLine(); // -A INPUT ... "[X] "
 * }</pre>
 *
 * @param arguments the whole argument list
 * @param command the first argument, e.g. {@code -A}
 * @param chain the chain the command works on ({@code ""} if none)
 * @param options options before the first match or target
 * @param matches the {@code -m} matches in order
 * @param target the target, if any
 */
public record IptablesRule(
    ImmutableList<String> arguments,
    String command,
    String chain,
    ImmutableList<IptablesOption> options,
    ImmutableList<IptablesMatch> matches,
    Optional<IptablesTarget> target) {

  /** Reads the typed view of an argument list. */
  public static IptablesRule of(List<String> arguments) {
    ImmutableList<String> args = ImmutableList.copyOf(arguments);
    String command = args.isEmpty() ? "" : args.get(0);
    int i = 1;
    String chain = "";
    if (args.size() > 1 && !isOption(args.get(1))) {
      chain = args.get(1);
      i = 2;
    }
    List<IptablesOption> general = new ArrayList<>();
    List<IptablesMatch> matches = new ArrayList<>();
    IptablesTarget target = null;
    String matchName = null;
    List<IptablesOption> current = general;
    List<IptablesOption> matchOptions = null;
    boolean negate = false;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("!")) {
        negate = true;
        i++;
        continue;
      }
      int j = i + 1;
      while (j < args.size() && !isOption(args.get(j)) && !args.get(j).equals("!")) {
        j++;
      }
      ImmutableList<String> values = args.subList(i + 1, j);
      if ((a.equals("-m") || a.equals("--match")) && !values.isEmpty() && target == null) {
        if (matchName != null) {
          matches.add(new IptablesMatch(matchName, ImmutableList.copyOf(matchOptions)));
        }
        matchName = values.get(0);
        matchOptions = new ArrayList<>();
        current = matchOptions;
        if (values.size() > 1) {
          current.add(new IptablesOption(false, "", values.subList(1, values.size())));
        }
      } else if ((a.equals("-j") || a.equals("--jump") || a.equals("-g") || a.equals("--goto"))
          && !values.isEmpty()
          && target == null) {
        if (matchName != null) {
          matches.add(new IptablesMatch(matchName, ImmutableList.copyOf(matchOptions)));
          matchName = null;
        }
        boolean goTo = a.equals("-g") || a.equals("--goto");
        String targetName = values.get(0);
        current = new ArrayList<>();
        if (values.size() > 1) {
          current.add(new IptablesOption(false, "", values.subList(1, values.size())));
        }
        i = j;
        while (i < args.size()) {
          String t = args.get(i);
          boolean neg = false;
          if (t.equals("!")) {
            neg = true;
            i++;
            if (i >= args.size()) {
              current.add(new IptablesOption(true, "", ImmutableList.of()));
              break;
            }
            t = args.get(i);
          }
          int k = i + 1;
          while (k < args.size() && !isOption(args.get(k)) && !args.get(k).equals("!")) {
            k++;
          }
          current.add(new IptablesOption(neg, t, args.subList(i + 1, k)));
          i = k;
        }
        target = new IptablesTarget(goTo, targetName, ImmutableList.copyOf(current));
        break;
      } else {
        current.add(new IptablesOption(negate, a, values));
      }
      negate = false;
      i = j;
    }
    if (matchName != null) {
      matches.add(new IptablesMatch(matchName, ImmutableList.copyOf(matchOptions)));
    }
    return new IptablesRule(
        args,
        command,
        chain,
        ImmutableList.copyOf(general),
        ImmutableList.copyOf(matches),
        Optional.ofNullable(target));
  }

  /** {@code -A chain} followed by these arguments. */
  public static IptablesRule append(String chain, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add("-A");
    all.add(chain);
    all.addAll(rest);
    return of(all);
  }

  private static boolean isOption(String a) {
    return a.length() > 1 && a.charAt(0) == '-' && !Character.isDigit(a.charAt(1));
  }

  /** The rule line, arguments quoted as iptables-restore reads them back. */
  public String toLine() {
    return IptablesArguments.join(arguments);
  }
}
