package dev.hostguard.ufw.status;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The output of {@code ufw status}, {@code status verbose} or {@code status numbered}: the form,
 * the verbose header, and the rule lines in printed order.
 *
 * <pre>{@code
 * UfwStatus s = UfwStatus.parse("<stdin>", "Status: active\n");
 * s.entries().isEmpty(); // true
 * }</pre>
 *
 * <p>In the plain and verbose forms the entries are grouped (incoming, then outgoing, then routed)
 * and the blank lines between groups follow from them; in the numbered form they follow the rules
 * files' order and carry numbers 1, 2, 3...
 *
 * @param form which command printed it
 * @param header the verbose header lines (present exactly for {@link StatusForm#VERBOSE})
 * @param entries the rule lines
 */
public record UfwStatus(
    StatusForm form, Optional<StatusHeader> header, ImmutableList<StatusEntry> entries)
    implements UfwStatusOutput {

  /** Checks the parts fit the form. */
  public UfwStatus {
    checkArgument(
        header.isPresent() == (form == StatusForm.VERBOSE), "header present only when verbose");
    checkArgument(form != StatusForm.INACTIVE || entries.isEmpty(), "inactive has no entries");
    int group = 0;
    for (int i = 0; i < entries.size(); i++) {
      StatusEntry e = entries.get(i);
      if (form == StatusForm.NUMBERED) {
        checkArgument(e.number() == i + 1, "entry %s numbered %s", i + 1, e.number());
      } else {
        checkArgument(e.number() == 0, "numbers only in the numbered form");
        int g = StatusRenderer.group(e);
        checkArgument(
            g >= group, "entry %s out of group order (incoming, outgoing, routed)", i + 1);
        group = g;
      }
    }
  }

  /** {@code Status: inactive}. */
  public static UfwStatus inactive() {
    return new UfwStatus(StatusForm.INACTIVE, Optional.empty(), ImmutableList.of());
  }

  /** A status of this form with these entries (header only for verbose). */
  public static UfwStatus of(
      StatusForm form, Optional<StatusHeader> header, List<StatusEntry> entries) {
    return new UfwStatus(form, header, ImmutableList.copyOf(entries));
  }

  /** Parses a status (not {@code show added}); {@link StatusParseException} on anything else. */
  public static UfwStatus parse(String sourceName, String text) {
    UfwStatusOutput out = StatusParser.parse(sourceName, text);
    if (out instanceof UfwStatus status) {
      return status;
    }
    throw StatusParser.notAStatus(sourceName, text);
  }

  /** Whether the firewall is active. */
  public boolean active() {
    return form != StatusForm.INACTIVE;
  }

  @Override
  public String render() {
    return StatusRenderer.render(this);
  }

  @Override
  public String toString() {
    return render();
  }
}
