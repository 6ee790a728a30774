package dev.hostguard.fail2ban.client;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.fail2ban.Fail2banRefusedException;
import java.util.List;
import java.util.Optional;

/**
 * A branch of a jail's status tree ({@code Filter} or {@code Actions}, or what a flavor adds) with
 * its leaves in order.
 *
 * <pre>{@code
 * StatusSection actions = status.section("Actions").orElseThrow();
 * actions.value("Banned IP list");
 * }</pre>
 *
 * @param name the branch label
 * @param lines its leaves
 */
public record StatusSection(String name, ImmutableList<StatusLine> lines) {

  /** Copies the leaves. */
  public StatusSection(String name, List<StatusLine> lines) {
    this(name, ImmutableList.copyOf(lines));
  }

  /** Checks the name. */
  public StatusSection {
    requireNonNull(name, "name");
    requireNonNull(lines, "lines");
    if (name.isEmpty() || name.contains("\n")) {
      throw new Fail2banRefusedException("bad section name: " + name);
    }
  }

  /** The value of the leaf with this label, if any. */
  public Optional<String> value(String label) {
    for (StatusLine l : lines) {
      if (l.label().equals(label)) {
        return Optional.of(l.value());
      }
    }
    return Optional.empty();
  }
}
