package dev.hostguard.fail2ban;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [Init]} options of one filter or action file and their values, as every jail using the
 * file reads them ({@code get('Init', option)}, without vars): the names once, each value once when
 * first asked. A value the store refuses (an interpolation error) is asked again each time, so it
 * fails where it did. A reader's store never changes once read, so neither do these.
 */
final class InitValues {
  /** One option: its place, name and {@code known/} name (null for a {@code known/} option). */
  record Option(int index, String name, @Nullable String known) {}

  private static final Object UNKNOWN = new Object();

  private final ConfigStore store;
  private final List<Option> options;
  private final Object[] values;

  InitValues(ConfigStore store) {
    this.store = store;
    List<Option> o = new ArrayList<>();
    if (store.hasSection("Init")) {
      for (String opt : store.ownOptions("Init")) {
        if (!opt.equals("__name__")) {
          o.add(new Option(o.size(), opt, opt.startsWith("known/") ? null : "known/" + opt));
        }
      }
    }
    options = List.copyOf(o);
    values = new Object[options.size()];
    java.util.Arrays.fill(values, UNKNOWN);
  }

  /** The options in the section's order, without {@code __name__}. */
  List<Option> options() {
    return options;
  }

  /** {@code get('Init', o.name())}. */
  @Nullable Object value(Option o) {
    int i = o.index();
    Object v = values[i];
    if (v == UNKNOWN) {
      v = store.get("Init", o.name(), false, null);
      values[i] = v;
    }
    return v;
  }
}
